import { APICallError } from '@ladder/core';
import { isRetryableStatus, redactKey, retryAfterOf, truncateBody } from '../providers/http-errors.js';
import type { FetchRecord } from './recording-fetch.js';

export interface ErrorContext {
  /** The URL when the call never reached fetch. */
  fallbackUrl: string;
  apiKey: string;
  signal: AbortSignal | undefined;
  record: FetchRecord;
}

const MAX_BODY_CHARS = 2000;

/**
 * Turns whatever @google/genai threw into an APICallError, or returns the abort reason when
 * the caller aborted. Its ApiError carries the HTTP status and the JSON error body as its
 * message (prefixed with `got status: X. ` when the error came inside a 200 stream). The API
 * key is scrubbed from the message, body and url.
 */
export function toCallError(error: unknown, context: ErrorContext): unknown {
  if (context.signal?.aborted === true) return context.signal.reason;
  if (APICallError.isInstance(error)) return error;
  const { record } = context;
  const redact = (text: string) => redactKey(text, context.apiKey);
  const url = redact(record.url ?? context.fallbackUrl);
  const status = (error as { status?: unknown } | null)?.status;

  if (error instanceof Error && error.name === 'ApiError' && typeof status === 'number') {
    const body = jsonPart(error.message);
    const detail = readErrorBody(body);
    const inStream = record.status !== undefined && record.status < 400;
    const where = inStream ? ' (in the stream)' : '';
    const message = `google: ${status}${detail.status === undefined ? '' : ` ${detail.status}`}${where}: ${detail.message ?? 'no message'}`;
    const retryAfterMs = (inStream ? undefined : retryAfterOf(record.headers).retryAfterMs) ?? detail.retryDelayMs;
    return new APICallError({
      message: redact(message),
      url,
      ...(inStream ? {} : { statusCode: status }),
      responseBody: truncateBody(redact(body), MAX_BODY_CHARS),
      isRetryable: isRetryableStatus(status),
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      cause: error,
    });
  }
  const reason = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  if (record.url === undefined) {
    // The SDK refused the call before sending anything: a bad request, not a flaky network.
    return new APICallError({ message: redact(`google: the request could not be sent (${reason}${cause})`), url, isRetryable: false, cause: error });
  }
  // Connection refused or reset, a stream cut mid-way, a chunk that is not JSON: the
  // server may well answer next time.
  const label = error instanceof SyntaxError || /parsing stream chunk|Incomplete JSON/.test(reason) ? 'a malformed response (not JSON)' : 'the connection failed';
  return new APICallError({ message: redact(`google: ${label} (${reason}${cause})`), url, isRetryable: true, cause: error });
}



/** The JSON in an ApiError message (`got status: UNAVAILABLE. {...}` or just `{...}`). */
function jsonPart(message: string): string {
  const start = message.indexOf('{');
  return start === -1 ? message : message.slice(start);
}

/** `{"error":{"code":503,"message":"...","status":"UNAVAILABLE","details":[...RetryInfo...]}}`. */
function readErrorBody(body: string): { message?: string; status?: string; retryDelayMs?: number } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { message: body.slice(0, 200) };
  }
  const inner = (parsed as { error?: unknown } | null)?.error;
  if (typeof inner !== 'object' || inner === null) return {};
  const { message, status, details } = inner as { message?: unknown; status?: unknown; details?: unknown };
  // A non-JSON error page arrives as {error: {message: "<html>...", status: "Bad Gateway"}}.
  const text = typeof message === 'string' ? message : typeof message === 'object' ? JSON.stringify(message) : undefined;
  const retryDelayMs = retryInfoDelay(details);
  return {
    ...(text === undefined ? {} : { message: text.slice(0, 500) }),
    ...(typeof status === 'string' ? { status } : {}),
    ...(retryDelayMs === undefined ? {} : { retryDelayMs }),
  };
}

/** google.rpc.RetryInfo: `{"@type": ".../google.rpc.RetryInfo", "retryDelay": "37s"}`. */
function retryInfoDelay(details: unknown): number | undefined {
  if (!Array.isArray(details)) return undefined;
  for (const detail of details as { '@type'?: unknown; retryDelay?: unknown }[]) {
    if (typeof detail?.['@type'] !== 'string' || !detail['@type'].endsWith('google.rpc.RetryInfo')) continue;
    const match = typeof detail.retryDelay === 'string' ? /^(\d+(?:\.\d+)?)s$/.exec(detail.retryDelay) : null;
    if (match?.[1] !== undefined) return Math.round(Number(match[1]) * 1000);
  }
  return undefined;
}


