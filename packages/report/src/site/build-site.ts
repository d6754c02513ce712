import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync, copyFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError, type RunManifest, type SampleRecord } from '@ladder/core';
import { JOURNAL_FILE, MANIFEST_FILE, iterateJournal, readManifest } from '@ladder/runner';
import { chartDefinitions } from '../charts/chart-specs.js';
import { renderChart, type RenderedChart } from '../charts/render-chart.js';
import type { Leaderboard } from '../leaderboard/board-types.js';
import { renderLeaderboardCsv, renderLeaderboardJson } from '../leaderboard/leaderboard-exports.js';
import { renderLeaderboardSummary } from '../leaderboard/leaderboard-markdown.js';
import { samplePagePath } from '../site-paths.js';
import { renderIndexPage } from './index-page.js';
import { preparePrompts, type PromptSource, type SuitePrompts } from './prompts.js';
import { renderSampleArticle, renderSamplePage } from './sample-page.js';
import { writeAssets } from './vendor-assets.js';

/** Marks a folder as written by `buildSite`: only such a folder (or an empty one) is replaced. */
const SITE_MARKER = '.ladder-site';

export interface SiteOptions {
  board: Leaderboard;
  /** Where the site goes (`--site <dir>`). */
  directory: string;
  title: string;
  /** Renders prompts for the sample pages; null shows none. */
  prompts: PromptSource | null;
  generatedAt: string;
  /** Charts already rendered (e.g. for `--out` as well); rendered here when absent. */
  charts?: RenderedChart[];
}

export interface SiteResult {
  directory: string;
  /** HTML pages written. */
  pages: number;
  /** Bytes written, assets included. */
  bytes: number;
  charts: RenderedChart[];
  /** Per suite, what the sample pages say about prompts. */
  promptNotes: Map<string, string>;
}

/**
 * Writes the static site: index.html (leaderboard, deltas, charts, suites, runs), one page per
 * suite x model with every sample (`samples/<suite>/<model>.html#s-<id>-r<repeat>`), each run's
 * manifest.json, the charts as SVG, results.json, results.csv and summary.md, and the scripts
 * it needs (no CDN). It is built in a sibling folder and moved into place whole.
 */
export async function buildSite(options: SiteOptions): Promise<SiteResult> {
  const target = resolve(options.directory);
  checkTarget(target, options.directory);
  const staging = `${target}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(join(staging, 'assets'), { recursive: true });
  try {
    const result = await writeSite(staging, options);
    const previous = `${target}.previous-${process.pid}`;
    if (existsSync(target)) renameSync(target, previous);
    renameSync(staging, target);
    rmSync(previous, { recursive: true, force: true });
    return { ...result, directory: target };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

function checkTarget(target: string, given: string): void {
  if (!existsSync(target)) {
    if (!existsSync(dirname(target))) mkdirSync(dirname(target), { recursive: true });
    return;
  }
  if (!statSync(target).isDirectory()) throw new UsageError(`--site ${given}: is a file; give a folder for the site`);
  const entries = readdirSync(target);
  if (entries.length > 0 && !entries.includes(SITE_MARKER)) {
    throw new UsageError(`--site ${given}: the folder holds other files and no Ladder site; give a new or empty folder (a site built before is replaced)`);
  }
}

async function writeSite(root: string, options: SiteOptions): Promise<Omit<SiteResult, 'directory'>> {
  const { board } = options;
  let bytes = 0;
  let pages = 0;
  const write = (path: string, content: string) => {
    writeFileSync(join(root, path), content);
    bytes += Buffer.byteLength(content);
    if (path.endsWith('.html')) pages += 1;
  };
  bytes += writeAssets(join(root, 'assets'));

  const charts = options.charts ?? (await renderCharts(board));
  mkdirSync(join(root, 'charts'));
  for (const chart of charts) write(join('charts', `${chart.name}.svg`), chart.svg);

  for (const run of board.runs) {
    mkdirSync(join(root, 'runs', run.siteId), { recursive: true });
    copyFileSync(join(run.directory, MANIFEST_FILE), join(root, 'runs', run.siteId, MANIFEST_FILE));
    bytes += statSync(join(root, 'runs', run.siteId, MANIFEST_FILE)).size;
  }

  // Prompts: per suite, rendered again and checked against the hashes of the first run that holds it.
  // Its manifest's prompt hashes are in dataset order: the order of the samples on the pages.
  const prompts = new Map<string, SuitePrompts>();
  const sampleOrder = new Map<string, Map<string, number>>();
  const manifests = new Map<number, RunManifest>();
  for (const suite of board.suites) {
    const runIndex = suite.runs[0] ?? 0;
    const run = board.runs[runIndex];
    if (run === undefined) continue;
    let manifest = manifests.get(runIndex);
    if (manifest === undefined) {
      manifest = readManifest(run.directory);
      manifests.set(runIndex, manifest);
    }
    const suiteManifest = manifest.suites.find((entry) => entry.id === suite.id);
    if (suiteManifest === undefined) continue;
    prompts.set(suite.id, await preparePrompts(suiteManifest, options.prompts));
    sampleOrder.set(suite.id, new Map(Object.keys(suiteManifest.promptHashes).map((id, index) => [id, index])));
  }
  manifests.clear();

  const suites = new Map(board.suites.map((suite) => [suite.id, suite]));
  board.runs.forEach((run, runIndex) => {
    // One pass over the journal; the first line of a sample x repeat counts, as in the aggregate.
    const buckets = new Map<string, { sampleId: string; repeat: number; html: string }[]>();
    const seen = new Set<string>();
    for (const record of iterateJournal(join(run.directory, JOURNAL_FILE))) {
      const key = `${record.suite}\u0000${record.model}`;
      const sampleKey = `${key}\u0000${record.sampleId}\u0000${record.repeat}`;
      if (seen.has(sampleKey)) continue;
      seen.add(sampleKey);
      const suite = suites.get(record.suite);
      if (suite === undefined) continue;
      let bucket = buckets.get(key);
      if (bucket === undefined) {
        bucket = [];
        buckets.set(key, bucket);
      }
      bucket.push({ sampleId: record.sampleId, repeat: record.repeat, html: articleFor(record, suite.metricKind, prompts.get(record.suite)) });
    }
    for (const cell of board.cells) {
      if (cell.run !== runIndex) continue;
      const suite = suites.get(cell.suite);
      if (suite === undefined) continue;
      const order = sampleOrder.get(cell.suite) ?? new Map<string, number>();
      const position = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
      const entries = (buckets.get(`${cell.suite}\u0000${cell.model}`) ?? []).sort(
        (a, b) => position(a.sampleId) - position(b.sampleId) || (a.sampleId < b.sampleId ? -1 : a.sampleId > b.sampleId ? 1 : 0) || a.repeat - b.repeat,
      );
      const path = samplePagePath(cell.suite, cell.model);
      mkdirSync(join(root, dirname(path)), { recursive: true });
      write(path, renderSamplePage({ suite, cell, run, articles: entries.map((entry) => entry.html), promptNote: prompts.get(cell.suite)?.note ?? null }));
      buckets.delete(`${cell.suite}\u0000${cell.model}`);
    }
  });

  write('index.html', renderIndexPage({ board, charts, title: options.title, generatedAt: options.generatedAt }));
  write('results.json', renderLeaderboardJson(board, { generatedAt: options.generatedAt }));
  write('results.csv', await renderLeaderboardCsv(board));
  write('summary.md', renderLeaderboardSummary(board, { title: options.title, charts }));
  // GitHub Pages runs Jekyll unless told not to, and Jekyll drops folders starting with `_` (ids like `_6570` are).
  write('.nojekyll', '');
  write(SITE_MARKER, 'Written by `ladder report --site`; a new build replaces this whole folder.\n');
  return { pages, bytes, charts, promptNotes: new Map([...prompts].map(([suite, entry]) => [suite, entry.note])) };
}

function articleFor(record: SampleRecord, kind: Leaderboard['suites'][number]['metricKind'], prompts: SuitePrompts | undefined): string {
  const prompt = prompts?.blocks.get(record.sampleId) ?? prompts?.fallback ?? '';
  return renderSampleArticle(record, { kind, prompt });
}

/** Every chart of the board, rendered to SVG. */
export async function renderCharts(board: Leaderboard): Promise<RenderedChart[]> {
  const charts: RenderedChart[] = [];
  for (const definition of chartDefinitions(board)) charts.push(await renderChart(definition));
  return charts;
}
