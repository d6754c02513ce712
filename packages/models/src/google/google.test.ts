import { APICallError, type CallOptions, type LanguageModelV1, type StreamPart } from '@ladder/core';
import { readFixture, startFakeProvider, type FakeProvider, type FakeProviderOptions, type Fault } from '@ladder/test-server';
import { afterEach, describe, expect, test } from 'vitest';
import { abortOnceReceived, collect as collectStream, callError } from '../_testing/collect-stream.js';
import { createGoogleModel } from './index.js';

const API_KEY = 'AIzaSyLadderTestKey-0123456789abcdefghij';
const servers: FakeProvider[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function setup(options: FakeProviderOptions = {}): Promise<{ server: FakeProvider; model: LanguageModelV1 }> {
  const server = await startFakeProvider(options);
  servers.push(server);
  const model = await createGoogleModel({ modelId: 'gemini-2.5-flash', baseURL: server.url, apiKey: API_KEY });
  return { server, model };
}

function call(overrides: Partial<CallOptions> = {}): CallOptions {
  return {
    prompt: [
      { role: 'system', content: 'Answer with a number.' },
      { role: 'user', content: 'What is 27 * 453?' },
    ],
    settings: { maxOutputTokens: 256 },
    requestKey: 'sample-1',
    ...overrides,
  };
}


const collect = (model: LanguageModelV1, options: CallOptions = call()) => collectStream(model, options);


function expectNoKey(...values: unknown[]): void {
  for (const value of values) {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    expect(text ?? '').not.toContain(API_KEY);
  }
}

describe('google: answers', () => {
  test('streams the text, the usage and the finish reason; the request carries systemInstruction and generationConfig', async () => {
    const { server, model } = await setup({ answer: () => ({ text: 'The answer is 12231.' }) });
    const collected = await collect(model, call({ settings: { maxOutputTokens: 256, temperature: 0, topP: 0.5, topK: 3, seed: 11, stopSequences: ['END'] } }));
    expect(collected.error).toBeUndefined();
    expect(collected.text).toBe('The answer is 12231.');
    expect(collected.parts.filter((part) => part.type === 'text-delta').length).toBe(4);
    expect(collected.finish?.finishReason).toEqual({ unified: 'stop', raw: 'STOP' });
    // The fake counts words: 4 system + 5 user words in, 4 words out.
    expect(collected.finish?.usage).toEqual({ inputTokens: 9, outputTokens: 4 });
    expect(collected.warnings).toEqual([]);
    const request = server.requests[0];
    expect(request?.path).toBe('/v1beta/models/gemini-2.5-flash:streamGenerateContent');
    expect(request?.body).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'What is 27 * 453?' }] }],
      systemInstruction: { parts: [{ text: 'Answer with a number.' }] },
      generationConfig: { temperature: 0, topP: 0.5, topK: 3, maxOutputTokens: 256, stopSequences: ['END'], seed: 11 },
    });
    expect(collected.requestBody).toEqual(request?.body);
    expect(server.requestCount).toBe(1);
  });

  test('thought parts arrive as reasoning, kept apart from the answer; thoughts count as output tokens', async () => {
    const { server, model } = await setup({ answer: () => ({ reasoning: '27 times 453 is 12231.', text: '12231' }) });
    const collected = await collect(model, call({ providerOptions: { google: { thinkingConfig: { includeThoughts: true, thinkingBudget: 512 } } } }));
    expect(collected.reasoning).toBe('27 times 453 is 12231.');
    expect(collected.text).toBe('12231');
    const kinds = collected.parts.map((part) => part.type);
    expect(kinds.lastIndexOf('reasoning-delta')).toBeLessThan(kinds.indexOf('text-delta'));
    expect(collected.finish?.usage).toEqual({ inputTokens: 9, outputTokens: 6, reasoningTokens: 5 });
    expect(server.requests[0]?.body.generationConfig.thinkingConfig).toEqual({ includeThoughts: true, thinkingBudget: 512 });
  });

  test('the recorded transcript is read verbatim: thoughts, text, cached and thought tokens', async () => {
    const transcript = readFixture('gemini-2.5-flash-thinking.sse');
    const { model } = await setup({ replay: () => transcript });
    const collected = await collect(model);
    expect(collected.error).toBeUndefined();
    const chunks = transcript
      .split('\r\n\r\n')
      .filter((event) => event.startsWith('data: '))
      .map((event) => JSON.parse(event.slice(6)) as { candidates: { content: { parts: { text: string; thought?: boolean }[] } }[] });
    const parts = chunks.flatMap((chunk) => chunk.candidates[0]?.content.parts ?? []);
    expect(collected.reasoning).toBe(parts.filter((part) => part.thought === true).map((part) => part.text).join(''));
    expect(collected.text).toBe(parts.filter((part) => part.thought !== true).map((part) => part.text).join(''));
    expect(collected.text).toContain('**12,231**');
    expect(collected.finish?.finishReason).toEqual({ unified: 'stop', raw: 'STOP' });
    expect(collected.finish?.usage).toEqual({ inputTokens: 2087, outputTokens: 41 + 148, reasoningTokens: 148, cachedInputTokens: 1021 });
    expect(collected.finish?.response).toEqual({ id: 'v2ZLaOq1EMqY1MkPrZnK8Ao', modelId: 'gemini-2.5-flash' });
  });

  test('doGenerate reads a whole response', async () => {
    const { server, model } = await setup({ answer: () => ({ reasoning: 'Multiply.', text: '12231' }) });
    const result = await model.doGenerate(call());
    expect(result).toMatchObject({ text: '12231', reasoning: 'Multiply.', finishReason: { unified: 'stop', raw: 'STOP' } });
    expect(result.usage).toEqual({ inputTokens: 9, outputTokens: 2, reasoningTokens: 1 });
    expect(server.requests[0]?.path).toBe('/v1beta/models/gemini-2.5-flash:generateContent');
  });

  test('a prompt blocked before any answer is finish reason content-filter', async () => {
    const blocked = 'data: {"promptFeedback": {"blockReason": "PROHIBITED_CONTENT"},"usageMetadata": {"promptTokenCount": 9,"totalTokenCount": 9},"modelVersion": "gemini-2.5-flash","responseId": "x1"}\r\n\r\n';
    const { model } = await setup({ replay: () => blocked });
    const collected = await collect(model);
    expect(collected.error).toBeUndefined();
    expect(collected.finish?.finishReason).toEqual({ unified: 'content-filter', raw: 'prompt:PROHIBITED_CONTENT' });
    expect(collected.finish?.usage).toEqual({ inputTokens: 9, outputTokens: 0 });
  });
});

describe('google: faults', () => {
  const paused =
    'data: {"candidates": [{"content": {"parts": [{"text": "Part one,"}],"role": "model"},"index": 0}],"usageMetadata": {"promptTokenCount": 9,"totalTokenCount": 11},"modelVersion": "gemini-2.5-pro","responseId": "h1"}\r\n\r\n' +
    'data: {"candidates": [{"content": {"parts": [{"text": ""}],"role": "model"},"finishReason": "CONTINUATION","continuationToken": "Q0hFQ0tQT0lOVC0x","index": 0}],"usageMetadata": {"promptTokenCount": 9,"candidatesTokenCount": 2,"totalTokenCount": 11},"modelVersion": "gemini-2.5-pro","responseId": "h1"}\r\n\r\n';
  const resumed =
    'data: {"candidates": [{"content": {"parts": [{"text": " part two."}],"role": "model"},"finishReason": "STOP","index": 0}],"usageMetadata": {"promptTokenCount": 9,"candidatesTokenCount": 3,"totalTokenCount": 12},"modelVersion": "gemini-2.5-pro","responseId": "h2"}\r\n\r\n';

  test('a decode paused at a checkpoint (CONTINUATION) is an error, not a short answer; the SDK sends no second request', async () => {
    const { server, model } = await setup({ replay: (request) => (request.index === 0 ? paused : resumed) });
    const collected = await collect(model);
    const error = callError(collected);
    expect(collected.text).toBe('Part one,');
    expect(error.isRetryable).toBe(false);
    expect(error.message).toMatch(/CONTINUATION.*automaticContinuation/);
    expect(server.requestCount).toBe(1);
  });

  test('with providerOptions.google.automaticContinuation the SDK continues from the token, in a second request', async () => {
    const { server, model } = await setup({ replay: (request) => (request.index === 0 ? paused : resumed) });
    const collected = await collect(model, call({ providerOptions: { google: { automaticContinuation: true } } }));
    expect(collected.error).toBeUndefined();
    expect(collected.text).toBe('Part one, part two.');
    expect(collected.finish?.finishReason).toEqual({ unified: 'stop', raw: 'STOP' });
    expect(server.requestCount).toBe(2);
    expect(server.requests[1]?.body.continuationToken).toBe('Q0hFQ0tQT0lOVC0x');
  });

  test('429 with Retry-After is retryable and says how long to wait; one request, no SDK retry', async () => {
    const { server, model } = await setup({ fault: () => ({ kind: 'status', status: 429, retryAfter: '7' }) });
    const error = callError(await collect(model));
    expect(error.statusCode).toBe(429);
    expect(error.isRetryable).toBe(true);
    expect(error.retryAfterMs).toBe(7000);
    expect(error.message).toMatch(/^google: 429 RESOURCE_EXHAUSTED: You exceeded your current quota/);
    expect(error.url).toBe(`${server.url}/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse`);
    expect(server.requestCount).toBe(1);
  });

  test('503 overloaded is retryable', async () => {
    const { server, model } = await setup({ fault: () => ({ kind: 'status', status: 503 }) });
    const error = callError(await collect(model));
    expect([error.statusCode, error.isRetryable]).toEqual([503, true]);
    expect(error.message).toBe('google: 503 UNAVAILABLE: The model is overloaded. Please try again later.');
    expect(JSON.parse(error.responseBody ?? '')).toEqual({ error: { code: 503, message: 'The model is overloaded. Please try again later.', status: 'UNAVAILABLE' } });
    expect(server.requestCount).toBe(1);
  });

  test('500 is retryable', async () => {
    const { server, model } = await setup({ fault: () => ({ kind: 'status', status: 500 }) });
    const error = callError(await collect(model));
    expect([error.statusCode, error.isRetryable]).toEqual([500, true]);
    expect(server.requestCount).toBe(1);
  });

  test('400 is not retryable', async () => {
    const { server, model } = await setup({ fault: () => ({ kind: 'status', status: 400 }) });
    const error = callError(await collect(model));
    expect([error.statusCode, error.isRetryable]).toEqual([400, false]);
    expect(error.message).toBe('google: 400 INVALID_ARGUMENT: Request contains an invalid argument.');
    expect(server.requestCount).toBe(1);
  });

  test('an error inside a 200 stream is a retryable error, not a short answer', async () => {
    const transcript = readFixture('gemini-2.5-flash-thinking.sse');
    const firstEvent = transcript.slice(0, transcript.indexOf('\r\n\r\n') + 4);
    const { server, model } = await setup({
      replay: () => `${firstEvent}data: {"error": {"code": 503, "message": "The model is overloaded. Please try again later.", "status": "UNAVAILABLE"}}\r\n\r\n`,
    });
    const collected = await collect(model);
    const error = callError(collected);
    expect(collected.reasoning).not.toBe('');
    expect(error.isRetryable).toBe(true);
    expect(error.statusCode).toBeUndefined();
    expect(error.message).toBe('google: 503 UNAVAILABLE (in the stream): The model is overloaded. Please try again later.');
    expect(server.requestCount).toBe(1);
  });

  test('a connection reset mid-stream is a retryable error after the partial text; the SDK does not resume it', async () => {
    const answer = 'one two three four five six seven eight';
    const { server, model } = await setup({ fault: () => ({ kind: 'reset-mid-stream' }), answer: () => ({ text: answer }) });
    const collected = await collect(model);
    const error = callError(collected);
    expect(collected.text.length).toBeGreaterThan(0);
    expect(collected.text.length).toBeLessThan(answer.length);
    expect(error.isRetryable).toBe(true);
    expect(error.message).toMatch(/connection failed/);
    expect(server.requestCount).toBe(1);
  });

  test('malformed JSON in the stream is a retryable error', async () => {
    const { server, model } = await setup({ fault: () => ({ kind: 'malformed-json' }) });
    const error = callError(await collect(model));
    expect(error.isRetryable).toBe(true);
    expect(error.message).toMatch(/malformed response/);
    expect(server.requestCount).toBe(1);
  });

  test('chunks without candidates and no finishReason: a retryable error', async () => {
    const { server, model } = await setup({ fault: () => ({ kind: 'empty-choices' }) });
    const error = callError(await collect(model));
    expect(error.isRetryable).toBe(true);
    expect(error.message).toMatch(/ended without a finishReason/);
    expect(server.requestCount).toBe(1);
  });

  test('SAFETY is finish reason content-filter', async () => {
    const { model } = await setup({ fault: () => ({ kind: 'content-filter' }), answer: () => ({ text: 'Here is how you would do that' }) });
    const collected = await collect(model);
    expect(collected.error).toBeUndefined();
    expect(collected.finish?.finishReason).toEqual({ unified: 'content-filter', raw: 'SAFETY' });
  });

  test('MAX_TOKENS while thinking: finish length, the reasoning kept, no text, thoughts counted', async () => {
    const { model } = await setup({ fault: () => ({ kind: 'length-while-thinking' }) });
    const collected = await collect(model);
    expect(collected.error).toBeUndefined();
    expect(collected.finish?.finishReason).toEqual({ unified: 'length', raw: 'MAX_TOKENS' });
    expect(collected.reasoning).toMatch(/step by step/);
    expect(collected.text).toBe('');
    const usage = collected.finish?.usage;
    expect(usage?.reasoningTokens).toBeGreaterThan(0);
    expect(usage?.outputTokens).toBe(usage?.reasoningTokens);
  });

  test.each([false, true])('a hanging server (headers sent: %s) is let go promptly when the signal aborts', async (headers) => {
    const { server, model } = await setup({ fault: () => ({ kind: 'hang', headers }) });
    const controller = new AbortController();
    const reason = new Error('deadline reached');
    const abort = abortOnceReceived(server, controller, reason);
    const collected = await collect(model, call({ abortSignal: controller.signal }));
    abort.cancel();
    expect(abort.abortedAt()).toBeGreaterThan(0);
    expect(performance.now() - abort.abortedAt()).toBeLessThan(5000);
    expect(collected.finish).toBeUndefined();
    expect(collected.error).toBe(reason);
    expect(server.requestCount).toBe(1);
  });
  test.each(['reset-mid-stream', 'malformed-json'] as const)('doGenerate: a %s body is a retryable error', async (kind) => {
    const { server, model } = await setup({ fault: () => ({ kind }) });
    const error = await model.doGenerate(call()).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(APICallError.isInstance(error) && error.isRetryable).toBe(true);
    expect(server.requestCount).toBe(1);
  });

  test('a consumer that stops reading early closes the response', async () => {
    const { server, model } = await setup({ chunkDelayMs: 40, answer: () => ({ text: 'one two three four five six seven eight nine ten' }) });
    const result = await model.doStream(call());
    for await (const part of result.stream) if (part.type === 'text-delta') break;
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(server.requests[0]?.completed).toBe(false);
  });
});

describe('google: the key', () => {
  test('travels in x-goog-api-key only, and never in an error, a warning or the logged request', async () => {
    const echo: Fault = { kind: 'status', status: 400, message: `API key not valid: ${API_KEY}` };
    const { server, model } = await setup({ fault: (request) => (request.index === 0 ? undefined : echo) });
    const ok = await collect(model, call({ providerOptions: { google: 'not an object' } }));
    expect(server.requests[0]?.headers['x-goog-api-key']).toBe(API_KEY);
    expect(server.requests[0]?.headers['authorization']).toBeUndefined();
    expect(server.requests[0]?.path).not.toContain(API_KEY);
    expect(ok.warnings).toEqual(['providerOptions.google must be an object of GenerateContentConfig fields: ignored']);
    const failed = await collect(model);
    const error = callError(failed);
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain('API key not valid: [redacted]');
    expectNoKey(ok.warnings, ok.requestBody, error.message, error.responseBody, error.url);
  });

  test('is scrubbed from connection errors too', async () => {
    const model = await createGoogleModel({ modelId: 'gemini-x', baseURL: `http://127.0.0.1:9/${API_KEY}`, apiKey: API_KEY });
    const error = callError(await collect(model));
    expect(error.isRetryable).toBe(true);
    expect(error.message).toMatch(/connection failed/);
    expectNoKey(error.message, error.url);
  });
});
