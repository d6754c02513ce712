import type { MetricKind, RunManifest, SampleRecord, SampleStatus } from '@ladder/core';

/** What the gate keeps of one journal line. */
export type GateRecord = Pick<SampleRecord, 'suite' | 'model' | 'sampleId' | 'repeat' | 'status' | 'score' | 'answer'> & { statistics?: number[] | undefined };

/** One run as the gate reads it: its manifest and its journal's records. */
export interface GateRun {
  /** Where it came from (the run directory), for messages. */
  source: string;
  manifest: RunManifest;
  records: GateRecord[];
}

export interface GateOptions {
  /** Non-inferiority margin as a share of each metric's scale (0.02: 2 points of accuracy, 2 chrF points). */
  margin: number;
  /** Family-wise error rate over all comparisons (one-sided). */
  alpha: number;
  /** Suites to compare (default: every suite of the baseline). */
  suites?: string[] | undefined;
  /** Model pairs, baseline id → candidate id (default: see `pairModels`). */
  models?: { baseline: string; candidate: string }[] | undefined;
  /** Compare despite changed suite versions, data or prompts (the drift is listed). */
  allowDrift: boolean;
  /** Above this share of samples that cannot be paired (errors, missing), a comparison is "cannot compare". */
  maxExcluded: number;
  /** Bootstrap resamples (at least; raised so that the smallest Holm level has 20 in its tail). */
  resamples: number;
  /** Seed of the bootstrap. */
  seed: string | number;
}

export const DEFAULT_GATE_OPTIONS: GateOptions = { margin: 0.02, alpha: 0.05, allowDrift: false, maxExcluded: 0.05, resamples: 2000, seed: 0 };

export type Verdict = 'pass' | 'regression' | 'cannot-compare';

/** How one comparison was tested. */
export type GateMethod = 'mcnemar-exact' | 'paired-bootstrap';

/** Why a planned pair (sample x repeat) did not enter the comparison. */
export type Exclusion = SampleStatus | 'missing';

export interface ExcludedSample {
  sampleId: string;
  repeat: number;
  /** The baseline's status, or `missing` (not in its journal); null when it was scored. */
  baseline: Exclusion | null;
  candidate: Exclusion | null;
}

/** A sample whose score fell: pass → fail for 0/1 metrics, the largest drops otherwise. */
export interface FlippedSample {
  sampleId: string;
  repeat: number;
  baselineScore: number;
  candidateScore: number;
  baselineAnswer: string | null;
  candidateAnswer: string | null;
}

/** One suite x model pair. Values are on the metric's own scale, over the paired samples only. */
export interface Comparison {
  suite: string;
  baselineModel: string;
  candidateModel: string;
  metric: string;
  metricKind: MetricKind;
  scale: number;
  method: GateMethod | null;
  /** Planned pairs: the sample ids in both runs x the repeats of both. */
  planned: number;
  /** Pairs scored in both runs: the denominator. */
  paired: number;
  /** Independent units (samples; repeats of a sample and rotations of a question are one cluster). */
  clusters: number;
  excluded: ExcludedSample[];
  /** Excluded pairs by reason, per run. */
  excludedCounts: { baseline: Partial<Record<Exclusion, number>>; candidate: Partial<Record<Exclusion, number>> };
  baselineValue: number | null;
  candidateValue: number | null;
  /** candidate − baseline. */
  delta: number | null;
  /** Two-sided interval for delta at `intervalLevel`; its upper end is the one-sided bound at `1 − testLevel`. */
  interval: [number, number] | null;
  intervalLevel: number | null;
  /** The one-sided level of the test after Holm's correction. */
  testLevel: number | null;
  /** The margin in the metric's units. */
  margin: number;
  /** p of H0 "candidate − baseline ≥ −margin" (small: a regression beyond the margin). */
  pValue: number | null;
  /** Holm-adjusted pValue; regression iff ≤ alpha. */
  adjustedP: number | null;
  /** McNemar's exact one-sided p (no margin) for 0/1 metrics without clusters. */
  mcnemarP: number | null;
  /** 0/1 metrics: discordant pairs (base pass → cand fail, base fail → cand pass). */
  discordant: { regressions: number; improvements: number } | null;
  /** The smallest true drop (metric units) this comparison would flag with 80% power. */
  minimumDetectableDrop: number | null;
  flips: FlippedSample[];
  /** All pairs whose score fell (flips may list only the largest). */
  flipCount: number;
  verdict: Verdict;
  /** Why it cannot be compared, when it cannot. */
  reason: string | null;
}

/** A difference between the runs' suites that makes their numbers incomparable. */
export interface Drift {
  suite: string;
  change: string;
}

export interface GateReport {
  baseline: { source: string; status: RunManifest['status']; models: string[] };
  candidate: { source: string; status: RunManifest['status']; models: string[] };
  options: GateOptions;
  comparisons: Comparison[];
  drift: Drift[];
  /** The one-line refusal when the runs drifted and --allow-drift was not given; null otherwise. */
  refusal: string | null;
  /** Things a reader must know (unpaired models, incomplete runs, changed settings). */
  notes: string[];
  verdict: Verdict;
  /** 0 pass, 1 regression, 2 cannot compare. */
  exitCode: 0 | 1 | 2;
}
