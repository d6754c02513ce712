import type { MetricKind } from '@ladder/core';
import { bootstrapInterval, corpusResampler, mean } from '@ladder/scorers';
import { clopperPearsonBounds, binomialUpperTail, mcnemarExactOneSided } from './statistics/binomial.js';
import { minimumDetectableDrop, minimumDetectableProportionDrop } from './statistics/minimum-detectable-effect.js';
import type { PairedItem } from './pair-samples.js';
import type { GateMethod } from './types.js';

/** The paired difference candidate − baseline of one comparison, testable at any one-sided level. */
export interface PairedEstimate {
  method: GateMethod;
  baselineValue: number;
  candidateValue: number;
  delta: number;
  /** p of H0 "delta ≥ −margin". */
  pValue: number;
  mcnemarP: number | null;
  discordant: { regressions: number; improvements: number } | null;
  /** Two-sided interval whose ends are the one-sided bounds with error `tail` each. */
  interval(tail: number): [number, number];
  minimumDetectableDrop(tail: number): number;
}

export interface EstimateOptions {
  pairs: readonly PairedItem[];
  metric: string;
  metricKind: MetricKind;
  /** In the metric's units. */
  margin: number;
  resamples: number;
  seed: string;
}

/**
 * McNemar's exact test for 0/1 scores of independent pairs; a paired bootstrap otherwise
 * (continuous scores, corpus metrics, and 0/1 scores with repeats or CircularEval rotations,
 * whose pairs are not independent: whole clusters are resampled).
 */
export function estimatePaired(options: EstimateOptions): PairedEstimate {
  const { pairs } = options;
  const binary = pairs.every((pair) => isBinary(pair.baseline.score) && isBinary(pair.candidate.score));
  const clustered = new Set(pairs.map((pair) => pair.cluster)).size < pairs.length;
  if (options.metricKind === 'proportion' && binary && !clustered) return mcnemarEstimate(pairs, options.margin);
  return bootstrapEstimate(options, clustered);
}

function isBinary(score: number | null): boolean {
  return score === 0 || score === 1;
}

/**
 * Conditional on the d = b + c discordant pairs, the b regressions are Binomial(d, π) and
 * delta = (d/n)(1 − 2π). "delta ≥ −margin" is "π ≤ π₀ = (1 + margin·n/d)/2", tested exactly:
 * p = P(X ≥ b | d, π₀) (McNemar's exact test when margin = 0). The interval maps the
 * Clopper–Pearson bounds of π through the same line, so its upper end is below −margin exactly
 * when p < tail.
 */
function mcnemarEstimate(pairs: readonly PairedItem[], margin: number): PairedEstimate {
  const n = pairs.length;
  let regressions = 0;
  let improvements = 0;
  let baselineTotal = 0;
  let candidateTotal = 0;
  for (const pair of pairs) {
    const baseline = pair.baseline.score as number;
    const candidate = pair.candidate.score as number;
    baselineTotal += baseline;
    candidateTotal += candidate;
    if (baseline > candidate) regressions += 1;
    else if (candidate > baseline) improvements += 1;
  }
  const discordant = regressions + improvements;
  const nullShare = discordant === 0 ? 1 : (1 + (margin * n) / discordant) / 2;
  const pValue = nullShare >= 1 ? 1 : binomialUpperTail(regressions, discordant, nullShare);
  const toDelta = (share: number) => (discordant / n) * (1 - 2 * share);
  return {
    method: 'mcnemar-exact',
    baselineValue: baselineTotal / n,
    candidateValue: candidateTotal / n,
    delta: (improvements - regressions) / n,
    pValue,
    mcnemarP: mcnemarExactOneSided(regressions, improvements),
    discordant: { regressions, improvements },
    interval(tail) {
      const bounds = clopperPearsonBounds(regressions, discordant, tail);
      return discordant === 0 ? [0, 0] : [toDelta(bounds.high), toDelta(bounds.low)];
    },
    minimumDetectableDrop: (tail) => minimumDetectableProportionDrop({ margin, tail, discordance: discordant / n, pairs: n }),
  };
}

/**
 * Paired bootstrap: each resample draws samples (whole clusters) with replacement, the same
 * draw for both runs, and recomputes candidate − baseline (the corpus metric from the summed
 * statistics of the drawn samples). p = share of resamples with delta ≥ −margin; the bounds are
 * order statistics of the resampled deltas, so the upper bound at level 1 − tail is below
 * −margin exactly when p ≤ tail.
 */
function bootstrapEstimate(options: EstimateOptions, clustered: boolean): PairedEstimate {
  const { pairs, margin } = options;
  const delta = deltaStatistic(options);
  const all = pairs.map((_, index) => index);
  const observed = delta.values(all);
  const deltas: number[] = [];
  bootstrapInterval({
    seed: options.seed,
    count: pairs.length,
    resamples: options.resamples,
    ...(clustered ? { clusters: pairs.map((pair) => pair.cluster) } : {}),
    statistic(indices) {
      const { baseline, candidate } = delta.values(indices);
      const value = candidate - baseline;
      deltas.push(value);
      return value;
    },
  });
  deltas.sort((a, b) => a - b);
  const resamples = deltas.length;
  const atLeastMargin = deltas.filter((value) => value >= -margin - 1e-12).length;
  const orderStatistic = (share: number) => deltas[Math.min(resamples - 1, Math.max(0, Math.ceil(share * resamples - 1e-9) - 1))] as number;
  const center = mean(deltas);
  const standardError = Math.sqrt(deltas.reduce((total, value) => total + (value - center) ** 2, 0) / Math.max(1, resamples - 1));
  return {
    method: 'paired-bootstrap',
    baselineValue: observed.baseline,
    candidateValue: observed.candidate,
    delta: observed.candidate - observed.baseline,
    pValue: atLeastMargin / resamples,
    mcnemarP: null,
    discordant: options.metricKind === 'proportion' ? countDiscordant(pairs) : null,
    interval: (tail) => [orderStatistic(tail), orderStatistic(1 - tail)],
    minimumDetectableDrop: (tail) => minimumDetectableDrop({ margin, tail, standardError }),
  };
}

function countDiscordant(pairs: readonly PairedItem[]): { regressions: number; improvements: number } {
  let regressions = 0;
  let improvements = 0;
  for (const pair of pairs) {
    if ((pair.baseline.score as number) > (pair.candidate.score as number)) regressions += 1;
    else if ((pair.candidate.score as number) > (pair.baseline.score as number)) improvements += 1;
  }
  return { regressions, improvements };
}

/** Both runs' values over a multiset of pair indices: means of scores, or the corpus metric of summed statistics. */
function deltaStatistic(options: EstimateOptions): { values(indices: readonly number[]): { baseline: number; candidate: number } } {
  const { pairs } = options;
  if (options.metricKind !== 'corpus') {
    const baseline = pairs.map((pair) => pair.baseline.score as number);
    const candidate = pairs.map((pair) => pair.candidate.score as number);
    return {
      values(indices) {
        let baselineTotal = 0;
        let candidateTotal = 0;
        for (const index of indices) {
          baselineTotal += baseline[index] as number;
          candidateTotal += candidate[index] as number;
        }
        return { baseline: baselineTotal / indices.length, candidate: candidateTotal / indices.length };
      },
    };
  }
  const baseline = corpusResampler(options.metric, pairs.map((pair) => pair.baseline.statistics as number[]));
  const candidate = corpusResampler(options.metric, pairs.map((pair) => pair.candidate.statistics as number[]));
  return { values: (indices) => ({ baseline: baseline(indices), candidate: candidate(indices) }) };
}
