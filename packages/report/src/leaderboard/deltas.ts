import { Z95, bootstrapInterval, corpusResampler, mean, standardErrorOfMean, sumStatistics } from '@ladder/scorers';
import type { MetricKind, ResultRow } from '@ladder/core';
import type { SampleScore } from '../aggregate.js';
import { round, standardErrorOf } from './macro-average.js';
import type { MetricScale } from './metric-scale.js';

export interface DeltaEstimate {
  /** candidate - base. */
  value: number;
  ci95: [number, number];
  /**
   * `paired`: over the samples both models scored (per-sample differences, repeats averaged
   * first; a paired bootstrap for corpus metrics); `unpaired`: from the two rows' intervals.
   */
  method: 'paired' | 'unpaired';
  /** Samples paired; null when unpaired. */
  pairs: number | null;
}

export interface SuiteDelta {
  suite: string;
  base: number | null;
  candidate: number | null;
  /** On the metric's own scale. */
  delta: DeltaEstimate | null;
  /** On the 0..1, higher-is-better scale (positive: the candidate is better). */
  normalized: DeltaEstimate | null;
}

export interface GroupDelta {
  /** A capability tag, or `overall`. */
  group: string;
  base: number | null;
  candidate: number | null;
  /** The mean of the suites' normalised deltas, with a normal interval from their standard errors. */
  delta: { value: number; ci95: [number, number]; suites: string[] } | null;
  /** Suites of the group that one of the two models has no delta on. */
  missing: string[];
}

/** Version-over-version: `candidate` against `base`, per suite, per capability and overall. */
export interface ModelDelta {
  base: string;
  candidate: string;
  suites: SuiteDelta[];
  capabilities: GroupDelta[];
  overall: GroupDelta;
}

interface PerSample {
  total: number;
  count: number;
  statistics: number[][];
}

function bySample(scores: readonly SampleScore[]): Map<string, PerSample> {
  const samples = new Map<string, PerSample>();
  for (const score of scores) {
    const entry = samples.get(score.sampleId) ?? { total: 0, count: 0, statistics: [] };
    entry.total += score.score;
    entry.count += 1;
    if (score.statistics !== undefined) entry.statistics.push(score.statistics);
    samples.set(score.sampleId, entry);
  }
  return samples;
}

/**
 * The difference candidate - base on one suite. When both scored at least two common samples
 * the estimate is paired: for proportions and means the mean of the per-sample differences
 * (each sample's repeats averaged first) with a normal interval from their standard error; for
 * corpus metrics the corpus score of the candidate minus the base's over the common samples,
 * with a paired percentile bootstrap (the same samples drawn for both). Otherwise it is the
 * difference of the rows' values with SE = sqrt(SE_base² + SE_candidate²) from their intervals.
 */
export function suiteDelta(options: {
  metric: string;
  metricKind: MetricKind;
  base: { row: ResultRow; scores: readonly SampleScore[] };
  candidate: { row: ResultRow; scores: readonly SampleScore[] };
  seed: string;
}): DeltaEstimate | null {
  const base = bySample(options.base.scores);
  const candidate = bySample(options.candidate.scores);
  const common = [...base.keys()].filter((id) => candidate.has(id)).sort();
  if (common.length >= 2) {
    if (options.metricKind === 'corpus') {
      const baseMetric = corpusResampler(options.metric, common.map((id) => sumStatistics((base.get(id) as PerSample).statistics)));
      const candidateMetric = corpusResampler(options.metric, common.map((id) => sumStatistics((candidate.get(id) as PerSample).statistics)));
      const difference = (indices: readonly number[]) => candidateMetric(indices) - baseMetric(indices);
      const all = common.map((_, index) => index);
      const interval = bootstrapInterval({ seed: options.seed, count: common.length, resamples: 1000, statistic: difference });
      return { value: round(difference(all)), ci95: [round(interval[0]), round(interval[1])], method: 'paired', pairs: common.length };
    }
    const differences = common.map((id) => {
      const b = base.get(id) as PerSample;
      const c = candidate.get(id) as PerSample;
      return c.total / c.count - b.total / b.count;
    });
    const value = mean(differences);
    const half = Z95 * standardErrorOfMean(differences);
    return { value: round(value), ci95: [round(value - half), round(value + half)], method: 'paired', pairs: common.length };
  }
  const { row: baseRow } = options.base;
  const { row: candidateRow } = options.candidate;
  if (baseRow.value === null || candidateRow.value === null || baseRow.ci95 === null || candidateRow.ci95 === null) return null;
  const value = candidateRow.value - baseRow.value;
  const half = Z95 * Math.hypot(standardErrorOf(baseRow.ci95), standardErrorOf(candidateRow.ci95));
  return { value: round(value), ci95: [round(value - half), round(value + half)], method: 'unpaired', pairs: null };
}

/** A suite delta on the 0..1, higher-is-better scale. */
export function normalizeDelta(delta: DeltaEstimate | null, scale: MetricScale): DeltaEstimate | null {
  if (delta === null || scale.scale === null) return null;
  const factor = (scale.higherIsBetter ? 1 : -1) / scale.scale;
  const ends = [delta.ci95[0] * factor, delta.ci95[1] * factor].sort((a, b) => a - b) as [number, number];
  return { ...delta, value: round(delta.value * factor), ci95: [round(ends[0]), round(ends[1])] };
}

/** The mean of several suites' normalised deltas, SE = sqrt(Σ SE_i²) / k. */
export function groupDelta(parts: readonly { suite: string; delta: DeltaEstimate }[]): GroupDelta['delta'] {
  if (parts.length === 0) return null;
  const k = parts.length;
  const value = parts.reduce((total, part) => total + part.delta.value, 0) / k;
  const variance = parts.reduce((total, part) => total + standardErrorOf(part.delta.ci95) ** 2, 0);
  const half = (Z95 * Math.sqrt(variance)) / k;
  return { value: round(value), ci95: [round(value - half), round(value + half)], suites: parts.map((part) => part.suite) };
}
