import { createRng } from './random.js';
import { mean, quantileSorted } from './summary.js';

/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

/**
 * Wilson score interval for a binomial proportion: `successes` out of `n`. Unlike the normal
 * approximation it stays inside [0, 1] and is sensible at 0/n and n/n.
 */
export function wilsonInterval(successes: number, n: number, z = Z95): [number, number] {
  if (!(n > 0)) return [0, 1];
  if (successes < 0 || successes > n) throw new RangeError(`wilsonInterval: successes ${successes} outside 0..${n}`);
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  // Clamp away rounding noise at the ends (0/n gives exactly 0, n/n exactly 1).
  return [successes === 0 ? 0 : Math.max(0, center - half), successes === n ? 1 : Math.min(1, center + half)];
}

/**
 * Clustered standard error of the mean (Miller 2024, "Adding Error Bars to Evals"), as
 * inspect_ai implements it: (1/n)·sqrt(Σ_c (Σ_{i∈c} (s_i − s̄))²), with the variance scaled
 * by C/(C−1) for C clusters; 0 when there are fewer than two clusters.
 */
export function clusteredStandardError(values: readonly number[], clusters: readonly (string | number)[]): number {
  if (values.length !== clusters.length) throw new RangeError('clusteredStandardError: values and clusters differ in length');
  const n = values.length;
  if (n === 0) return Number.NaN;
  const center = mean(values);
  const sums = new Map<string | number, number>();
  values.forEach((value, index) => {
    const cluster = clusters[index] as string | number;
    sums.set(cluster, (sums.get(cluster) ?? 0) + (value - center));
  });
  const count = sums.size;
  if (count < 2) return 0;
  let total = 0;
  for (const sum of sums.values()) total += sum * sum;
  const variance = (total / (n * n)) * (count / (count - 1));
  return Math.sqrt(variance);
}

export interface BootstrapOptions {
  /** Seed of the resampling; the same seed gives the same interval. */
  seed: string | number;
  /** Number of bootstrap resamples (default 2000). */
  resamples?: number;
  /** Confidence level (default 0.95). */
  level?: number;
  /**
   * Cluster of each value (e.g. the sample id when a suite has repeats): whole clusters are
   * resampled, so repeats of one problem are not treated as independent.
   */
  clusters?: readonly (string | number)[];
}

/**
 * Percentile bootstrap interval for the mean. With `clusters`, a resample draws clusters
 * with replacement and takes the mean over all values of the drawn clusters.
 */
export function bootstrapMeanInterval(values: readonly number[], options: BootstrapOptions): [number, number] {
  const n = values.length;
  if (n === 0) return [Number.NaN, Number.NaN];
  const resamples = options.resamples ?? 2000;
  const level = options.level ?? 0.95;
  const random = createRng(options.seed);
  const groups = groupByCluster(values, options.clusters);
  const sums = groups.map((group) => group.reduce((total, value) => total + value, 0));
  const sizes = groups.map((group) => group.length);
  const means = new Float64Array(resamples);
  for (let round = 0; round < resamples; round += 1) {
    let total = 0;
    let count = 0;
    for (let draw = 0; draw < groups.length; draw += 1) {
      const pick = Math.floor(random() * groups.length);
      total += sums[pick] as number;
      count += sizes[pick] as number;
    }
    means[round] = total / count;
  }
  means.sort();
  const sorted = Array.from(means);
  const tail = (1 - level) / 2;
  return [quantileSorted(sorted, tail), quantileSorted(sorted, 1 - tail)];
}

function groupByCluster(values: readonly number[], clusters: readonly (string | number)[] | undefined): number[][] {
  if (clusters === undefined) return values.map((value) => [value]);
  if (clusters.length !== values.length) throw new RangeError('bootstrapMeanInterval: values and clusters differ in length');
  const groups = new Map<string | number, number[]>();
  values.forEach((value, index) => {
    const key = clusters[index] as string | number;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [value]);
    else group.push(value);
  });
  return [...groups.values()];
}

export interface BootstrapStatisticOptions extends BootstrapOptions {
  /** The statistic of one resample: it gets the indices of the drawn items (with repetition). */
  statistic(indices: readonly number[]): number;
  /** Number of items (values, samples) being resampled. */
  count: number;
}

/**
 * Percentile bootstrap interval for any statistic of `count` items (a corpus BLEU, a paired
 * difference): each resample draws items (or whole clusters) with replacement and hands their
 * indices to `statistic`.
 */
export function bootstrapInterval(options: BootstrapStatisticOptions): [number, number] {
  const { count } = options;
  if (count === 0) return [Number.NaN, Number.NaN];
  const resamples = options.resamples ?? 2000;
  const level = options.level ?? 0.95;
  const random = createRng(options.seed);
  const members = clusterMembers(count, options.clusters);
  const estimates = new Float64Array(resamples);
  const drawn: number[] = [];
  for (let round = 0; round < resamples; round += 1) {
    drawn.length = 0;
    for (let draw = 0; draw < members.length; draw += 1) {
      for (const index of members[Math.floor(random() * members.length)] as number[]) drawn.push(index);
    }
    estimates[round] = options.statistic(drawn);
  }
  estimates.sort();
  const sorted = Array.from(estimates);
  const tail = (1 - level) / 2;
  return [quantileSorted(sorted, tail), quantileSorted(sorted, 1 - tail)];
}

/** Item indices per cluster, in order of first appearance; one item per cluster without clusters. */
export function clusterMembers(count: number, clusters: readonly (string | number)[] | undefined): number[][] {
  if (clusters === undefined) return Array.from({ length: count }, (_, index) => [index]);
  if (clusters.length !== count) throw new RangeError('bootstrapInterval: clusters and items differ in length');
  const groups = new Map<string | number, number[]>();
  clusters.forEach((key, index) => {
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [index]);
    else group.push(index);
  });
  return [...groups.values()];
}
