import { TimeoutError, describeError, type CallOptions, type ModelPrice, type SampleStatus, type Usage } from '@ladder/core';
import { cacheKeyFor, type CachedResponse, type ResponseCache } from './cache.js';
import { callModel, type ModelAnswer } from './call-model.js';
import type { PlannedModel } from './plan.js';
import { estimateTokens } from './rate-limiter.js';
import { withRetry, type RetryPolicy } from './retry.js';

/** What asking took beyond the answer: attempts, and the waits kept out of latency. */
export interface AskAccounting {
  attempts: number;
  retryWaitMs: number;
  rateLimitWaitMs: number;
  retries: { error: string; waitMs: number }[];
}

export type AskOutcome =
  | { ok: true; answer: ModelAnswer | CachedResponse; cached: boolean; accounting: AskAccounting }
  | { ok: false; status: Extract<SampleStatus, 'timeout' | 'model_error'>; error: string; accounting: AskAccounting };

export interface AskOptions {
  planned: PlannedModel;
  call: CallOptions;
  repeat: number;
  /** Set for a session's calls: they are cached per sample (see `cacheKey`). */
  cacheScope?: string | undefined;
  cache: ResponseCache | null;
  timeoutMs: number;
  retry: RetryPolicy;
  signal?: AbortSignal | undefined;
  sleep?: ((ms: number) => Promise<void>) | undefined;
  /** Counts calls sent and cache hits for the run's summary. */
  counters: { modelCalls: number; cacheHits: number };
}

/**
 * One request, the runner's way: from the cache when it holds the answer, else through the
 * provider's rate limiter and the one retry layer, timed, and cached when it succeeded.
 */
export async function askModel(options: AskOptions): Promise<AskOutcome> {
  const { planned, call } = options;
  const accounting: AskAccounting = { attempts: 0, retryWaitMs: 0, rateLimitWaitMs: 0, retries: [] };
  const key = options.cache === null ? undefined : cacheKeyFor(planned.model, planned.id, call, options.repeat, options.cacheScope);
  if (key !== undefined) {
    const hit = options.cache?.get(planned.id, key);
    if (hit !== undefined) {
      options.counters.cacheHits += 1;
      return { ok: true, answer: hit, cached: true, accounting };
    }
  }
  const limiter = planned.limiter;
  const estimatedTokens =
    limiter === undefined ? 0 : estimateTokens(call.prompt.map((message) => message.content).join('\n')) + (call.settings.maxOutputTokens ?? 1024);
  const outcome = await withRetry(
    async () => {
      // The wait for the provider's budget comes before the clock starts: it is not latency.
      const permit = limiter === undefined ? undefined : await limiter.acquire(estimatedTokens, options.signal);
      accounting.rateLimitWaitMs += permit?.waitedMs ?? 0;
      options.counters.modelCalls += 1;
      const result = await callModel(planned.model, {
        ...call,
        timeoutMs: options.timeoutMs,
        ...(options.signal === undefined ? {} : { abortSignal: options.signal }),
      });
      if (permit !== undefined) limiter?.settle(permit.ticket, totalTokens(result.usage));
      return result;
    },
    { policy: options.retry, ...(options.sleep === undefined ? {} : { sleep: options.sleep }), ...(options.signal === undefined ? {} : { signal: options.signal }) },
  );
  accounting.attempts = outcome.attempts;
  accounting.retryWaitMs = Math.round(outcome.waitMs);
  accounting.rateLimitWaitMs = Math.round(accounting.rateLimitWaitMs);
  accounting.retries = outcome.retried.map((entry) => ({ error: describeError(entry.error), waitMs: entry.waitMs }));
  if (outcome.value === undefined) {
    return { ok: false, status: TimeoutError.isInstance(outcome.error) ? 'timeout' : 'model_error', error: describeError(outcome.error), accounting };
  }
  const answer = outcome.value;
  if (key !== undefined) {
    options.cache?.set(planned.id, key, { text: answer.text, reasoning: answer.reasoning, finishReason: answer.finishReason, usage: answer.usage });
  }
  return { ok: true, answer, cached: false, accounting };
}

/** The accounting fields of a sample record (absent when zero or empty). */
export function accountingFields(accounting: AskAccounting): {
  attempts: number;
  retryWaitMs: number;
  rateLimitWaitMs?: number;
  retries?: { error: string; waitMs: number }[];
} {
  return {
    attempts: accounting.attempts,
    retryWaitMs: accounting.retryWaitMs,
    ...(accounting.rateLimitWaitMs > 0 ? { rateLimitWaitMs: accounting.rateLimitWaitMs } : {}),
    ...(accounting.retries.length > 0 ? { retries: accounting.retries } : {}),
  };
}

function totalTokens(usage: Usage): number | undefined {
  if (usage.inputTokens === undefined && usage.outputTokens === undefined) return undefined;
  return (usage.inputTokens ?? 0) + (usage.outputTokens ?? 0);
}

/** The cost of a call in US dollars from the provider's usage and the price table; nothing when either is unknown. */
export function costOf(usage: Usage, price: ModelPrice | undefined): { costUsd?: number } {
  if (price === undefined || usage.inputTokens === undefined || usage.outputTokens === undefined) return {};
  const cachedInput = Math.min(usage.cachedInputTokens ?? 0, usage.inputTokens);
  const dollars =
    ((usage.inputTokens - cachedInput) * price.input + cachedInput * (price.cachedInput ?? price.input) + usage.outputTokens * price.output) / 1_000_000;
  return { costUsd: Math.round(dollars * 1e9) / 1e9 };
}
