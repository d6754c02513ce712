import { parseRetryAfter } from '@ladder/core';

/** Shared by the provider adapters: what makes an HTTP failure worth retrying, and what to hide. */

/** 408, 409, 429 and 5xx (Anthropic's 529 "overloaded" included) are worth another try; unknown statuses too. */
export function isRetryableStatus(status: number | undefined): boolean {
  return status === undefined || status === 408 || status === 409 || status === 429 || status >= 500;
}

/** `retry-after-ms` (OpenAI's and Anthropic's, in ms) or `retry-after` (seconds or an HTTP date). */
export function retryAfterOf(headers: Headers | undefined): { retryAfterMs?: number } {
  if (headers === undefined) return {};
  const milliseconds = headers.get('retry-after-ms');
  if (milliseconds !== null) {
    const value = Number.parseFloat(milliseconds);
    if (Number.isFinite(value) && value >= 0) return { retryAfterMs: value };
  }
  const retryAfterMs = parseRetryAfter(headers.get('retry-after'));
  return retryAfterMs === undefined ? {} : { retryAfterMs };
}

/** The API key and any bearer token replaced, wherever a provider or an SDK echoed them. */
export function redactKey(text: string, apiKey: string): string {
  const result = apiKey.length >= 4 ? text.split(apiKey).join('[redacted]') : text;
  return result.replace(/(bearer\s+)[^\s"',;]+/gi, '$1[redacted]');
}

/** A response body cut to `limit` characters for an error message. */
export function truncateBody(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}… (${text.length} characters)`;
}
