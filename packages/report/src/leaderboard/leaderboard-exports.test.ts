import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseString } from 'fast-csv';
import { describe, expect, it } from 'vitest';
import { aggregateRun } from '../aggregate.js';
import { CSV_COLUMNS } from '../write-results.js';
import { writeSyntheticRun, type SyntheticSuite } from '../testing/synthetic-run.js';
import { buildLeaderboard } from './build-leaderboard.js';
import { LEADERBOARD_CSV_COLUMNS, renderLeaderboardCsv, renderLeaderboardJson } from './leaderboard-exports.js';
import { renderLeaderboardSummary } from './leaderboard-markdown.js';

function board() {
  const suites: SyntheticSuite[] = [
    { id: '=HYPERLINK("http://evil")', capabilities: ['math'], samples: 60 },
    { id: 'reward', capabilities: ['language'], samples: 30, metric: 'reward', metricKind: 'mean', metricScale: 1 },
  ];
  const directory = join(mkdtempSync(join(tmpdir(), 'ladder-exports-')), 'run');
  writeSyntheticRun({
    directory,
    suites,
    models: ['@lab/base', '-lab/new', '+lab/other'],
    // On the first suite the new model is far ahead; rewards are negative.
    sample: ({ suite, model, index }) => ({ score: suite.metricKind === 'mean' ? -0.5 - (index % 3) * 0.1 : model === '-lab/new' ? (index < 58 ? 1 : 0) : index < 20 ? 1 : 0 }),
  });
  return buildLeaderboard({ runs: [{ directory, aggregate: aggregateRun(directory, { keepScores: true }) }], deltas: [['@lab/base', '-lab/new']] });
}

function parseCsv(text: string): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    parseString(text)
      .on('data', (row: string[]) => rows.push(row))
      .on('end', () => resolve(rows))
      .on('error', reject);
  });
}

describe('combined exports', () => {
  it('neutralises text cells a spreadsheet would run and keeps negative numbers numeric', async () => {
    const rows = await parseCsv(await renderLeaderboardCsv(board()));
    expect(rows[0]).toEqual([...CSV_COLUMNS, ...LEADERBOARD_CSV_COLUMNS]);
    const body = rows.slice(1);
    expect(body).toHaveLength(6);
    for (const row of body) {
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r](?![\d.])/);
    }
    expect(body.map((row) => row[0])).toContain(`'=HYPERLINK("http://evil")`);
    expect(body.map((row) => row[1])).toEqual(expect.arrayContaining(["'@lab/base", "'-lab/new", "'+lab/other"]));
    const reward = body.find((row) => row[0] === 'reward');
    expect(reward?.[3]).toBe('-0.6');
    expect(Number(reward?.[4])).toBeLessThan(0);
    // rank, first and the run are the extra columns.
    const leader = body.find((row) => row[1] === "'-lab/new" && row[0]?.startsWith("'="));
    expect(leader?.slice(CSV_COLUMNS.length, CSV_COLUMNS.length + 2)).toEqual(['1', 'true']);
    expect(leader?.at(-1)).toBe('run');
  });

  it('writes results.json with the models in order, every row with its rank, and the deltas', () => {
    const json = JSON.parse(renderLeaderboardJson(board(), { generatedAt: 'now' })) as {
      models: { id: string; order: number; firsts: number }[];
      rows: { suite: string; model: string; rank: number; first: boolean; run: string }[];
      deltas: { base: string; candidate: string; suites: { suite: string; delta: { method: string } }[] }[];
    };
    expect(json.models[0]).toMatchObject({ id: '-lab/new', order: 1, firsts: 1 });
    expect(json.rows).toHaveLength(6);
    expect(json.rows.every((row) => row.run === 'run' && typeof row.rank === 'number')).toBe(true);
    expect(json.deltas[0]?.suites.map((entry) => entry.delta.method)).toEqual(['paired', 'paired']);
  });

  it('writes summary.md with ranks, intervals, firsts, the delta tables and the chart files', () => {
    const summary = renderLeaderboardSummary(board(), { title: 'Board', charts: [{ name: 'heatmap', title: 'Every model on every suite' }] });
    expect(summary).toContain('| 1 | -lab/new | 75.0% | 1 | 18.3 [15.4, 21.3] #1 |');
    expect(summary).toMatch(/\| -lab\/new \| 96\.7% \[\d+\.\d, \d+\.\d\] #1 ★ \|/);
    expect(summary).toContain('## -lab/new against @lab/base');
    expect(summary).toMatch(/\| =HYPERLINK\("http:\/\/evil"\) \| 33\.3% \| 96\.7% \| \*\*\+63\.3 pts\*\* \| \+\d+\.\d pts to \+\d+\.\d pts \| paired, 60 samples \|/);
    expect(summary).toContain('![Every model on every suite](charts/heatmap.svg)');
  });
});
