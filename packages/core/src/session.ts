import type { ReferenceHint } from './language-model.js';
import type { SimultaneousRecord } from './record.js';
import type { ChatMessage, Sample } from './sample.js';

/**
 * A sample asked as a session of several model calls instead of one: simultaneous translation
 * calls the model on each new chunk of the source. The suite drives the session; the runner
 * provides `generate`, so every call gets the runner's retries, cache, rate limits, timeout and
 * timing, and the whole session is one sample of the journal (with each call's timing in
 * `SampleRecord.calls`).
 */
export interface SampleSession {
  /** Runs one sample's session and returns the text to score. */
  run(context: SessionContext): Promise<SessionOutcome>;
  /** The most calls `run` makes for this sample (`--dry-run` and `--max-cost` count them). */
  maxCalls(sample: Sample): number;
}

export interface SessionContext {
  sample: Sample;
  /** The answers a chance-level baseline draws from for this sample (the suite's `chanceAnswers`). */
  chanceAnswers: readonly string[];
  /**
   * Sends one call through the runner. It throws when the call failed after the runner's
   * retries: let it propagate; the sample then ends with that infrastructure status.
   */
  generate(request: SessionRequest): Promise<SessionReply>;
}

export interface SessionRequest {
  prompt: ChatMessage[];
  /**
   * What the built-in baselines answer at this call (the oracle's words for this step, the
   * chance answers). The runner calls it only for models that ask for references; real models
   * never see it.
   */
  reference?: () => ReferenceHint;
}

export interface SessionReply {
  /** The answer text (reasoning excluded). */
  text: string;
  /** True when the reply came from the cache: it then has no timing. */
  cached: boolean;
  /** How long the call took (the successful attempt; retry and rate-limit waits are not in it); null when cached. */
  totalMs: number | null;
}

export interface SessionOutcome {
  /** The text the suite's scorer scores. */
  output: string;
  /** Simultaneous translation: the emitted target units and their delays, kept on the sample record. */
  simultaneous?: SimultaneousRecord;
}
