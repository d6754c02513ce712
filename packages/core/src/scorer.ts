import type { Sample } from './sample.js';

/** What a scorer gives back for one answer. */
export interface Score {
  /** The score: 0/1 for right/wrong metrics, any number for continuous ones (chrF 0..100). */
  value: number;
  /** What the scorer extracted from the output and compared (the "answer"). */
  answer?: string | undefined;
  /** A short human-readable reason (for drill-down pages). */
  explanation?: string | undefined;
  /**
   * True when no answer could be extracted: the sample gets status `format_error`
   * and counts as wrong (value 0), separately visible.
   */
  unanswered?: boolean;
  /** Extra values (e.g. per-test outcomes) kept on the sample. */
  details?: Record<string, unknown>;
  /**
   * Sufficient statistics of this sample for a corpus metric (kind `corpus`: BLEU's n-gram
   * matches and lengths, chrF's n-gram counts). They are summed over the samples and the metric
   * is computed once from the totals, as sacreBLEU does; kept on the sample record.
   */
  statistics?: number[];
  /**
   * Sufficient statistics for further corpus metrics reported beside the main one, by corpus
   * metric name (chrF's n-gram counts on a BLEU suite). Each is summed over the samples like
   * `statistics`; the scorer's `metric.secondary` names them.
   */
  metrics?: Record<string, number[]>;
}

export interface ScoreInput {
  sample: Sample;
  /** The model's answer text (reasoning excluded). */
  output: string;
  abortSignal?: AbortSignal;
}

/**
 * How per-sample scores become one number per suite and model.
 * - `proportion`: the mean of 0/1 scores; Wilson interval (clustered when there are repeats).
 * - `mean`: the mean of continuous scores; bootstrap interval over samples.
 * - `corpus`: computed once from the per-sample `statistics` summed over the corpus (corpus BLEU,
 *   corpus chrF); `name` is a corpus metric known to `corpusMetric()` of @ladder/scorers; bootstrap
 *   interval over samples (whole clusters). Each sample's `value` is its sentence-level score.
 */
export type MetricKind = 'proportion' | 'mean' | 'corpus';

export interface MetricSpec {
  name: string;
  kind: MetricKind;
  /** Scale of the values (1 for proportions, 100 for chrF). */
  scale?: number;
  /** How exactly the metric is computed, e.g. a sacreBLEU signature `nrefs:1|case:mixed|eff:no|tok:zh|smooth:exp|version:…`. */
  signature?: string;
  /** Corpus metrics reported beside this one, from each sample's `Score.metrics` (e.g. chrF on a BLEU suite). */
  secondary?: { name: string; signature?: string }[];
}

/** Run-wide settings the runner hands every scorer before the first sample. */
export interface ScorerRunSettings {
  /** Programs a code scorer may run at once (`ladder run --exec-workers`; default: the number of cores). */
  execWorkers?: number;
}

export interface Scorer {
  name: string;
  /** The metric this scorer's values feed. */
  metric: MetricSpec;
  score(input: ScoreInput): Score | Promise<Score>;
  /**
   * Called once per run before any sample is scored: readies what the scorer runs on (the
   * sandbox of a code scorer) and describes it. The runner records the description in the
   * manifest (`suites[].scorerEnvironment`), since it can change scores; a `warning` in it is
   * also shown to the user and kept in `manifest.warnings`.
   */
  environment?(settings: ScorerRunSettings): ScorerEnvironment | Promise<ScorerEnvironment>;
}

/** What a scorer runs on (e.g. `{ tier: 'bubblewrap', limits: {...}, interpreter: {...} }`). */
export type ScorerEnvironment = Record<string, unknown> & { warning?: string };
