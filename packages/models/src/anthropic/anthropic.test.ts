import { APICallError, type CallOptions, type LanguageModelV1, type StreamPart } from '@ladder/core';
import { readFixture, startFakeProvider, type FakeProvider, type FakeProviderOptions, type Fault } from '@ladder/test-server';
import { afterEach, describe, expect, test } from 'vitest';
import { abortOnceReceived, collect as collectStream, callError } from '../_testing/collect-stream.js';
import { createAnthropicModel } from './index.js';

const API_KEY = 'sk-ant-api03-LadderTestKey-0123456789abcdef';
const servers: FakeProvider[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function setup(options: FakeProviderOptions & { headers?: Record<string, string> } = {}): Promise<{ server: FakeProvider; model: LanguageModelV1 }> {
  const server = await startFakeProvider(options);
  servers.push(server);
  const model = await createAnthropicModel({
    modelId: 'claude-sonnet-4-6',
    baseURL: server.url,
    apiKey: API_KEY,
    ...(options.headers === undefined ? {} : { headers: options.headers }),
  });
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

describe('anthropic: answers', () => {
  test('streams the text, the usage and the finish reason; the request carries system, model and max_tokens', async () => {
    const { server, model } = await setup({ answer: () => ({ text: 'The answer is 12231.' }) });
    const collected = await collect(model);
    expect(collected.error).toBeUndefined();
    expect(collected.text).toBe('The answer is 12231.');
    expect(collected.parts.filter((part) => part.type === 'text-delta').length).toBe(4);
    expect(collected.reasoning).toBe('');
    expect(collected.finish?.finishReason).toEqual({ unified: 'stop', raw: 'end_turn' });
    // The fake counts words: 4 system + 5 user words in, 4 words out.
    expect(collected.finish?.usage).toEqual({ inputTokens: 9, outputTokens: 4, cachedInputTokens: 0 });
    expect(collected.finish?.response?.modelId).toBe('claude-sonnet-4-6');
    const sent = server.requests[0]?.body;
    expect(sent).toMatchObject({
      model: 'claude-sonnet-4-6',
      max_tokens: 256,
      stream: true,
      system: 'Answer with a number.',
      messages: [{ role: 'user', content: 'What is 27 * 453?' }],
    });
    expect(collected.requestBody).toEqual(sent);
    expect(server.requestCount).toBe(1);
  });

  test('thinking arrives as reasoning, kept apart from the answer', async () => {
    const { model } = await setup({ answer: () => ({ reasoning: '27 times 453 is 12231.', text: '12231' }) });
    const collected = await collect(model, call({ providerOptions: { anthropic: { thinking: { type: 'enabled', budget_tokens: 1024 } } } }));
    expect(collected.reasoning).toBe('27 times 453 is 12231.');
    expect(collected.text).toBe('12231');
    const kinds = collected.parts.map((part) => part.type);
    expect(kinds.lastIndexOf('reasoning-delta')).toBeLessThan(kinds.indexOf('text-delta'));
    expect(collected.finish?.usage.outputTokens).toBe(6);
  });

  test('the recorded transcript is read verbatim: thinking, text, cache reads, output tokens', async () => {
    const transcript = readFixture('anthropic-claude-sonnet-4-5-thinking.sse');
    const { model } = await setup({ replay: () => transcript });
    const collected = await collect(model);
    expect(collected.error).toBeUndefined();
    const events = transcript
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => JSON.parse(line.slice(6)) as { delta?: { type?: string; text?: string; thinking?: string } });
    const expectedText = events.map((event) => (event.delta?.type === 'text_delta' ? event.delta.text : '')).join('');
    const expectedThinking = events.map((event) => (event.delta?.type === 'thinking_delta' ? event.delta.thinking : '')).join('');
    expect(collected.text).toBe(expectedText);
    expect(collected.text).toContain('**12,231**');
    expect(collected.reasoning).toBe(expectedThinking);
    expect(collected.finish?.finishReason).toEqual({ unified: 'stop', raw: 'end_turn' });
    // input_tokens 38 leaves out the 1536 tokens read from the cache.
    expect(collected.finish?.usage).toEqual({ inputTokens: 38 + 1536, outputTokens: 164, cachedInputTokens: 1536 });
    expect(collected.finish?.response).toEqual({ id: 'msg_01Q8fVvbKZcWzTq3nA7dR2xH', modelId: 'claude-sonnet-4-5-20250929' });
  });

  test('doGenerate reads a whole Message', async () => {
    const { server, model } = await setup({ answer: () => ({ reasoning: 'Multiply.', text: '12231' }) });
    const result = await model.doGenerate(call());
    expect(result).toMatchObject({ text: '12231', reasoning: 'Multiply.', finishReason: { unified: 'stop', raw: 'end_turn' } });
    expect(result.usage.outputTokens).toBe(2);
    expect(server.requests[0]?.body.stream).toBe(false);
  });

  test('max_tokens defaults to 4096 with a warning; seed and (at anthropic-version 2026-10-21) temperature become warnings', async () => {
    const { server, model } = await setup();
    const collected = await collect(model, call({ settings: { temperature: 0, topK: 5, seed: 7, stopSequences: ['\n\n'] } }));
    const sent = server.requests[0]?.body;
    expect(sent.max_tokens).toBe(4096);
    expect(sent.stop_sequences).toEqual(['\n\n']);
    expect(sent).not.toHaveProperty('temperature');
    expect(sent).not.toHaveProperty('top_k');
    expect(sent).not.toHaveProperty('seed');
    expect(collected.warnings.join('\n')).toMatch(/maxOutputTokens is not set.*4096/);
    expect(collected.warnings.join('\n')).toMatch(/seed is not supported/);
    expect(collected.warnings.join('\n')).toMatch(/temperature is not accepted by anthropic-version 2026-10-21/);
    expect(collected.warnings.join('\n')).toMatch(/topK is not accepted/);
    expect(server.requests[0]?.headers['anthropic-version']).toBe('2026-10-21');
  });

  test('with anthropic-version 2023-06-01 the sampling settings are sent (temperature capped at 1)', async () => {
    const { server, model } = await setup({ headers: { 'anthropic-version': '2023-06-01' } });
    const collected = await collect(model, call({ settings: { maxOutputTokens: 64, temperature: 1.5, topP: 0.9, topK: 40 } }));
    expect(server.requests[0]?.headers['anthropic-version']).toBe('2023-06-01');
    expect(server.requests[0]?.body).toMatchObject({ temperature: 1, top_p: 0.9, top_k: 40 });
    expect(collected.warnings).toEqual(['temperature 1.5 is above the Anthropic maximum of 1: 1 is used']);
  });
});

describe('anthropic: faults', () => {
  test('429 with Retry-After is retryable and says how long to wait; one request, no SDK retry', async () => {
    const { server, model } = await setup({ fault: () => ({ kind: 'status', status: 429, retryAfter: '7' }) });
    const error = callError(await collect(model));
    expect(error.statusCode).toBe(429);
    expect(error.isRetryable).toBe(true);
    expect(error.retryAfterMs).toBe(7000);
    expect(error.message).toMatch(/429 rate_limit_error/);
    expect(error.url).toBe(`${server.url}/v1/messages`);
    expect(error.responseBody).toContain('"rate_limit_error"');
    expect(server.requestCount).toBe(1);
  });

  test.each([529, 503])('%i overloaded is retryable', async (status) => {
    const { server, model } = await setup({ fault: () => ({ kind: 'status', status }) });
    const error = callError(await collect(model));
    expect(error.statusCode).toBe(status);
    expect(error.isRetryable).toBe(true);
    expect(error.message).toContain('overloaded_error: Overloaded');
    expect(error.responseBody).toBe('{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_011CfakeLadderTestServer"}');
    expect(server.requestCount).toBe(1);
  });

  test('500 is retryable', async () => {
    const { server, model } = await setup({ fault: () => ({ kind: 'status', status: 500 }) });
    const error = callError(await collect(model));
    expect([error.statusCode, error.isRetryable]).toEqual([500, true]);
    expect(server.requestCount).toBe(1);
  });

  test('400 is not retryable', async () => {
    const { server, model } = await setup({ fault: () => ({ kind: 'status', status: 400, message: 'max_tokens: must be positive' }) });
    const error = callError(await collect(model));
    expect([error.statusCode, error.isRetryable]).toEqual([400, false]);
    expect(error.message).toBe('anthropic: 400 invalid_request_error: max_tokens: must be positive');
    expect(server.requestCount).toBe(1);
  });

  test('an overloaded error event inside a 200 stream is a retryable error, not a short answer', async () => {
    const transcript = readFixture('anthropic-claude-sonnet-4-5-thinking.sse');
    const cut = transcript.slice(0, transcript.indexOf('event: content_block_stop'));
    const { model } = await setup({
      replay: () => `${cut}event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n`,
    });
    const collected = await collect(model);
    const error = callError(collected);
    expect(collected.reasoning).not.toBe('');
    expect(error.isRetryable).toBe(true);
    expect(error.statusCode).toBeUndefined();
    expect(error.message).toBe('anthropic: 529 overloaded_error (in the stream): Overloaded');
  });

  test('a connection reset mid-stream is a retryable error after the partial text', async () => {
    const answer = 'one two three four five six seven eight';
    const { server, model } = await setup({ fault: () => ({ kind: 'reset-mid-stream' }), answer: () => ({ text: answer }) });
    const collected = await collect(model);
    const error = callError(collected);
    expect(collected.text.length).toBeGreaterThan(0);
    expect(collected.text.length).toBeLessThan(answer.length);
    expect(error.isRetryable).toBe(true);
    expect(server.requestCount).toBe(1);
  });

  test('malformed JSON in the stream is a retryable error', async () => {
    const { server, model } = await setup({ fault: () => ({ kind: 'malformed-json' }) });
    const error = callError(await collect(model));
    expect(error.isRetryable).toBe(true);
    expect(error.message).toMatch(/malformed response/);
    expect(server.requestCount).toBe(1);
  });

  test('a stream that ends without message_stop is a retryable error', async () => {
    const { model } = await setup({ fault: () => ({ kind: 'empty-choices' }) });
    const error = callError(await collect(model));
    expect(error.isRetryable).toBe(true);
    expect(error.message).toMatch(/ended before message_stop/);
  });

  test('a refusal is finish reason content-filter', async () => {
    const { model } = await setup({ fault: () => ({ kind: 'content-filter' }), answer: () => ({ text: 'Here is how you would do that' }) });
    const collected = await collect(model);
    expect(collected.error).toBeUndefined();
    expect(collected.finish?.finishReason).toEqual({ unified: 'content-filter', raw: 'refusal' });
  });

  test('max_tokens while thinking: finish length, the reasoning kept, no text', async () => {
    const { model } = await setup({ fault: () => ({ kind: 'length-while-thinking' }) });
    const collected = await collect(model);
    expect(collected.error).toBeUndefined();
    expect(collected.finish?.finishReason).toEqual({ unified: 'length', raw: 'max_tokens' });
    expect(collected.reasoning).toMatch(/step by step/);
    expect(collected.text).toBe('');
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

describe('anthropic: the key', () => {
  test('travels in x-api-key only, and never in an error, a warning or the logged request', async () => {
    const echo: Fault = { kind: 'status', status: 401, message: `invalid x-api-key ${API_KEY}` };
    const { server, model } = await setup({ fault: (request) => (request.index === 0 ? undefined : echo) });
    const ok = await collect(model, call({ settings: { seed: 1 } }));
    expect(server.requests[0]?.headers['x-api-key']).toBe(API_KEY);
    expect(server.requests[0]?.headers['authorization']).toBeUndefined();
    const failed = await collect(model);
    const error = callError(failed);
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain('invalid x-api-key [redacted]');
    expectNoKey(ok.warnings, ok.requestBody, error.message, error.responseBody, error.url, failed.requestBody);
  });

  test('is scrubbed from connection errors too', async () => {
    const model = await createAnthropicModel({ modelId: 'claude-x', baseURL: `http://127.0.0.1:9/${API_KEY}`, apiKey: API_KEY });
    const error = callError(await collect(model));
    expect(error.isRetryable).toBe(true);
    expect(error.message).toMatch(/connection failed/);
    expectNoKey(error.message, error.url);
  });
});
