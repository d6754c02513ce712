const LADDER_ERROR_MARKER = Symbol.for('ladder.error');

/** Base class of every error Ladder raises on purpose. */
export class LadderError extends Error {
  readonly [LADDER_ERROR_MARKER] = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LadderError';
  }

  static isInstance(error: unknown): error is LadderError {
    return typeof error === 'object' && error !== null && LADDER_ERROR_MARKER in error;
  }
}

/**
 * A mistake in what the user gave us (a flag, a file, a config). The CLI prints its message
 * as one line and exits non-zero, without a stack trace. The message names the file, line or
 * field and says how to fix it.
 */
export class UsageError extends LadderError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UsageError';
  }

  static override isInstance(error: unknown): error is UsageError {
    return LadderError.isInstance(error) && error.name === 'UsageError';
  }
}

/** A failed call to a model provider. */
export class APICallError extends LadderError {
  readonly statusCode: number | undefined;
  readonly url: string | undefined;
  readonly responseBody: string | undefined;
  readonly isRetryable: boolean;
  /** What the provider asked us to wait (Retry-After), in milliseconds. */
  readonly retryAfterMs: number | undefined;

  constructor(options: {
    message: string;
    statusCode?: number;
    url?: string;
    responseBody?: string;
    isRetryable?: boolean;
    retryAfterMs?: number;
    cause?: unknown;
  }) {
    super(options.message, { cause: options.cause });
    this.name = 'APICallError';
    this.statusCode = options.statusCode;
    this.url = options.url;
    this.responseBody = options.responseBody;
    this.isRetryable =
      options.isRetryable ??
      (options.statusCode === undefined ||
        options.statusCode === 408 ||
        options.statusCode === 409 ||
        options.statusCode === 429 ||
        options.statusCode >= 500);
    this.retryAfterMs = options.retryAfterMs;
  }

  static override isInstance(error: unknown): error is APICallError {
    return LadderError.isInstance(error) && error.name === 'APICallError';
  }
}

/** The per-request time limit was reached. */
export class TimeoutError extends LadderError {
  readonly timeoutMs: number;

  constructor(timeoutMs: number) {
    super(`request timed out after ${timeoutMs} ms`);
    this.name = 'TimeoutError';
    this.timeoutMs = timeoutMs;
  }

  static override isInstance(error: unknown): error is TimeoutError {
    return LadderError.isInstance(error) && error.name === 'TimeoutError';
  }
}

/** Parses an HTTP Retry-After header (seconds or an HTTP date) into milliseconds. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** A short, single-line description of any thrown value. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
  return redactSecrets(text.replace(/\s+/g, ' '));
}

const SECRET_NAME = /KEY|TOKEN|SECRET|PASSWORD|CREDENTIAL/i;

/**
 * Replaces the value of every secret-looking environment variable (a name with KEY, TOKEN,
 * SECRET, PASSWORD or CREDENTIAL, a value of 8 characters or more) found in `text` with
 * `[redacted]`. Adapters already keep keys out of their errors; this is the second line of
 * defence for everything Ladder writes (journals, reports, logs, error lines).
 */
export function redactSecrets(text: string, environment: NodeJS.ProcessEnv = process.env): string {
  let result = text;
  for (const [name, value] of Object.entries(environment)) {
    if (value === undefined || value.length < 8 || !SECRET_NAME.test(name)) continue;
    if (result.includes(value)) result = result.split(value).join('[redacted]');
  }
  return result;
}
