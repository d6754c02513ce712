import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '@ladder/runner';
import type { RenderedChart } from '../charts/render-chart.js';
import { LATENCY_CSV_COLUMNS, latencyCells, renderCsv } from '../write-results.js';
import type { Leaderboard } from './board-types.js';
import { renderLeaderboardSummary } from './leaderboard-markdown.js';

/** results.json of several runs: the runs, suites, models (order, win rate, firsts, capability scores), every row with its rank, and the deltas. */
export function renderLeaderboardJson(board: Leaderboard, options: { generatedAt: string }): string {
  return `${JSON.stringify(
    {
      generatedAt: options.generatedAt,
      complete: board.complete,
      runs: board.runs.map((run) => ({
        directory: run.directory,
        name: run.name,
        planId: run.manifest.planId,
        complete: run.complete,
        finished: run.finished,
        planned: run.planned,
        gitRevision: run.manifest.gitRevision,
        models: run.manifest.models.map((model) => model.id),
      })),
      suites: board.suites.map(({ runs, ...suite }) => ({ ...suite, runs: runs.map((index) => board.runs[index]?.name) })),
      capabilities: board.capabilities,
      models: board.models.map(({ runs, ...model }) => ({ ...model, runs: runs.map((index) => board.runs[index]?.name) })),
      rows: board.cells.map((entry) => ({
        ...entry.row,
        rank: entry.rank,
        first: entry.first,
        winRate: entry.winRate,
        normalizedValue: entry.normalized,
        normalizedCi95: entry.normalizedInterval,
        latency: entry.latency,
        run: board.runs[entry.run]?.name,
      })),
      deltas: board.deltas,
    },
    null,
    2,
  )}\n`;
}

export const LEADERBOARD_CSV_COLUMNS = ['rank', 'first', 'win_rate', 'normalized_value', ...LATENCY_CSV_COLUMNS, 'run'];

/** results.csv of several runs: the per-run columns, then rank, first, win rate, the 0..1 value, latency and the run. */
export function renderLeaderboardCsv(board: Leaderboard): Promise<string> {
  return renderCsv(
    board.cells.map((entry) => entry.row),
    {
      headers: LEADERBOARD_CSV_COLUMNS,
      cells: (_row, index) => {
        const entry = board.cells[index];
        if (entry === undefined) return [];
        return [entry.rank, entry.first, entry.winRate, entry.normalized, ...latencyCells(entry.latency), board.runs[entry.run]?.name];
      },
    },
  );
}

/** Writes results.json, results.csv, summary.md and charts/*.svg of a board into a folder; returns the files. */
export async function writeLeaderboardExports(options: { directory: string; board: Leaderboard; charts: RenderedChart[]; title: string; generatedAt: string }): Promise<string[]> {
  const { directory, board, charts } = options;
  // Everything is rendered before the first file is written.
  const contents: [string, string][] = [
    ...charts.map((chart): [string, string] => [join('charts', `${chart.name}.svg`), chart.svg]),
    ['results.json', renderLeaderboardJson(board, { generatedAt: options.generatedAt })],
    ['results.csv', await renderLeaderboardCsv(board)],
    ['summary.md', renderLeaderboardSummary(board, { title: options.title, charts })],
  ];
  mkdirSync(join(directory, 'charts'), { recursive: true });
  const files: string[] = [];
  for (const [name, content] of contents) {
    const path = join(directory, name);
    writeFileAtomic(path, content);
    files.push(path);
  }
  return files;
}
