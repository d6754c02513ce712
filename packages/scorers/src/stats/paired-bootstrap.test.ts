import { describe, expect, it } from 'vitest';
import { pairedBootstrap, sacrebleuConfidence } from './paired-bootstrap.js';

const mean = (totals: readonly number[]) => (totals[0] as number) / (totals[1] as number);

describe('pairedBootstrap', () => {
  const rows = (values: number[]) => values.map((value) => [value, 1]);

  it('identical systems: no difference, and sacreBLEU p = 1/(B+1) (its `>` counts no resample)', () => {
    const system = rows([1, 0, 1, 1, 0, 1, 0, 0, 1, 1]);
    const result = pairedBootstrap({ baseline: system, system, score: mean, resamples: 200, seed: 1 });
    expect(result.difference).toBe(0);
    expect(result.differenceInterval).toEqual([0, 0]);
    expect(result.pValue).toBe(1 / 201);
    expect(result.system).toEqual(result.baseline);
  });

  it('a clearly better system gets the smallest p; a tiny difference on few segments does not', () => {
    const baseline = rows(Array.from({ length: 200 }, (_, index) => (index % 3 === 0 ? 1 : 0)));
    const better = rows(Array.from({ length: 200 }, (_, index) => (index % 3 === 2 ? 0 : 1)));
    expect(pairedBootstrap({ baseline, system: better, score: mean }).pValue).toBe(1 / 1001);
    const almost = rows(Array.from({ length: 200 }, (_, index) => (index % 3 === 0 || index === 1 ? 1 : 0)));
    const close = pairedBootstrap({ baseline, system: almost, score: mean });
    expect(close.difference).toBeCloseTo(1 / 200, 12);
    expect(close.pValue).toBeGreaterThan(0.2);
  });

  it('the same seed gives the same result; clusters resample whole groups', () => {
    const baseline = rows([1, 0, 1, 0, 1, 1]);
    const system = rows([1, 1, 1, 0, 1, 1]);
    const first = pairedBootstrap({ baseline, system, score: mean, seed: 7, resamples: 100 });
    expect(pairedBootstrap({ baseline, system, score: mean, seed: 7, resamples: 100 })).toEqual(first);
    const clustered = pairedBootstrap({ baseline, system, score: mean, seed: 7, resamples: 100, clusters: ['a', 'a', 'b', 'b', 'c', 'c'] });
    expect(clustered.system.score).toBe(first.system.score);
  });

  it('refuses systems of different lengths or statistics', () => {
    expect(() => pairedBootstrap({ baseline: rows([1]), system: rows([1, 0]), score: mean })).toThrow(/1 segments, the system 2/);
    expect(() => pairedBootstrap({ baseline: [[1, 1]], system: [[1]], score: mean })).toThrow(/system segment 1 has 1 statistics, expected 2/);
  });

  it("sacreBLEU's confidence: the mean and half the span between indices n/40 and n - n/40 - 1", () => {
    const scores = Array.from({ length: 80 }, (_, index) => index);
    expect(sacrebleuConfidence(scores)).toEqual({ mean: 39.5, ci: 0.5 * (77 - 2) });
  });
});
