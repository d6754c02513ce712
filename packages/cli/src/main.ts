import { LadderError, UsageError, redactSecrets } from '@ladder/core';

type Command = (argv: string[]) => Promise<number>;

/** Subcommands load lazily: `ladder list` never pays for the runner. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  run: { summary: 'evaluate models on suites into a run directory', load: async () => (await import('./commands/run.js')).runCommand },
  report: { summary: 'results of run directories; with --site/--out, the leaderboard and static site over several runs', load: async () => (await import('./commands/report.js')).reportCommand },
  list: { summary: 'list suites, models and scorers', load: async () => (await import('./commands/list.js')).listCommand },
  gate: { summary: 'fail when a candidate run is measurably worse than a baseline run (CI regression gate)', load: async () => (await import('./commands/gate.js')).gateCommand },
  merge: { summary: 'combine the shard run directories of one plan', load: async () => (await import('./commands/merge.js')).mergeCommand },
  init: { summary: 'write ladder.config.ts: detect API keys and local servers, pick suites and models', load: async () => (await import('./commands/init.js')).initCommand },
  'mt-score': { summary: 'BLEU, chrF, chrF++ and TER of a translation file against references (sacreBLEU 2.6), as JSON', load: async () => (await import('./commands/mt-score.js')).mtScoreCommand },
};

export function usage(): string {
  const lines = ['Usage: ladder <command> [options]', '', 'Commands:'];
  for (const [name, command] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(8)} ${command.summary}`);
  lines.push('', 'Run `ladder <command> --help` for its options.');
  return lines.join('\n');
}

/** Runs the CLI; returns the exit code. Expected failures print one line, never a stack trace. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    console.error(`ladder: unknown command "${name}"; commands: ${Object.keys(COMMANDS).join(', ')}`);
    return 2;
  }
  try {
    return await (await command.load())(rest);
  } catch (error) {
    return reportError(error);
  }
}

export function reportError(error: unknown): number {
  if (UsageError.isInstance(error)) {
    console.error(`ladder: ${oneLine(error.message)}`);
    return 2;
  }
  if (LadderError.isInstance(error)) {
    console.error(`ladder: ${oneLine(error.message)}`);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  console.error(`ladder: unexpected error: ${oneLine(message)} (set LADDER_DEBUG=1 for the stack trace)`);
  if (process.env.LADDER_DEBUG === '1' && error instanceof Error) console.error(redactSecrets(error.stack ?? ''));
  return 1;
}

function oneLine(text: string): string {
  return redactSecrets(text.replace(/\s*\n\s*/g, ' ').trim());
}
