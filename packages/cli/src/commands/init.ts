import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '@ladder/core';
import { integerOption, listOption, parseArguments } from '../arguments.js';
import { apiKeyVariables } from '../init/detect-keys.js';
import { localProbes } from '../init/detect-servers.js';
import { describeDetection, detect } from '../init/detection.js';
import { builtinSuiteList, checkChoices, defaultModels, defaultSuites, providerOverrides, type InitChoices } from '../init/init-plan.js';
import { nextCommand } from '../init/next-command.js';
import { renderConfig } from '../init/render-config.js';
import { checkConfigPath, insideLadderCheckout, refuseOverwrite, writeConfigFile } from '../init/write-config.js';

export const INIT_HELP = `Usage: ladder init [options]

Writes ladder.config.ts with the suites and models \`ladder run\` uses when it is given no --suite
or --model. On a terminal it asks; with --yes, with CI set or without a terminal it asks nothing
and takes the flags, or the defaults below.

  --suite <ids>        suites, comma-separated or repeated (default: every demo-* suite)
  --model <ids>        models as provider/name (default: builtin/oracle, builtin/random,
                       builtin/echo, one model per provider with an API key, and the first
                       model of each local server that answers)
  --concurrency <c>    requests in flight per model (default: each model's own)
  --run-out <dir>      the run directory \`ladder run\` writes (default: a new
                       reports/run-<date>-<time> per run)
  --out <file>         the config file to write (default ./ladder.config.ts)
  --force              overwrite --out when it exists
  --yes, -y            ask nothing
  --no-probe           do not look for local servers

${wrap(`API keys are found by variable name (${apiKeyVariables().join(', ')}); their values are never printed or written: the config names the variables in comments.`)}

${wrap(`Local servers are asked for their models at <base URL>/models (2 s each), at <NAME>_BASE_URL when that is set and otherwise at ${localProbes({ env: {} })
  .map((probe) => `${probe.baseURL} (${probe.provider})`)
  .join(', ')}; a server away from its default address is written under providers.`)}`;

export async function initCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArguments('init', argv, {
    suite: { type: 'string', multiple: true },
    model: { type: 'string', multiple: true },
    concurrency: { type: 'string' },
    'run-out': { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean' },
    yes: { type: 'boolean', short: 'y' },
    'no-probe': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) {
    console.log(INIT_HELP);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`ladder init: unexpected argument "${positionals[0]}"; the file goes in --out <file> (see ladder init --help)`);

  const cwd = process.cwd();
  const out = values.out ?? 'ladder.config.ts';
  checkConfigPath(out);
  const path = resolve(cwd, out);
  const flags = {
    suites: listOption(values.suite),
    models: listOption(values.model),
    concurrency: integerOption('concurrency', values.concurrency, { min: 1, max: 10_000 }),
    runOut: values['run-out']?.trim() === '' ? undefined : values['run-out'],
    force: values.force === true,
  };
  // Flags are checked before anything is looked up, asked or written.
  checkChoices({ suites: flags.suites, models: flags.models, catalog: builtinSuiteList() });
  const env = process.env;
  const probes = values['no-probe'] === true ? [] : localProbes({ env });

  if (interactive({ yes: values.yes === true, env })) {
    const { interactiveInit } = await import('../init/interactive.js');
    return interactiveInit({ path, out, cwd, env, probes, flags });
  }

  // Without a terminal: the flags, or the defaults.
  if (existsSync(path) && !flags.force) refuseOverwrite(out);
  const detection = await detect({ env, probes });
  const checked = checkChoices({
    suites: flags.suites.length > 0 ? flags.suites : defaultSuites(detection.suites),
    models: flags.models.length > 0 ? flags.models : defaultModels(detection),
    catalog: detection.suites,
  });
  const choices: InitChoices = {
    ...checked,
    ...(flags.concurrency === undefined ? {} : { concurrency: flags.concurrency }),
    ...(flags.runOut === undefined ? {} : { runOut: flags.runOut }),
    providers: providerOverrides({ servers: detection.servers, models: checked.models }),
  };
  for (const line of describeDetection(detection, { probes })) console.log(line);
  const text = renderConfig({ choices, detection, useDefineConfig: insideLadderCheckout(dirname(path)) });
  await writeConfigFile({ path, text, force: flags.force });
  console.log(`Suites: ${choices.suites.join(', ')}`);
  console.log(`Models: ${choices.models.join(', ')}`);
  console.log(`Wrote ${path}`);
  console.log(`Next: ${nextCommand({ path, cwd })}`);
  return 0;
}

/** Prompts only with a terminal on both ends, no CI and no --yes. */
function interactive(options: { yes: boolean; env: NodeJS.ProcessEnv }): boolean {
  const ci = options.env.CI;
  const inCI = ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
  return !options.yes && !inCI && process.stdin.isTTY === true && process.stdout.isTTY === true;
}

/** Help paragraphs, wrapped at 100 columns. */
function wrap(text: string, width = 100): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}
