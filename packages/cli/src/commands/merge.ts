import { UsageError } from '@ladder/core';
import { writeResults } from '@ladder/report';
import { mergeRuns } from '@ladder/runner';
import { parseArguments } from '../arguments.js';
import { printResultTable } from '../result-table.js';

export const MERGE_HELP = `Usage: ladder merge <shard-dir> [<shard-dir> ...] --out <dir>

Combines the run directories of every shard of one plan (ladder run --shard i/n) into one
run directory and writes its results. Shards of different plans are refused.`;

export async function mergeCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArguments('merge', argv, {
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) {
    console.log(MERGE_HELP);
    return 0;
  }
  if (values.out === undefined) throw new UsageError('ladder merge: say where the merged run goes with --out <dir>');
  if (positionals.length === 0) throw new UsageError('ladder merge: give the shard run directories to combine');
  const { records } = mergeRuns({ directories: positionals, out: values.out });
  const { aggregate } = await writeResults(values.out);
  printResultTable(aggregate);
  console.log(`Merged ${positionals.length} shards (${records} samples) into ${values.out}`);
  return 0;
}
