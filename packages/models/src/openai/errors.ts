import { APICallError } from '@ladder/core';
import { isRetryableStatus, redactKey, retryAfterOf, truncateBody } from '../providers/http-errors.js';
import type { APIConnectionError, APIError, APIUserAbortError } from 'openai';

const MAX_BODY_CHARS = 2000;
const MAX_MESSAGE_CHARS = 500;

/** The SDK's error classes (the SDK is imported lazily, so they are handed over). */
export interface SdkErrorClasses {
  APIError: typeof APIError;
  APIConnectionError: typeof APIConnectionError;
  APIUserAbortError: typeof APIUserAbortError;
}

export interface ErrorContext {
  providerId: string;
  /** The endpoint called, without credentials or query. */
  url: string;
  /** Never shown: removed from every message and body. */
  apiKey: string;
  signal: AbortSignal | undefined;
  /** Raw bodies of error responses, by their Headers object (see `captureErrorBodies`). */
  errorBodies: WeakMap<Headers, string>;
  sdk: SdkErrorClasses;
  /** The data of the last SSE event that was not JSON (the SDK's error does not carry it). */
  takeMalformedEvent?: () => string | undefined;
}

/**
 * What to throw for an error of the SDK or of the connection: the caller's abort reason
 * when it aborted (a TimeoutError from the runner, say), otherwise an APICallError that
 * says what happened, whether trying again may help, and how long the provider asked us to
 * wait. `stage` says where it failed: sending the request, or reading the answer.
 */
export function toAPICallError(error: unknown, context: ErrorContext, stage: 'request' | 'answer'): unknown {
  if (context.signal?.aborted === true) return context.signal.reason ?? error;
  if (APICallError.isInstance(error)) return error;
  const { sdk, providerId } = context;
  const clean = (text: string) => redactKey(text, context.apiKey);

  if (error instanceof sdk.APIUserAbortError) {
    return new APICallError({ message: `${providerId}: the request was aborted`, url: context.url, isRetryable: true });
  }
  if (error instanceof sdk.APIConnectionError) {
    return new APICallError({
      message: clean(`${providerId}: could not reach ${context.url}: ${causeChain(error.cause) || error.message}`),
      url: context.url,
      isRetryable: true,
      cause: error.cause,
    });
  }
  if (error instanceof sdk.APIError && typeof error.status === 'number' && error.headers !== undefined) {
    const raw = context.errorBodies.get(error.headers);
    const status = error.status;
    const shouldRetry = error.headers.get('x-should-retry');
    return new APICallError({
      message: clean(`${providerId}: HTTP ${status} ${truncateBody(providerMessage(error, raw), MAX_MESSAGE_CHARS)}`),
      statusCode: status,
      url: context.url,
      responseBody: clean(truncateBody(raw ?? JSON.stringify(error.error ?? null), MAX_BODY_CHARS)),
      isRetryable: shouldRetry === 'true' ? true : shouldRetry === 'false' || isQuotaExhausted(error) ? false : isRetryableStatus(status),
      ...retryAfterOf(error.headers),
    });
  }
  if (error instanceof sdk.APIError) {
    // An `{"error": ...}` event in the middle of a stream (OpenRouter, some gateways).
    return new APICallError({
      message: clean(`${providerId} reported an error mid-answer: ${truncateBody(error.message, MAX_MESSAGE_CHARS)}`),
      url: context.url,
      responseBody: clean(truncateBody(JSON.stringify(error.error ?? null), MAX_BODY_CHARS)),
      isRetryable: true,
    });
  }
  if (error instanceof SyntaxError) {
    // A provider fault (a proxy cutting an event, an HTML error page ...): worth another try.
    const event = stage === 'answer' ? context.takeMalformedEvent?.() : undefined;
    const what = stage === 'answer' ? 'a stream event' : 'a response';
    return new APICallError({
      message: clean(
        `${providerId} sent ${what} that is not valid JSON (${truncateBody(error.message, MAX_MESSAGE_CHARS)})${event === undefined ? '' : `: ${truncateBody(event, 200)}`}`,
      ),
      url: context.url,
      isRetryable: true,
      cause: error,
    });
  }
  const detail = causeChain(error) || String(error);
  return new APICallError({
    message: clean(
      stage === 'answer'
        ? `${providerId}: the connection closed mid-answer (${detail})`
        : `${providerId}: the request failed (${detail})`,
    ),
    url: context.url,
    isRetryable: isNetworkError(error),
    cause: error,
  });
}


/** A 429 that no wait will fix: the account is out of credit (OpenAI's `insufficient_quota`). */
function isQuotaExhausted(error: APIError): boolean {
  return error.status === 429 && (error.code === 'insufficient_quota' || error.type === 'insufficient_quota');
}



/** The endpoint for messages: no user:password, no query (some gateways put keys there). */
export function displayURL(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    parsed.search = '';
    return parsed.toString();
  } catch {
    return url;
  }
}

function providerMessage(error: APIError, raw: string | undefined): string {
  const inner = error.error as { message?: unknown } | undefined;
  if (typeof inner?.message === 'string' && inner.message !== '') return inner.message;
  if (raw === undefined || raw.trim() === '') return statusText(error.status ?? 0);
  try {
    const json = JSON.parse(raw) as Record<string, unknown>;
    for (const key of ['error', 'message', 'detail', 'msg']) {
      const value = json[key];
      if (typeof value === 'string' && value !== '') return value;
      if (typeof value === 'object' && value !== null) return JSON.stringify(value);
    }
  } catch {
    // Not JSON: the text itself (an HTML page from a proxy, say), squeezed.
  }
  return raw.replace(/\s+/g, ' ').trim();
}

function statusText(status: number): string {
  if (status === 429) return 'too many requests';
  if (status >= 500) return 'server error (no body)';
  return '(no body)';
}

/** `TypeError: terminated: other side closed`: an error and its causes, one line. */
function causeChain(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    const text = typeof code === 'string' && !current.message.includes(code) ? `${current.message} (${code})` : current.message;
    if (text !== '' && !parts.includes(text)) parts.push(text);
    current = current.cause;
  }
  return parts.join(': ');
}

const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'UND_ERR_SOCKET', 'EAI_AGAIN', 'ENOTFOUND', 'UND_ERR_CLOSED']);

/** Connection failures (undici's `TypeError: terminated`, socket errors) are transient. */
function isNetworkError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
    if (current instanceof TypeError && /terminated|fetch failed|network|socket/i.test(current.message)) return true;
    current = current.cause;
  }
  return false;
}

