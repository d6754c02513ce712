import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { UsageError, type Suite } from '@ladder/core';
import { writeResults } from '@ladder/report';
import { hubData, isHubUri } from '@ladder/datasets';
import { builtinScorers, resolveScorer } from '@ladder/scorers';
import { DEFAULT_TIMEOUT_MS, parseShard, planRun, prepareSuite, runPlan, type PreparedSuite } from '@ladder/runner';
import { integerOption, listOption, numberOption, parseArguments } from '../arguments.js';
import { pickSuites, suiteCatalog } from '../catalog.js';
import { loadConfig } from '../config.js';
import { estimatePlan, formatEstimate } from '../dry-run.js';
import { planModels } from '../plan-models.js';
import { createProgress } from '../progress.js';
import { printQualityLatencyTable } from '../quality-latency-table.js';
import { printResultTable } from '../result-table.js';
import { translationFilesSuite } from '../translation-files.js';

export const RUN_HELP = `Usage: ladder run --suite <ids> --model <ids> [options]

  --suite <ids>        suites, comma-separated or repeated (ladder list shows them)
  --model <ids>        models as provider/name: builtin/oracle, builtin/random, builtin/echo, gguf/<file.gguf>
  --out <dir>          run directory (default reports/run-<date>-<time>)
  --limit <n>          the first n samples of each suite
  --repeats <k>        ask each sample k times (default: the suite's)
  --concurrency <c>    requests in flight per model (default: the model's)
  --exec-workers <n>   programs code suites run at once, each in its sandbox (default: cores)
  --seed <s>           seed for sampling and the random baseline (default 0)
  --timeout <seconds>  per-request time limit (default ${DEFAULT_TIMEOUT_MS / 1000})
  --max-attempts <n>   attempts per request, retries included (default 4)
  --resume             continue the run in --out; finished samples are not asked again
  --shard <i/n>        run the i-th of n deterministic slices of the plan (combine with ladder merge)
  --no-cache           do not read or write the response cache
  --cache-dir <dir>    response cache (default $LADDER_CACHE_DIR or ~/.cache/ladder)
  --data <path>        a local copy of the (single) suite's data (a folder for the translation suites;
                       .jsonl, .json, .csv or .parquet), or a hub file:
                       hf://datasets/<owner>/<name>@<commit>/<file> (downloaded once, checked)
  --source <file>      with --suite translation: the source file, one segment per line
  --reference <file>   with --suite translation: a reference file aligned with it (repeat for more)
  --pair <src>-<tgt>   with --suite translation: the languages, e.g. zh-en (the target picks the BLEU tokenizer)
  --scorer <name>      score every suite with this built-in scorer instead of its own, e.g.
                       --scorer math-verify on the math suites (ladder list shows the scorers)
  --simul-policy <ids> simultaneous-translation policies, comma-separated: wait-<k>, lag-<N>s, full
                       (default for a simul-* suite: wait-1,wait-3,wait-5,lag-2s,lag-4s,lag-8s,full);
                       <suite>@<policy> names one, e.g. --suite simul-zh-en@wait-3
  --config <file>      config file (default ./ladder.config.ts when present)
  --dry-run            print the plan (calls, worst-case tokens and cost) and stop
  --max-cost <usd>     refuse the run if its worst-case cost is above this many dollars
  --latency-mode       for speed measurements: fixed --concurrency (default 1), cache off,
                       --warmup requests per model first (default 3), not recorded`;

export async function runCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArguments('run', argv, {
    suite: { type: 'string', multiple: true },
    model: { type: 'string', multiple: true },
    out: { type: 'string' },
    limit: { type: 'string' },
    repeats: { type: 'string' },
    concurrency: { type: 'string' },
    'exec-workers': { type: 'string' },
    seed: { type: 'string' },
    timeout: { type: 'string' },
    'max-attempts': { type: 'string' },
    resume: { type: 'boolean' },
    shard: { type: 'string' },
    'no-cache': { type: 'boolean' },
    'cache-dir': { type: 'string' },
    data: { type: 'string' },
    source: { type: 'string' },
    reference: { type: 'string', multiple: true },
    pair: { type: 'string' },
    'simul-policy': { type: 'string', multiple: true },
    scorer: { type: 'string' },
    config: { type: 'string' },
    'dry-run': { type: 'boolean' },
    'max-cost': { type: 'string' },
    'latency-mode': { type: 'boolean' },
    warmup: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) {
    console.log(RUN_HELP);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`ladder run: unexpected argument "${positionals[0]}"; flags start with -- (see ladder run --help)`);

  // 1. Everything the user gave is checked before anything is written.
  const { config, path: configPath, baseDir } = await loadConfig(values.config === undefined ? {} : { explicitPath: values.config });
  const defaults = config.run ?? {};
  const suiteIds = listOption(values.suite);
  const modelIds = listOption(values.model);
  if (suiteIds.length === 0) suiteIds.push(...(defaults.suites ?? []));
  if (modelIds.length === 0) modelIds.push(...(defaults.models ?? []));
  if (suiteIds.length === 0) throw new UsageError('ladder run: no suite given; add --suite <id> (ladder list shows them)');
  if (modelIds.length === 0) throw new UsageError('ladder run: no model given; add --model <provider/name>, e.g. --model builtin/oracle');
  const limit = integerOption('limit', values.limit, { min: 1 }) ?? defaults.limit;
  const repeats = integerOption('repeats', values.repeats, { min: 1, max: 1000 }) ?? defaults.repeats;
  const latencyMode = values['latency-mode'] === true;
  const concurrency = integerOption('concurrency', values.concurrency, { min: 1, max: 10_000 }) ?? defaults.concurrency ?? (latencyMode ? 1 : undefined);
  const warmup = integerOption('warmup', values.warmup, { min: 0, max: 1000 });
  const execWorkers = integerOption('exec-workers', values['exec-workers'], { min: 1, max: 1024 });
  if (warmup !== undefined && !latencyMode) throw new UsageError('--warmup: only with --latency-mode');
  if (latencyMode && values.resume === true) throw new UsageError('--latency-mode: a speed measurement is not resumed; start it again with a new --out');
  const maxCost = numberOption('max-cost', values['max-cost'], { min: 0 });
  const seed = integerOption('seed', values.seed, { min: 0 }) ?? defaults.seed ?? 0;
  const timeoutSeconds = numberOption('timeout', values.timeout, { min: 0.001 });
  const timeoutMs = timeoutSeconds === undefined ? (defaults.timeoutMs ?? DEFAULT_TIMEOUT_MS) : Math.round(timeoutSeconds * 1000);
  const maxAttempts = integerOption('max-attempts', values['max-attempts'], { min: 1, max: 100 }) ?? defaults.maxAttempts ?? 4;
  const shard = values.shard === undefined ? null : parseShard(values.shard);
  // The policies of one simultaneous suite (<suite>@<policy>) share its data.
  const dataSuites = new Set(suiteIds.map((id) => id.split('@')[0]));
  if (values.data !== undefined && dataSuites.size !== 1) {
    throw new UsageError(`--data ${values.data}: applies to one suite, but ${dataSuites.size} were given; run one --suite at a time`);
  }
  if (values.resume === true && values.out === undefined) throw new UsageError('--resume: say which run to continue with --out <dir>');
  const duplicates = [...suiteIds, ...modelIds].filter((id, index, all) => all.indexOf(id) !== index);
  if (duplicates.length > 0) throw new UsageError(`ladder run: "${duplicates[0]}" is given twice`);

  const catalog = suiteCatalog({ config, configPath, baseDir });
  const filesSuite = translationFilesSuite(values, suiteIds);
  if (filesSuite !== undefined) catalog.set(filesSuite.id, filesSuite);
  const policies = listOption(values['simul-policy']);
  const suites = withScorer(pickSuites(catalog, suiteIds, policies.length === 0 ? {} : { modes: policies }), values.scorer);
  const models = await planModels({ ids: modelIds, config, concurrency });
  // A hub file (hf://datasets/<owner>/<name>@<commit>/<file>) is fetched into the data cache first.
  const dataPath = values.data === undefined ? undefined : isHubUri(values.data) ? await hubData(values.data) : resolve(values.data);
  const prepared: PreparedSuite[] = [];
  for (const suite of suites) {
    prepared.push(
      await prepareSuite(suite, {
        baseDir,
        ...(dataPath === undefined ? {} : { dataPath }),
        ...(limit === undefined ? {} : { limit }),
        ...(repeats === undefined ? {} : { repeats }),
      }),
    );
  }
  const plan = planRun({ suites: prepared, models, seed, generation: defaults.generation ?? {}, shard });
  if (values['dry-run'] === true || maxCost !== undefined) {
    const estimate = estimatePlan(plan);
    if (values['dry-run'] === true) {
      console.log(formatEstimate(estimate));
      return 0;
    }
    if (estimate.costUsd === null) {
      const unpriced = estimate.models.filter((entry) => entry.costUsd === null).map((entry) => entry.id);
      throw new UsageError(`--max-cost: no price for ${unpriced.join(', ')}; add it under prices in ladder.config.ts (US dollars per million tokens)`);
    }
    if (estimate.costUsd > (maxCost ?? Number.POSITIVE_INFINITY)) {
      throw new UsageError(`--max-cost ${maxCost}: the worst case of this run is $${estimate.costUsd.toFixed(4)} (${estimate.calls} calls; see --dry-run); raise the ceiling or use --limit`);
    }
  }
  // --out is relative to where you run; the config's run.out to the config file.
  const directory = values.out !== undefined ? resolve(values.out) : defaults.out !== undefined ? resolve(baseDir, defaults.out) : resolve(join('reports', `run-${timestamp()}`));
  const cacheDirectory =
    values['no-cache'] === true || latencyMode ? null : resolve(values['cache-dir'] ?? process.env.LADDER_CACHE_DIR ?? defaults.cacheDir ?? join(homedir(), '.cache', 'ladder'));

  // 2. Run. Ctrl-C stops taking new work; what finished is in the journal for --resume.
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const progress = await createProgress(`${suites.length} suite(s) x ${models.length} model(s)`);
  let result;
  try {
    result = await runPlan({
      plan,
      directory,
      resume: values.resume === true,
      cacheDirectory,
      timeoutMs,
      retry: { maxAttempts },
      concurrency: concurrency ?? null,
      execWorkers: execWorkers ?? null,
      limit: limit ?? null,
      command: ['ladder', 'run', ...argv],
      hooks: {
        onRunStart: ({ total, resumed }) => progress.start(total, resumed),
        onSampleEnd: (record, state) => progress.onSampleEnd?.(record, state),
        onWarning: (message) => console.error(`ladder: WARNING: ${message}`),
      },
      signal: controller.signal,
      ...(latencyMode ? { warmup: warmup ?? 3 } : {}),
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  const { summary, manifest } = result;
  if (manifest.status !== 'complete') {
    progress.stop(`Stopped: ${summary.executed + summary.resumed} of ${plan.items.length} samples are in ${join(directory, 'samples.jsonl')}.`);
    console.error(`ladder: run interrupted; continue it with the same command plus --resume${values.out === undefined ? ` --out ${directory}` : ''}`);
    return 130;
  }
  progress.stop(
    `Done: ${plan.items.length} samples (${summary.resumed} resumed, ${summary.cacheHits} cached, ${summary.modelCalls} model calls).`,
  );
  const { aggregate } = await writeResults(directory);
  printResultTable(aggregate);
  printQualityLatencyTable(aggregate);
  const errors = aggregate.rows.reduce((total, row) => total + row.errors, 0);
  if (errors > 0) console.log(`${errors} sample(s) ended in an infrastructure error; they are not in any denominator (see samples.jsonl).`);
  const truncated = aggregate.rows.reduce((total, row) => total + row.truncated, 0);
  if (truncated > 0) console.log(`${truncated} sample(s) spent the whole output token budget thinking (status truncated, not in any denominator); raise maxOutputTokens.`);
  const costs = aggregate.rows.flatMap((row) => (row.costUsd === null ? [] : [row.costUsd]));
  if (costs.length > 0) console.log(`Cost of the uncached calls: $${costs.reduce((total, cost) => total + cost, 0).toFixed(4)}.`);
  console.log(`Run directory: ${directory}`);
  return 0;
}

function timestamp(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
}

/** `--scorer <name>`: every suite scored by that built-in scorer (its name is in the plan and the manifest, so runs scored otherwise are not mixed). */
function withScorer(suites: Suite[], name: string | undefined): Suite[] {
  if (name === undefined) return suites;
  if (!Object.hasOwn(builtinScorers, name)) {
    throw new UsageError(`--scorer ${name}: not a built-in scorer; use one of ${Object.keys(builtinScorers).join(', ')}`);
  }
  return suites.map((suite) => ({ ...suite, scorer: resolveScorer(name) }));
}
