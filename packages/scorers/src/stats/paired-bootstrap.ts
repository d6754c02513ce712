import { clusterMembers } from './intervals.js';
import { NumpyPcg64 } from './numpy-random.js';
import { quantileSorted } from './summary.js';

/**
 * Paired bootstrap resampling to compare two systems on the same test set, as sacreBLEU's
 * `--paired-bs` does (`sacrebleu/significance.py: _paired_bs_test`, after Koehn 2004 and Moses'
 * bootstrap-hypothesis-difference-significance.pl):
 *
 * - each resample draws n segments with replacement, the SAME indices for both systems, and
 *   computes each system's corpus score from the sum of the drawn segments' statistics;
 * - the p-value tests "the two systems are equally good": with Δ = |score(system) − score(baseline)|
 *   on the full test set and δ_k = |score_k(system) − score_k(baseline)| in resample k,
 *   p = (#{k : δ_k − mean(δ) > Δ} + 1) / (B + 1)
 *   (the bootstrap distribution of δ shifted to mean 0 stands in for the null distribution; the +1
 *   keeps p > 0). A small p (e.g. < 0.05) says the difference is unlikely to be chance;
 * - each system's mean and 95% half-width are sacreBLEU's: the mean of its resampled scores and
 *   half the distance between the sorted scores at indices ⌊B/40⌋ and B − ⌊B/40⌋ − 1.
 *
 * The draws are numpy's: `default_rng(seed).choice(n, size=(B, n))` reproduced bit for bit
 * (numpy-random.ts), so with the same seed Ladder resamples exactly the segments sacreBLEU does.
 * What remains different: sacreBLEU sums the statistics and computes the resampled scores in
 * float32 (NumPy 2 keeps float32 through the metric's arithmetic), Ladder in float64, so means and
 * half-widths agree to about 1e-5 and a p-value can differ only when a resampled difference lies
 * that close to the observed one. `clusters` (optional) resamples whole clusters, e.g. the
 * repeats of a sample (sacreBLEU has no such option).
 */
export interface PairedBootstrapOptions {
  /** Per-segment statistics of the baseline (sufficient statistics of a corpus metric). */
  baseline: readonly (readonly number[])[];
  /** Per-segment statistics of the system compared with it, segment for segment. */
  system: readonly (readonly number[])[];
  /** The corpus score of summed statistics (e.g. `corpusMetric('BLEU').fromStatistics`). */
  score(totals: readonly number[]): number;
  /** Number of resamples B (default 1000, sacreBLEU's). */
  resamples?: number;
  /** Seed of numpy's generator (a non-negative integer; default 12345, sacreBLEU's `SACREBLEU_SEED`). */
  seed?: number;
  clusters?: readonly (string | number)[];
}

export interface BootstrapEstimate {
  /** The score on the whole test set. */
  score: number;
  /** Mean of the resampled scores. */
  mean: number;
  /** Half-width of the 95% interval of the resampled scores (sacreBLEU's "± ci"). */
  ci: number;
}

export interface PairedBootstrapResult {
  baseline: BootstrapEstimate;
  system: BootstrapEstimate;
  /** score(system) − score(baseline). */
  difference: number;
  /** 2.5% and 97.5% percentiles of the resampled differences system − baseline. */
  differenceInterval: [number, number];
  pValue: number;
  resamples: number;
  seed: number;
}

/** sacreBLEU's `estimate_ci`: the mean and half the span between the ⌊n/40⌋-th lowest and highest sorted scores. */
export function sacrebleuConfidence(scores: readonly number[]): { mean: number; ci: number } {
  const sorted = [...scores].sort((a, b) => a - b);
  const lower = Math.floor(sorted.length / 40);
  const upper = sorted.length - lower - 1;
  const mean = sorted.reduce((total, value) => total + value, 0) / sorted.length;
  return { mean, ci: 0.5 * ((sorted[upper] as number) - (sorted[lower] as number)) };
}

function flatten(rows: readonly (readonly number[])[], width: number, name: string): Float64Array {
  const flat = new Float64Array(rows.length * width);
  rows.forEach((row, index) => {
    if (row.length !== width) throw new RangeError(`pairedBootstrap: ${name} segment ${index + 1} has ${row.length} statistics, expected ${width}`);
    flat.set(row, index * width);
  });
  return flat;
}

function totalsOf(flat: Float64Array, width: number, rows?: readonly number[]): number[] {
  const totals = new Array<number>(width).fill(0);
  const count = flat.length / width;
  for (let draw = 0; draw < (rows?.length ?? count); draw += 1) {
    const offset = (rows === undefined ? draw : (rows[draw] as number)) * width;
    for (let column = 0; column < width; column += 1) totals[column] = (totals[column] as number) + (flat[offset + column] as number);
  }
  return totals;
}

export function pairedBootstrap(options: PairedBootstrapOptions): PairedBootstrapResult {
  const count = options.baseline.length;
  if (count === 0) throw new RangeError('pairedBootstrap: no segments');
  if (options.system.length !== count) throw new RangeError(`pairedBootstrap: the baseline has ${count} segments, the system ${options.system.length}`);
  const width = (options.baseline[0] as readonly number[]).length;
  const baseline = flatten(options.baseline, width, 'baseline');
  const system = flatten(options.system, width, 'system');
  const resamples = options.resamples ?? 1000;
  const seed = options.seed ?? 12345;
  const random = new NumpyPcg64(seed);
  const members = clusterMembers(count, options.clusters);

  const baselineScores: number[] = [];
  const systemScores: number[] = [];
  const drawn: number[] = [];
  for (let round = 0; round < resamples; round += 1) {
    drawn.length = 0;
    for (let draw = 0; draw < members.length; draw += 1) {
      for (const index of members[random.below(members.length)] as number[]) drawn.push(index);
    }
    baselineScores.push(options.score(totalsOf(baseline, width, drawn)));
    systemScores.push(options.score(totalsOf(system, width, drawn)));
  }

  const baselineScore = options.score(totalsOf(baseline, width));
  const systemScore = options.score(totalsOf(system, width));
  const observed = Math.abs(systemScore - baselineScore);
  const sampled = systemScores.map((score, round) => Math.abs(score - (baselineScores[round] as number)));
  const sampledMean = sampled.reduce((total, value) => total + value, 0) / resamples;
  const exceeding = sampled.filter((value) => value - sampledMean > observed).length;
  const differences = systemScores.map((score, round) => score - (baselineScores[round] as number)).sort((a, b) => a - b);
  return {
    baseline: { score: baselineScore, ...sacrebleuConfidence(baselineScores) },
    system: { score: systemScore, ...sacrebleuConfidence(systemScores) },
    difference: systemScore - baselineScore,
    differenceInterval: [quantileSorted(differences, 0.025), quantileSorted(differences, 0.975)],
    pValue: (exceeding + 1) / (resamples + 1),
    resamples,
    seed,
  };
}

