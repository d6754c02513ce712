import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Z95, wilsonInterval } from '@ladder/scorers';
import { describe, expect, it } from 'vitest';
import { aggregateRun } from '../aggregate.js';
import { writeSyntheticRun, type SyntheticSample, type SyntheticSuite } from '../testing/synthetic-run.js';
import { buildLeaderboard } from './build-leaderboard.js';
import type { LoadedRun } from './combine-runs.js';
import { rankUpperBound, soleFirst } from './ranks.js';
import { meanWinRates } from './win-rate.js';

/** The first `round(accuracy * n)` samples right, the rest wrong. */
function accuracyRun(options: { suites: SyntheticSuite[]; accuracies: Record<string, number | Record<string, number>>; name?: string }): LoadedRun {
  const directory = join(mkdtempSync(join(tmpdir(), 'ladder-board-')), options.name ?? 'run');
  writeSyntheticRun({
    directory,
    suites: options.suites,
    models: Object.keys(options.accuracies),
    sample: ({ suite, model, index }): SyntheticSample => {
      const entry = options.accuracies[model] as number | Record<string, number>;
      const accuracy = typeof entry === 'number' ? entry : (entry[suite.id] ?? 0);
      return { score: index < Math.round(accuracy * suite.samples) ? 1 : 0, totalMs: 100 + index, firstTokenMs: 10 };
    },
  });
  return { directory, aggregate: aggregateRun(directory, { keepScores: true }) };
}

const SUITE: SyntheticSuite = { id: 'arith', capabilities: ['math'], samples: 200 };

describe('ranks and firsts', () => {
  it('gives two models whose intervals overlap rank 1 each and neither a first', () => {
    const board = buildLeaderboard({ runs: [accuracyRun({ suites: [SUITE], accuracies: { 'lab/a': 0.6, 'lab/b': 0.57 } })] });
    const a = board.cells.find((cell) => cell.model === 'lab/a');
    const b = board.cells.find((cell) => cell.model === 'lab/b');
    // The premise: the difference is smaller than the intervals.
    expect(a?.row.ci95?.[0]).toBeLessThan(b?.row.ci95?.[1] ?? 0);
    expect([a?.rank, b?.rank]).toEqual([1, 1]);
    expect([a?.first, b?.first]).toEqual([false, false]);
    expect(board.models.map((model) => [model.id, model.firsts])).toEqual([
      ['lab/a', 0],
      ['lab/b', 0],
    ]);
  });

  it('gives the leader the first when the gap is clear', () => {
    const board = buildLeaderboard({ runs: [accuracyRun({ suites: [SUITE], accuracies: { 'lab/a': 0.9, 'lab/b': 0.5, 'lab/c': 0.52 } })] });
    const rank = (model: string) => board.cells.find((cell) => cell.model === model)?.rank;
    expect([rank('lab/a'), rank('lab/b'), rank('lab/c')]).toEqual([1, 2, 2]);
    expect(board.models.find((model) => model.id === 'lab/a')).toMatchObject({ firsts: 1, firstSuites: ['arith'], order: 1 });
    expect(board.models.filter((model) => model.firsts > 0)).toHaveLength(1);
  });

  it('counts the models entirely above, so a chain of overlaps does not make a tie transitive', () => {
    const ranks = rankUpperBound([
      { model: 'a', value: 0.8, interval: [0.75, 0.85] },
      { model: 'b', value: 0.72, interval: [0.66, 0.78] },
      { model: 'c', value: 0.6, interval: [0.55, 0.68] },
      { model: 'd', value: null, interval: null },
    ]);
    expect(Object.fromEntries(ranks)).toEqual({ a: 1, b: 1, c: 2 });
    expect(soleFirst(ranks)).toBeNull();
    expect(soleFirst(new Map([['a', 1], ['b', 2]]))).toBe('a');
  });

  it('computes HELM mean win rates, a tie counting one half', () => {
    const rates = meanWinRates([
      new Map([['a', 3], ['b', 2], ['c', 1]]),
      new Map([['a', 1], ['b', 1], ['c', 2]]),
    ]);
    expect(rates.get('a')).toBeCloseTo((1 + 0.25) / 2, 10);
    expect(rates.get('b')).toBeCloseTo((0.5 + 0.25) / 2, 10);
    expect(rates.get('c')).toBeCloseTo((0 + 1) / 2, 10);
  });
});

describe('capability macro averages', () => {
  it('puts suites of different scales on one 0..1 scale and averages them with a normal interval', () => {
    const suites: SyntheticSuite[] = [
      { id: 'count', capabilities: ['math'], samples: 50 },
      { id: 'chrf', capabilities: ['translation', 'math'], samples: 40, metric: 'chrF', metricKind: 'mean', metricScale: 100 },
    ];
    const directory = join(mkdtempSync(join(tmpdir(), 'ladder-board-')), 'run');
    writeSyntheticRun({
      directory,
      suites,
      models: ['lab/a'],
      sample: ({ suite, index }) => ({ score: suite.id === 'count' ? (index < 30 ? 1 : 0) : 40 + (index % 5) * 10 }),
    });
    const board = buildLeaderboard({ runs: [{ directory, aggregate: aggregateRun(directory, { keepScores: true }) }] });
    const model = board.models[0];
    const count = board.cells.find((cell) => cell.suite === 'count');
    const chrf = board.cells.find((cell) => cell.suite === 'chrf');
    expect(chrf?.row.value).toBe(60);
    expect(chrf?.normalized).toBeCloseTo(0.6, 10);
    expect(model?.capabilities.math?.score?.value).toBeCloseTo((0.6 + 0.6) / 2, 6);
    expect(model?.capabilities.translation?.score?.value).toBeCloseTo(0.6, 6);
    const [low, high] = wilsonInterval(30, 50);
    const standardErrors = [(high - low) / (2 * Z95), ((chrf?.row.ci95?.[1] ?? 0) - (chrf?.row.ci95?.[0] ?? 0)) / 100 / (2 * Z95)];
    const half = (Z95 * Math.hypot(...standardErrors)) / 2;
    expect(count?.normalizedInterval?.[0]).toBeCloseTo(low, 5);
    expect(model?.capabilities.math?.score?.ci95[0]).toBeCloseTo(0.6 - half, 5);
    expect(model?.capabilities.math?.score?.ci95[1]).toBeCloseTo(0.6 + half, 5);
  });

  it('gives no capability score to a model that did not run every suite of it', () => {
    const suites: SyntheticSuite[] = [
      { id: 's1', capabilities: ['math'], samples: 20 },
      { id: 's2', capabilities: ['math'], samples: 20 },
    ];
    const first = accuracyRun({ suites, accuracies: { 'lab/a': 0.5 }, name: 'one' });
    const second = accuracyRun({ suites: [suites[0] as SyntheticSuite], accuracies: { 'lab/b': 0.5 }, name: 'two' });
    const board = buildLeaderboard({ runs: [first, second] });
    const b = board.models.find((model) => model.id === 'lab/b');
    expect(b?.capabilities.math).toMatchObject({ score: null, rank: null, missing: ['s2'] });
    expect(board.models.find((model) => model.id === 'lab/a')?.capabilities.math?.score).not.toBeNull();
  });
});

describe('deltas', () => {
  it('pairs the two models per sample: the same difference, a narrower interval than unpaired', () => {
    const suites: SyntheticSuite[] = [{ id: 'arith', capabilities: ['math'], samples: 200 }];
    const directory = join(mkdtempSync(join(tmpdir(), 'ladder-board-')), 'run');
    // The candidate gets right everything the base does, plus 20 more samples.
    writeSyntheticRun({
      directory,
      suites,
      models: ['spark/4.0', 'spark/4.0-turbo'],
      sample: ({ model, index }) => ({ score: index < (model === 'spark/4.0' ? 100 : 120) ? 1 : 0 }),
    });
    const board = buildLeaderboard({ runs: [{ directory, aggregate: aggregateRun(directory, { keepScores: true }) }], deltas: [['spark/4.0', 'spark/4.0-turbo']] });
    const [delta] = board.deltas;
    const arith = delta?.suites[0];
    expect(arith?.delta).toMatchObject({ value: 0.1, method: 'paired', pairs: 200 });
    // Paired differences: 20 of 200 are +1, the rest 0.
    const standardError = Math.sqrt((20 * 0.9 ** 2 + 180 * 0.1 ** 2) / 199 / 200);
    expect(arith?.delta?.ci95[0]).toBeCloseTo(0.1 - Z95 * standardError, 5);
    const unpairedHalf = Z95 * Math.hypot(...[wilsonInterval(100, 200), wilsonInterval(120, 200)].map(([low, high]) => (high - low) / (2 * Z95)));
    expect((arith?.delta?.ci95[1] ?? 0) - (arith?.delta?.ci95[0] ?? 0)).toBeLessThan(unpairedHalf * 2);
    expect(delta?.capabilities).toEqual([{ group: 'math', base: 0.5, candidate: 0.6, delta: { value: 0.1, ci95: arith?.delta?.ci95, suites: ['arith'] }, missing: [] }]);
  });

  it('refuses a model that is not on the board', () => {
    const run = accuracyRun({ suites: [SUITE], accuracies: { 'lab/a': 0.5 } });
    expect(() => buildLeaderboard({ runs: [run], deltas: [['lab/a', 'lab/zzz']] })).toThrow(/no model lab\/zzz on the board; models: lab\/a/);
  });
});

describe('several runs', () => {
  it('refuses a suite x model present in two runs, naming both directories', () => {
    const first = accuracyRun({ suites: [SUITE], accuracies: { 'lab/a': 0.5 }, name: 'first' });
    const second = accuracyRun({ suites: [SUITE], accuracies: { 'lab/a': 0.6 }, name: 'second' });
    expect(() => buildLeaderboard({ runs: [first, second] })).toThrow(/arith x lab\/a is in both .*first and .*second; .*leave one of the directories out/);
  });

  it('refuses to compare a suite run on other data', () => {
    const first = accuracyRun({ suites: [SUITE], accuracies: { 'lab/a': 0.5 }, name: 'first' });
    const second = accuracyRun({ suites: [{ ...SUITE, samples: 100 }], accuracies: { 'lab/b': 0.6 }, name: 'second' });
    expect(() => buildLeaderboard({ runs: [first, second] })).toThrow(/suite arith has datasetSha256 .* in .*first but .* in .*second/);
  });

  it('joins the models of runs that share suites', () => {
    const first = accuracyRun({ suites: [SUITE], accuracies: { 'lab/a': 0.5 }, name: 'first' });
    const second = accuracyRun({ suites: [SUITE], accuracies: { 'lab/b': 0.9 }, name: 'second' });
    const board = buildLeaderboard({ runs: [first, second] });
    expect(board.models.map((model) => model.id)).toEqual(['lab/b', 'lab/a']);
    expect(board.suites[0]?.runs).toEqual([0, 1]);
    expect(board.runs.map((run) => run.siteId)).toEqual(['1-first', '2-second']);
  });
});
