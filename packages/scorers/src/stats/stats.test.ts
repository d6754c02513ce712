import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bootstrapMeanInterval, clusteredStandardError, corpusPassAtK, createRng, passAtK, standardErrorOfMean, wilsonInterval } from './index.js';

interface Vectors {
  pass_at_k: { vectors: { id: string; n: number; c: number; k: number; computed: number; exact?: number; per_task_n_c?: [number, number][] }[] };
  error_bars: { vectors: Record<string, unknown>[] };
}
const vectors = JSON.parse(readFileSync(new URL('../../../../../shared/vectors/stats_vectors.json', import.meta.url), 'utf8')) as Vectors;

describe('passAtK against openai/human-eval', () => {
  const cases = vectors.pass_at_k.vectors.filter((vector) => vector.per_task_n_c === undefined && vector.k <= vector.n);
  const corpora = vectors.pass_at_k.vectors.filter((vector) => vector.per_task_n_c !== undefined);
  it.each(cases.map((vector) => [vector.id, vector] as const))('%s', (_id, vector) => {
    expect(passAtK(vector.n, vector.c, vector.k)).toBeCloseTo(vector.computed, 12);
  });

  it.each(corpora.map((vector) => [vector.id, vector] as const))('%s (the mean over tasks)', (_id, vector) => {
    const problems = (vector.per_task_n_c ?? []).map(([n, passed]) => ({ n, passed }));
    expect(corpusPassAtK(problems, vector.k)).toBeCloseTo(vector.computed, 12);
  });

  it('reports no corpus pass@k when a task has fewer than k samples', () => {
    expect(corpusPassAtK([{ n: 5, passed: 1 }, { n: 3, passed: 3 }], 5)).toBeNull();
    expect(corpusPassAtK([], 1)).toBeNull();
  });

  it('refuses k > n instead of inventing a value', () => {
    expect(() => passAtK(3, 1, 5)).toThrow(/undefined with only 3 samples/);
  });
});

describe('clustered standard error against inspect_ai', () => {
  const byId = new Map(vectors.error_bars.vectors.map((vector) => [vector.id as string, vector]));

  it('reproduces the published inspect_ai test (0.645)', () => {
    const vector = byId.get('inspect_test_clustered_stderr') as { values: number[]; clusters: number[]; computed_inspect: number };
    expect(clusteredStandardError(vector.values, vector.clusters)).toBeCloseTo(vector.computed_inspect, 12);
  });

  it('reproduces the small binary vector, and the plain SE of the mean', () => {
    const vector = byId.get('small_binary') as { values: number[]; clusters: number[]; se_clustered_inspect: number; se_clt_sample_var: number };
    expect(clusteredStandardError(vector.values, vector.clusters)).toBeCloseTo(vector.se_clustered_inspect, 12);
    expect(standardErrorOfMean(vector.values)).toBeCloseTo(vector.se_clt_sample_var, 12);
  });

  it('is 0 with a single cluster', () => {
    expect(clusteredStandardError([1, 0, 1], ['a', 'a', 'a'])).toBe(0);
  });
});

describe('wilsonInterval', () => {
  it('matches statsmodels proportion_confint(method="wilson")', () => {
    const [low, high] = wilsonInterval(5, 10);
    expect(low).toBeCloseTo(0.2365930, 6);
    expect(high).toBeCloseTo(0.7634070, 6);
    const [zeroLow, zeroHigh] = wilsonInterval(0, 10);
    expect(zeroLow).toBe(0);
    expect(zeroHigh).toBeCloseTo(0.2775328, 6);
    expect(wilsonInterval(10, 10)[1]).toBe(1);
  });
});

describe('bootstrapMeanInterval', () => {
  it('is deterministic for a seed and covers the mean', () => {
    const random = createRng('data');
    const values: number[] = Array.from({ length: 200 }, () => (random() < 0.3 ? 1 : 0));
    const first = bootstrapMeanInterval(values, { seed: 's' });
    expect(bootstrapMeanInterval(values, { seed: 's' })).toEqual(first);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(first[0]).toBeLessThan(mean);
    expect(first[1]).toBeGreaterThan(mean);
    // Close to the normal interval for a proportion with n = 200.
    const half = 1.96 * Math.sqrt((mean * (1 - mean)) / values.length);
    expect(first[1] - first[0]).toBeGreaterThan(1.6 * half);
    expect(first[1] - first[0]).toBeLessThan(2.4 * half);
  });

  it('widens when repeats of one problem are clustered', () => {
    // 20 problems answered 5 times each, each problem either always right or always wrong:
    // the information is that of 20 items, not 100.
    const values: number[] = [];
    const clusters: string[] = [];
    for (let problem = 0; problem < 20; problem += 1) {
      for (let repeat = 0; repeat < 5; repeat += 1) {
        values.push(problem % 2);
        clusters.push(`p${problem}`);
      }
    }
    const plain = bootstrapMeanInterval(values, { seed: 1 });
    const clustered = bootstrapMeanInterval(values, { seed: 1, clusters });
    expect(clustered[1] - clustered[0]).toBeGreaterThan(1.8 * (plain[1] - plain[0]));
  });
});

describe('createRng', () => {
  it('gives uniform draws in [0, 1)', () => {
    const random = createRng(42);
    const draws = Array.from({ length: 100_000 }, () => random());
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    expect(mean).toBeGreaterThan(0.495);
    expect(mean).toBeLessThan(0.505);
    const buckets = new Array<number>(10).fill(0);
    for (const draw of draws) buckets[Math.floor(draw * 10)] = (buckets[Math.floor(draw * 10)] ?? 0) + 1;
    for (const bucket of buckets) expect(Math.abs(bucket - 10_000)).toBeLessThan(500);
  });
});

describe('bootstrapInterval', () => {
  it('matches bootstrapMeanInterval for the mean, resampling whole clusters', async () => {
    const { bootstrapInterval, bootstrapMeanInterval } = await import('./intervals.js');
    const values = [0.1, 0.5, 0.9, 0.3, 0.7, 0.2, 0.8, 0.4];
    const clusters = ['a', 'a', 'b', 'b', 'c', 'c', 'd', 'd'];
    const viaIndices = bootstrapInterval({
      seed: 7,
      count: values.length,
      clusters,
      statistic: (indices) => indices.reduce((total, index) => total + (values[index] as number), 0) / indices.length,
    });
    const expected = bootstrapMeanInterval(values, { seed: 7, clusters });
    expect(viaIndices[0]).toBeCloseTo(expected[0], 12);
    expect(viaIndices[1]).toBeCloseTo(expected[1], 12);
    expect(viaIndices[1]).toBeGreaterThan(viaIndices[0]);
  });
});
