import { resolve } from 'node:path';
import { UsageError } from '@ladder/core';
import { buildLeaderboard, buildSite, loadRuns, renderCharts, writeLeaderboardExports, writeResults } from '@ladder/report';
import { listOption, parseArguments } from '../arguments.js';
import { suiteCatalog } from '../catalog.js';
import { loadConfig } from '../config.js';
import { printLeaderboardTable, printResultTable } from '../result-table.js';
import { catalogPromptSource } from '../suite-prompts.js';

export const REPORT_HELP = `Usage: ladder report <run-dir> [<run-dir> ...] [--site <dir>] [--out <dir>] [options]

Without --site or --out: (re)writes results.json, results.csv and summary.md in each run
directory from its manifest.json and samples.jsonl.

With them, compares every model of all the runs on every suite:
  --site <dir>          build the static leaderboard site (index.html, a page per suite x model
                        with every sample, charts, manifests, results.json/csv, summary.md);
                        plain files for any static host (GitHub Pages); no server, no CDN
  --out <dir>           write the combined results.json, results.csv, summary.md and charts/*.svg
  --delta <base>,<new>  version-over-version deltas, new minus base, per suite and capability
                        (repeat for more pairs), e.g. --delta spark/4.0,spark/4.0-turbo
  --title <text>        the site's and summary's title (default "Ladder leaderboard")
  --config <file>       the ladder.config.ts defining the runs' own suites (to show their prompts)
  --no-prompts          do not render the prompts again for the sample pages

A suite x model may come from one run only, and a suite must have the same version, data and
prompts in every run that holds it.`;

export async function reportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArguments('report', argv, {
    site: { type: 'string' },
    out: { type: 'string' },
    delta: { type: 'string', multiple: true },
    title: { type: 'string' },
    config: { type: 'string' },
    'no-prompts': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) {
    console.log(REPORT_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('ladder report: give at least one run directory (written by ladder run)');
  const deltas = (values.delta ?? []).map((pair) => {
    const models = listOption(pair);
    if (models.length !== 2) throw new UsageError(`--delta ${pair}: name two models, the base first: --delta <base>,<new> (e.g. spark/4.0,spark/4.0-turbo)`);
    return [models[0], models[1]] as [string, string];
  });
  if (values.site === undefined && values.out === undefined) {
    for (const flag of ['delta', 'title', 'config', 'no-prompts'] as const) {
      if (values[flag] !== undefined) throw new UsageError(`--${flag}: only with --site <dir> or --out <dir> (the combined report)`);
    }
    return rewriteEachRun(positionals);
  }
  if (values.site !== undefined && values.out !== undefined && resolve(values.site) === resolve(values.out)) {
    throw new UsageError('--site and --out name the same folder; the site holds the exports already, so give only --site');
  }

  // Everything is read and checked before anything is written.
  const board = buildLeaderboard({ runs: loadRuns(positionals), deltas });
  const title = values.title ?? 'Ladder leaderboard';
  const generatedAt = new Date().toISOString();
  const charts = await renderCharts(board);
  printLeaderboardTable(board);
  if (values.out !== undefined) {
    const files = await writeLeaderboardExports({ directory: values.out, board, charts, title, generatedAt });
    console.log(`Wrote ${files.filter((file) => !file.endsWith('.svg')).join(', ')} and ${charts.length} chart(s) under ${resolve(values.out, 'charts')}`);
  }
  if (values.site !== undefined) {
    let prompts = null;
    if (values['no-prompts'] !== true) {
      const { config, path: configPath, baseDir } = await loadConfig(values.config === undefined ? {} : { explicitPath: values.config });
      prompts = catalogPromptSource(suiteCatalog({ config, configPath, baseDir }), { baseDir });
    }
    const site = await buildSite({ board, directory: values.site, title, prompts, generatedAt, charts });
    // Say where prompts could not be shown (not when --no-prompts asked for none).
    if (prompts !== null) for (const [suite, note] of site.promptNotes) if (!/: (\d+) of \1 match/.test(note)) console.error(`ladder: ${suite}: ${note}`);
    console.log(`Site: ${site.directory}/index.html (${site.pages} pages, ${(site.bytes / 1e6).toFixed(1)} MB); publish the folder as it is (e.g. GitHub Pages)`);
  }
  const incomplete = board.runs.filter((run) => !run.complete);
  for (const run of incomplete) console.error(`ladder: ${run.directory} is incomplete (${run.finished} of ${run.planned} samples); the report says so`);
  return incomplete.length > 0 ? 1 : 0;
}

async function rewriteEachRun(directories: string[]): Promise<number> {
  let incomplete = false;
  for (const directory of directories) {
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
