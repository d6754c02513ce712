import { APICallError, TimeoutError } from '@ladder/core';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** The first wait; each later wait doubles, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is capped to it. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
};

/** Network failures and retryable API errors are retried; everything else fails at once. */
export function isRetryableError(error: unknown): boolean {
  if (APICallError.isInstance(error)) return error.isRetryable;
  if (TimeoutError.isInstance(error)) return true;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'UND_ERR_SOCKET', 'EAI_AGAIN'].includes(code)) {
    return true;
  }
  return error instanceof TypeError && /fetch failed|terminated|network/i.test(error.message);
}

/**
 * The wait before attempt `attempt + 1` (attempt is 1-based): exponential with "equal jitter"
 * (half fixed, half random), or the provider's Retry-After when it gave one.
 */
export function retryDelay(options: { attempt: number; error: unknown; policy: RetryPolicy; random: () => number }): number {
  const retryAfter = APICallError.isInstance(options.error) ? options.error.retryAfterMs : undefined;
  if (retryAfter !== undefined) return Math.min(retryAfter, options.policy.maxRetryAfterMs);
  const exponential = Math.min(options.policy.maxDelayMs, options.policy.baseDelayMs * 2 ** (options.attempt - 1));
  return exponential / 2 + (exponential / 2) * options.random();
}

export interface RetryOutcome<T> {
  value?: T;
  error?: unknown;
  attempts: number;
  waitMs: number;
  /** Each failed attempt that was retried, with the wait that followed it. */
  retried: { error: unknown; waitMs: number }[];
}

/** The one retry layer. Never throws: the outcome says how it ended. */
export async function withRetry<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  options: { policy: RetryPolicy; random?: () => number; sleep?: (ms: number) => Promise<void>; signal?: AbortSignal },
): Promise<RetryOutcome<T>> {
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? defaultSleep;
  let waitMs = 0;
  const retried: { error: unknown; waitMs: number }[] = [];
  for (let attemptNumber = 1; ; attemptNumber += 1) {
    try {
      const value = await attempt(attemptNumber);
      return { value, attempts: attemptNumber, waitMs, retried };
    } catch (error) {
      if (attemptNumber >= options.policy.maxAttempts || !isRetryableError(error) || options.signal?.aborted === true) {
        return { error, attempts: attemptNumber, waitMs, retried };
      }
      const delay = retryDelay({ attempt: attemptNumber, error, policy: options.policy, random });
      waitMs += delay;
      retried.push({ error, waitMs: Math.round(delay) });
      await sleep(delay);
    }
  }
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
