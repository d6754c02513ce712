import type { FinishReason, GenerationSettings, Usage } from './language-model.js';
import type { SampleStatus } from './status.js';
import type { MetricKind } from './scorer.js';

/** Timing of one real model call. Absent on cache hits: cached samples never count as latency. */
export interface SampleTiming {
  /** Time to the first streamed token of any kind (reasoning included). */
  firstTokenMs: number | null;
  /** Time to the first token of the answer (after any reasoning). */
  firstAnswerTokenMs: number | null;
  /** End-to-end time of the successful attempt. Retry waits are not in it. */
  totalMs: number;
  interTokenMs: { mean: number; p50: number; p90: number } | null;
  /** Output tokens per second, from the provider's token count; null when it gave none. */
  outputTokensPerSecond: number | null;
  /** Output characters (answer and reasoning, by code point) per second after the first token. */
  outputCharactersPerSecond?: number | null;
  /**
   * Output words per second after the first token: words as `countWords` of @ladder/scorers counts
   * them (tokens of sacreBLEU's zh tokenizer holding a letter or digit, so each Chinese character is a word).
   */
  outputWordsPerSecond?: number | null;
}

/** One line of `samples.jsonl`: one sample x model x repeat, as it ended. */
export interface SampleRecord {
  suite: string;
  model: string;
  sampleId: string;
  repeat: number;
  status: SampleStatus;
  /** The score; null when an infrastructure failure left nothing to score. */
  score: number | null;
  /** What the scorer extracted and compared. */
  answer: string | null;
  /** The model's answer text. */
  output: string | null;
  reasoning?: string | null;
  /** True when the output came from the cache (no model call was made). */
  cached: boolean;
  timing: SampleTiming | null;
  usage?: Usage | null;
  finishReason?: FinishReason | null;
  /** Model calls made for this sample (0 when cached). */
  attempts: number;
  /** Time spent waiting between attempts (not part of latency). */
  retryWaitMs: number;
  /** Time spent waiting for the provider's rate limits (requests or tokens per minute; not part of latency). */
  rateLimitWaitMs?: number;
  /** What this sample cost in US dollars (from the price table and the provider's usage); absent when unknown or cached. */
  costUsd?: number;
  /** sha256 of the rendered prompt. */
  promptHash: string;
  /** The sample's group (its suite's `groupOf`), e.g. an MMLU subject. */
  group?: string;
  error?: string;
  /** Attempts that failed and were retried: the error and the wait that followed. */
  retries?: { error: string; waitMs: number }[];
  /** What the model said it could not honour (unsupported settings, defaults it applied). */
  warnings?: string[];
  explanation?: string;
  /** Extra values from the scorer (e.g. a program's outcome). */
  details?: Record<string, unknown>;
  /** Sufficient statistics for a corpus metric (see `Score.statistics`). */
  statistics?: number[];
  /** Statistics for the suite's secondary corpus metrics, by name (see `Score.metrics`). */
  metrics?: Record<string, number[]>;
  /** A session suite (`Suite.session`): each call in order, with its timing (null when cached) and attempts. */
  calls?: SessionCallRecord[];
  /** Simultaneous translation: the policy, and each emitted target unit with its delays. */
  simultaneous?: SimultaneousRecord;
}

/** One call of a session. */
export interface SessionCallRecord {
  cached: boolean;
  /** The successful attempt's duration; null when cached. */
  totalMs: number | null;
  firstTokenMs: number | null;
  attempts: number;
}

/**
 * What a simultaneous-translation session emitted and when (one sample). Delays are counted as
 * SimulEval counts them: in source units read (`words`: words, or characters for a Chinese
 * source), in milliseconds of the source's timeline (when the last unit read had arrived, or
 * when the policy acted), and in those milliseconds plus the model's computation time so far
 * (`msComputationAware`: SimulEval's `elapsed`, null when a call came from the cache).
 */
export interface SimultaneousRecord {
  baseSuite: string;
  policy: string;
  /** The target's latency unit: `word`, or `char` for Chinese (SimulEval's units). */
  targetUnit: 'word' | 'char';
  /** |X|: the source in units, and its duration in ms (when its last unit arrived). */
  source: { units: number; ms: number };
  /** |Y|: the reference length in target units, as SimulEval counts it. */
  referenceLength: number;
  emitted: { unit: string; words: number; ms: number; msComputationAware: number | null }[];
  /** One per call: source units read, the time it was made (ms of source), target units committed. */
  steps: { read: number; ms: number; committed: number }[];
}

export interface SuiteManifest {
  id: string;
  version: string;
  capabilities: string[];
  datasetSha256: string;
  datasetSource: string;
  samples: number;
  repeats: number;
  scorer: string;
  metric: string;
  metricKind: MetricKind;
  /** The metric's scale (1 for proportions, 100 for chrF and BLEU); absent in runs written before it was recorded. */
  metricScale?: number;
  /** The metric's exact definition (a sacreBLEU signature), when the scorer gives one. */
  metricSignature?: string;
  /** Corpus metrics reported beside the main one (`MetricSpec.secondary`). */
  secondaryMetrics?: { name: string; signature?: string }[];
  /** Expected score of a chance-level answerer; null when it cannot be computed. */
  chance: number | null;
  generation: GenerationSettings;
  /** sha256 of each rendered prompt, by sample id. */
  promptHashes: Record<string, string>;
  /** One hash over all prompt hashes, for quick comparison. */
  promptsSha256: string;
  /** What the scorer ran on (a code scorer: sandbox tier, limits, interpreter version), from `Scorer.environment`. */
  scorerEnvironment?: Record<string, unknown>;
}

export interface ModelManifest {
  id: string;
  concurrency: number;
  settings: GenerationSettings;
  /** The price the costs were computed with (US dollars per million tokens). */
  price?: { input: number; output: number; cachedInput?: number } | null;
  /** The provider's rate limits the run kept to. */
  limits?: { requestsPerMinute?: number; tokensPerMinute?: number } | null;
}

/** `manifest.json`: everything needed to reproduce the numbers of a run. */
export interface RunManifest {
  ladderVersion: string;
  /** Hash of the plan (suites, data, prompts, models, settings, repeats, seed): shards of one plan share it. */
  planId: string;
  status: 'running' | 'complete' | 'incomplete';
  createdAt: string;
  finishedAt?: string;
  command: string[];
  seed: number;
  limit: number | null;
  shard: { index: number; count: number } | null;
  /** Shards combined by `ladder merge`, when this directory is a merge. */
  mergedFrom?: string[];
  gitRevision: string | null;
  nodeVersion: string;
  platform: string;
  packages: Record<string, string>;
  options: {
    concurrency: number | null;
    timeoutMs: number;
    maxAttempts: number;
    cache: boolean;
    latencyMode?: { warmup: number } | null;
    /** `--exec-workers`: programs run at once by code scorers (null: the default, one per core). */
    execWorkers?: number | null;
  };
  /** Things the user must know about how the numbers were made (e.g. code that ran without a sandbox). */
  warnings?: string[];
  suites: SuiteManifest[];
  models: ModelManifest[];
  plannedSamples: number;
  counts?: Record<string, number>;
}

/** One row of `results.json` / `results.csv`. */
export interface ResultRow {
  suite: string;
  model: string;
  metric: string;
  value: number | null;
  ci95: [number, number] | null;
  /** The denominator: scored samples (x repeats). */
  n: number;
  /** Infrastructure failures, left out of the denominator. */
  errors: number;
  /** Samples whose thinking used the whole token budget (status `truncated`), outside the denominator. */
  truncated: number;
  /** Scored samples with no extractable answer (counted as wrong). */
  unanswered: number;
  cached: number;
  /** Expected value of a chance-level answerer, where known. */
  chance: number | null;
  repeats: number;
  samples: number;
  /** US dollars spent on the uncached calls of this suite x model; null when the price is unknown. */
  costUsd: number | null;
  /** Number of groups (subjects ...) when the suite has them, else 0. */
  groups: number;
  /** Unweighted mean over groups (every subject counts once); null without groups. `value` is sample-weighted. */
  macroValue: number | null;
  /** maj@k (cons@k): with repeats, the share of samples whose most frequent answer is right; else null. */
  majorityValue: number | null;
  /** CircularEval: the share of questions right under every rotation of their options (sample ids `<id>#rot<k>`); else null. */
  circularValue: number | null;
  /**
   * Code suites: the unbiased pass@k (Chen et al. 2021) by k, for k = 1, 10, 100 and the number of
   * repeats, each only when every problem has at least k scored samples; else null or absent.
   */
  passAtK?: Record<string, number> | null;
  /** Code suites: per problem (sample id), the scored samples `n` and how many `passed`. */
  passCounts?: Record<string, { n: number; passed: number }> | null;
  /** Simultaneous translation: the policy and the latency it reached, beside the quality in `value`. */
  simultaneous?: SimultaneousSummary;
  /** The suite's secondary corpus metrics (chrF beside BLEU), by name, each with its bootstrap interval. */
  metrics?: Record<string, { value: number | null; ci95: [number, number] | null }>;
}

/** SimulEval's latency metrics of one suite x model x policy (means over the samples). */
export interface LatencyMetrics {
  AL: number | null;
  LAAL: number | null;
  DAL: number | null;
  AP: number | null;
  startOffset: number | null;
  endOffset: number | null;
}

/**
 * A simultaneous-translation row: which policy (a latency mode such as `wait-3` or `lag-8s`)
 * produced it, of which base suite, and its latency in source words, in milliseconds of the
 * source's timeline, and in milliseconds including the model's own computation time.
 */
export interface SimultaneousSummary {
  baseSuite: string;
  policy: string;
  words: LatencyMetrics;
  ms: LatencyMetrics;
  msComputationAware: LatencyMetrics;
  /** Samples with a latency (scored, with some output); the means are over them. */
  samples?: number;
  /** Of those, the samples whose every call was timed (none cached): `msComputationAware` is over them. */
  timedSamples?: number;
}
