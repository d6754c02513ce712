import { UsageError } from '@ladder/core';
import { writeResults } from '@ladder/report';
import { parseArguments } from '../arguments.js';
import { printResultTable } from '../result-table.js';

export const REPORT_HELP = `Usage: ladder report <run-dir> [<run-dir> ...]

(Re)writes results.json, results.csv and summary.md in each run directory from its
manifest.json and samples.jsonl.`;

export async function reportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArguments('report', argv, { help: { type: 'boolean', short: 'h' } });
  if (values.help === true) {
    console.log(REPORT_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('ladder report: give at least one run directory (written by ladder run)');
  let incomplete = false;
  for (const directory of positionals) {
    const { aggregate, files } = await writeResults(directory);
    printResultTable(aggregate);
    if (aggregate.finished < aggregate.planned || aggregate.manifest.status !== 'complete') {
      incomplete = true;
      console.error(`ladder: ${directory} is incomplete (${aggregate.finished} of ${aggregate.planned} samples); the results say so`);
    }
    console.log(`Wrote ${files.join(', ')}`);
  }
  return incomplete ? 1 : 0;
}
