import { APICallError } from '@ladder/core';
import { isRetryableStatus, redactKey, retryAfterOf, truncateBody } from '../providers/http-errors.js';

/** The part of @anthropic-ai/sdk this file needs: its error classes, from the lazily loaded module. */
export interface AnthropicErrorClasses {
  APIError: abstract new (...args: never[]) => Error & { status: number | undefined; headers: Headers | undefined; error: unknown };
  APIUserAbortError: abstract new (...args: never[]) => Error;
  APIConnectionError: abstract new (...args: never[]) => Error;
}

export interface ErrorContext {
  url: string;
  apiKey: string;
  signal: AbortSignal | undefined;
  sdk: AnthropicErrorClasses;
}

const MAX_BODY_CHARS = 2000;

/** The HTTP status each `error.type` of the API comes with, for errors sent inside a 200 stream. */
const STATUS_OF_ERROR_TYPE: Record<string, number> = {
  invalid_request_error: 400,
  authentication_error: 401,
  billing_error: 402,
  permission_error: 403,
  not_found_error: 404,
  conflict_error: 409,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  timeout_error: 504,
  overloaded_error: 529,
};

/**
 * Turns whatever the SDK threw into an APICallError, or rethrows the abort reason when the
 * caller aborted. The API key is scrubbed from the message, body and url.
 */
export function toCallError(error: unknown, context: ErrorContext): unknown {
  if (context.signal?.aborted === true) return context.signal.reason;
  if (APICallError.isInstance(error)) return error;
  const redact = (text: string) => redactKey(text, context.apiKey);
  const url = redact(context.url);
  const { sdk } = context;

  if (error instanceof sdk.APIUserAbortError) {
    return new APICallError({ message: 'anthropic: the request was aborted', url, isRetryable: false, cause: error });
  }
  const isConnectionError = error instanceof sdk.APIConnectionError;
  if (!isConnectionError && error instanceof sdk.APIError) {
    const body = error.error === undefined ? error.message : JSON.stringify(error.error);
    const detail = describeErrorBody(error.error ?? error.message);
    // An `event: error` inside a 200 stream has no status: its error.type says what happened.
    const inStream = error.status === undefined;
    const status = error.status ?? (detail.type === undefined ? undefined : STATUS_OF_ERROR_TYPE[detail.type]);
    const where = inStream ? ' (in the stream)' : '';
    const message = `anthropic: ${status ?? 'error'}${detail.type === undefined ? '' : ` ${detail.type}`}${where}: ${detail.message ?? 'no message'}`;
    return new APICallError({
      message: redact(message),
      url,
      ...(inStream ? {} : { statusCode: error.status }),
      responseBody: truncateBody(redact(body), MAX_BODY_CHARS),
      isRetryable: isRetryableStatus(status),
      ...retryAfterOf(error.headers),
      cause: error,
    });
  }
  // Connection refused or reset, a stream cut mid-way, a chunk that is not JSON: the
  // server may well answer next time.
  const reason = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  const label = error instanceof SyntaxError ? 'a malformed response (not JSON)' : 'the connection failed';
  return new APICallError({ message: redact(`anthropic: ${label} (${reason}${cause})`), url, isRetryable: true, cause: error });
}



/** `{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}` → its type and message. */
function describeErrorBody(body: unknown): { type?: string; message?: string } {
  const inner = (body as { error?: unknown } | undefined)?.error;
  if (typeof inner !== 'object' || inner === null) return typeof body === 'string' ? { message: body.slice(0, 200) } : {};
  const { type, message } = inner as { type?: unknown; message?: unknown };
  return {
    ...(typeof type === 'string' ? { type } : {}),
    ...(typeof message === 'string' ? { message } : {}),
  };
}


