import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { UsageError } from '@ladder/core';
import { DEFAULT_GATE_OPTIONS, parseModelPairs, readRun, renderJunit, renderMarkdown, renderTable, runGate } from '@ladder/gate';
import { writeFileAtomic } from '@ladder/runner';
import { integerOption, listOption, numberOption, parseArguments } from '../arguments.js';

export const GATE_HELP = `Usage: ladder gate --baseline <run-dir> --candidate <run-dir> [options]

Fails when the candidate run is measurably worse than the baseline on a suite: pairs the two
runs' samples (suite, model, sample id, repeat), tests candidate − baseline per suite x model
(McNemar's exact test for 0/1 scores, a paired bootstrap for continuous and corpus metrics and
for repeated samples), corrects across suites with Holm, and fails a suite when the upper end
of the interval is below −margin. Exit 0 pass, 1 regression, 2 cannot compare or bad input.

  --baseline DIR        the reference run (ladder run --out DIR)
  --candidate DIR       the run to judge
  --margin SHARE        tolerated drop, a share of the metric's scale (default ${DEFAULT_GATE_OPTIONS.margin}: 2 points of
                        accuracy, 2 chrF or BLEU points)
  --alpha A             family-wise false-alarm rate, one-sided (default ${DEFAULT_GATE_OPTIONS.alpha})
  --suite IDS           compare only these suites (default: every suite of the baseline)
  --model BASE=CAND     pair these models (repeatable; an id alone pairs it with itself); by
                        default models of the same id, or the one model of each run
  --allow-drift         compare despite changed suite versions, data, prompts or sample sets
                        (the drift is listed)
  --max-excluded SHARE  above this share of pairs not scored in both runs (errors, timeouts,
                        truncated, missing) a suite cannot be compared (default ${DEFAULT_GATE_OPTIONS.maxExcluded})
  --resamples N         bootstrap resamples (default ${DEFAULT_GATE_OPTIONS.resamples}, raised for many suites)
  --seed S              bootstrap seed (default ${DEFAULT_GATE_OPTIONS.seed})
  --markdown FILE       write the verdict as Markdown (a pull-request comment, $GITHUB_STEP_SUMMARY)
  --junit FILE          write JUnit XML (one testcase per suite x model)
  --json FILE           write the whole report as JSON (every flipped and excluded sample)
  --site URL            link flipped samples to the candidate's static site (ladder report --site)
  --baseline-site URL   and to the baseline's`;

export async function gateCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArguments('gate', argv, {
    help: { type: 'boolean', short: 'h' },
    baseline: { type: 'string' },
    candidate: { type: 'string' },
    margin: { type: 'string' },
    alpha: { type: 'string' },
    suite: { type: 'string', multiple: true },
    model: { type: 'string', multiple: true },
    'allow-drift': { type: 'boolean' },
    'max-excluded': { type: 'string' },
    resamples: { type: 'string' },
    seed: { type: 'string' },
    markdown: { type: 'string' },
    junit: { type: 'string' },
    json: { type: 'string' },
    site: { type: 'string' },
    'baseline-site': { type: 'string' },
  });
  if (values.help === true) {
    console.log(GATE_HELP);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`ladder gate: unexpected argument "${positionals[0]}"; give the runs as --baseline DIR --candidate DIR`);
  if (values.baseline === undefined || values.candidate === undefined) {
    throw new UsageError('ladder gate: give both --baseline <run-dir> and --candidate <run-dir> (folders written by ladder run)');
  }
  const options = {
    margin: numberOption('margin', values.margin, { min: 0 }) ?? DEFAULT_GATE_OPTIONS.margin,
    alpha: numberOption('alpha', values.alpha, { min: 0 }) ?? DEFAULT_GATE_OPTIONS.alpha,
    maxExcluded: numberOption('max-excluded', values['max-excluded'], { min: 0 }) ?? DEFAULT_GATE_OPTIONS.maxExcluded,
    resamples: integerOption('resamples', values.resamples, { min: 100 }) ?? DEFAULT_GATE_OPTIONS.resamples,
    seed: values.seed ?? DEFAULT_GATE_OPTIONS.seed,
    suites: listOption(values.suite),
    models: parseModelPairs(listOption(values.model)),
    allowDrift: values['allow-drift'] === true,
  };
  const report = runGate(readRun(values.baseline, 'baseline'), readRun(values.candidate, 'candidate'), options);
  const outputs: [string | undefined, () => string][] = [
    [values.markdown, () => renderMarkdown(report, { site: values.site, baselineSite: values['baseline-site'] })],
    [values.junit, () => renderJunit(report)],
    [values.json, () => `${JSON.stringify(report, null, 2)}\n`],
  ];
  if (report.refusal !== null) console.error(`ladder: ${report.refusal}`);
  else console.log(renderTable(report));
  for (const [path, render] of outputs) {
    if (path === undefined) continue;
    mkdirSync(dirname(path), { recursive: true });
    writeFileAtomic(path, render());
  }
  return report.exitCode;
}
