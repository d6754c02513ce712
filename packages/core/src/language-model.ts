import type { ChatMessage } from './sample.js';

/**
 * The model contract, version 'v1'. Providers implement it; only the runner calls the
 * `do*` methods (it owns retries, concurrency, timeouts, caching and timing).
 */
export interface LanguageModelV1 {
  readonly specificationVersion: 'v1';
  /** The provider part of the id, e.g. `builtin`, `openai`, `gguf`. */
  readonly provider: string;
  /** The model part of the id, e.g. `echo`, `gpt-4o`. */
  readonly modelId: string;
  /** How many requests this model handles well at once, when the user does not say. */
  readonly defaultConcurrency?: number;
  /**
   * Only the built-in baselines set this: the runner then passes the sample's reference
   * (`CallOptions.reference`). Real models never see it.
   */
  readonly wantsReference?: boolean;
  doGenerate(options: CallOptions): Promise<GenerateResult>;
  doStream(options: CallOptions): Promise<StreamResult>;
}

/** Settings that change what a model writes. They are part of the cache key. */
export interface GenerationSettings {
  temperature?: number;
  topP?: number;
  topK?: number;
  maxOutputTokens?: number;
  stopSequences?: string[];
  seed?: number;
}

/**
 * Ground truth a built-in baseline may look at (the oracle answers with it, random draws
 * from it). Real models never see it; the runner passes it only to providers that ask
 * for it with `wantsReference`.
 */
export interface ReferenceHint {
  /** What the oracle answers: the reference, written the way the suite's scorer reads it. */
  oracleAnswer: string;
  /** The answers a chance-level baseline draws from, uniformly. */
  chanceAnswers: string[];
}

export interface CallOptions {
  prompt: ChatMessage[];
  settings: GenerationSettings;
  /** Identifies the request for seeded baselines; stable across runs. */
  requestKey: string;
  abortSignal?: AbortSignal;
  reference?: ReferenceHint;
  /** Provider-specific options, passed through untouched. */
  providerOptions?: Record<string, unknown>;
}

/** `unified` is Ladder's reading; `raw` is what the provider said. */
export interface FinishReason {
  unified: 'stop' | 'length' | 'content-filter' | 'tool-calls' | 'error' | 'other' | 'unknown';
  raw: string | undefined;
}

/** Token counts. `undefined` means "not reported", which is different from 0. */
export interface Usage {
  inputTokens: number | undefined;
  outputTokens: number | undefined;
  reasoningTokens?: number | undefined;
  cachedInputTokens?: number | undefined;
}

export interface GenerateResult {
  /** The answer, without any reasoning. */
  text: string;
  /** Reasoning ("thinking") text, kept apart from the answer; undefined when there is none. */
  reasoning?: string | undefined;
  finishReason: FinishReason;
  usage: Usage;
  /** Unsupported settings and other things the caller should know. */
  warnings?: string[];
  /** Raw request and response, for the log. */
  request?: { body?: unknown };
  response?: { id?: string; modelId?: string; headers?: Record<string, string>; body?: unknown };
}

export type StreamPart =
  | { type: 'text-delta'; delta: string }
  | { type: 'reasoning-delta'; delta: string }
  | {
      type: 'finish';
      finishReason: FinishReason;
      usage: Usage;
      response?: GenerateResult['response'];
    }
  | { type: 'error'; error: unknown };

export interface StreamResult {
  stream: AsyncIterable<StreamPart>;
  warnings?: string[];
  request?: { body?: unknown };
}

/** Splits a model id on its first `/`: `gguf/models/x.gguf` is provider `gguf`, model `models/x.gguf`. */
export function parseModelId(id: string): { provider: string; modelId: string } | undefined {
  const slash = id.indexOf('/');
  if (slash <= 0 || slash === id.length - 1) return undefined;
  return { provider: id.slice(0, slash), modelId: id.slice(slash + 1) };
}

export const UNKNOWN_USAGE: Usage = Object.freeze({ inputTokens: undefined, outputTokens: undefined });
