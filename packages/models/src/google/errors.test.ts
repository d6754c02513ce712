import { ApiError } from '@google/genai';
import { APICallError } from '@ladder/core';
import { describe, expect, test } from 'vitest';
import { toCallError } from './errors.js';

const API_KEY = 'AIzaSyLadderUnitKey-abcdefghijklmnop';
const URL = 'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse';

function convert(error: unknown, record: { status?: number; headers?: Headers; url?: string } = { url: URL, status: 429 }) {
  const result = toCallError(error, { fallbackUrl: URL, apiKey: API_KEY, signal: undefined, record });
  expect(APICallError.isInstance(result)).toBe(true);
  return result as APICallError;
}

describe('google errors', () => {
  test('a 429 quota error with google.rpc.RetryInfo waits the retryDelay it names', () => {
    const body = {
      error: {
        code: 429,
        message: 'You exceeded your current quota, please check your plan and billing details.',
        status: 'RESOURCE_EXHAUSTED',
        details: [
          { '@type': 'type.googleapis.com/google.rpc.QuotaFailure', violations: [{ quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_requests' }] },
          { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '37s' },
        ],
      },
    };
    const error = convert(new ApiError({ message: JSON.stringify(body), status: 429 }));
    expect(error).toMatchObject({ statusCode: 429, isRetryable: true, retryAfterMs: 37_000 });
  });

  test('a Retry-After header wins over RetryInfo', () => {
    const body = { error: { code: 429, message: 'slow down', status: 'RESOURCE_EXHAUSTED', details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '0.5s' }] } };
    const error = convert(new ApiError({ message: JSON.stringify(body), status: 429 }), { url: URL, status: 429, headers: new Headers({ 'retry-after': '3' }) });
    expect(error.retryAfterMs).toBe(3000);
  });

  test('a non-JSON error page (a proxy 502) keeps its text and is retryable', () => {
    const body = { error: { message: '<html><body>502 Bad Gateway</body></html>', code: 502, status: 'Bad Gateway' } };
    const error = convert(new ApiError({ message: JSON.stringify(body), status: 502 }), { url: URL, status: 502 });
    expect(error).toMatchObject({ statusCode: 502, isRetryable: true });
    expect(error.message).toBe('google: 502 Bad Gateway: <html><body>502 Bad Gateway</body></html>');
  });

  test('an error the SDK raised before sending anything is not retryable', () => {
    const error = convert(new Error('modelArmorConfig parameter is only supported in Gemini Enterprise Agent Platform mode'), {});
    expect(error.isRetryable).toBe(false);
    expect(error.url).toBe(URL);
  });

  test('the abort reason is returned as it is when the caller aborted', () => {
    const controller = new AbortController();
    const reason = new Error('timed out');
    controller.abort(reason);
    expect(toCallError(new DOMException('aborted', 'AbortError'), { fallbackUrl: URL, apiKey: API_KEY, signal: controller.signal, record: {} })).toBe(reason);
  });

  test('the key is scrubbed from the message and the body', () => {
    const body = { error: { code: 400, message: `API key not valid: ${API_KEY}`, status: 'INVALID_ARGUMENT' } };
    const error = convert(new ApiError({ message: JSON.stringify(body), status: 400 }), { url: `${URL}&key=${API_KEY}`, status: 400 });
    expect(error.isRetryable).toBe(false);
    expect(`${error.message} ${error.responseBody} ${error.url}`).not.toContain(API_KEY);
  });
});
