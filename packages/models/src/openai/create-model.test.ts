import { APICallError, type CallOptions, type LanguageModelV1, type StreamPart } from '@ladder/core';
import { readFixture, startFakeProvider, type FakeProvider, type FakeProviderOptions, type Fault } from '@ladder/test-server';
import { afterEach, describe, expect, it } from 'vitest';
import { collect as collectStream } from '../_testing/collect-stream.js';
import { PROVIDER_PRESETS } from '../providers/presets.js';
import { createOpenAICompatibleModel, type OpenAICompatibleModelOptions } from './create-model.js';

const KEY = 'sk-test-planted-0123456789abcdef';

let server: FakeProvider | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(
  serverOptions: FakeProviderOptions = {},
  modelOptions: Partial<OpenAICompatibleModelOptions> = {},
): Promise<{ server: FakeProvider; model: LanguageModelV1 }> {
  server = await startFakeProvider(serverOptions);
  const model = await createOpenAICompatibleModel({
    providerId: 'deepseek',
    modelId: 'deepseek-chat',
    baseURL: `${server.url}/v1`,
    apiKey: KEY,
    quirks: PROVIDER_PRESETS['deepseek']?.quirks,
    ...modelOptions,
  });
  return { server, model };
}

function call(prompt = 'What is 6 x 7?', extra: Partial<CallOptions> = {}): CallOptions {
  return { prompt: [{ role: 'user', content: prompt }], settings: {}, requestKey: 'k', ...extra };
}


const collect = (model: LanguageModelV1, options: CallOptions = call()) => collectStream(model, options);

function apiError(error: unknown): APICallError {
  expect(APICallError.isInstance(error), `expected an APICallError, got ${String(error)}`).toBe(true);
  return error as APICallError;
}

describe('streaming', () => {
  it('streams the answer as text deltas, then the finish with the usage the provider reported', async () => {
    const { server, model } = await setup();
    const result = await collect(model, call('What is 6 x 7?', { settings: { temperature: 0, maxOutputTokens: 32, seed: 3 } }));
    expect(result.error).toBeUndefined();
    expect(result.text).toBe('Answer: What is 6 x 7?');
    expect(result.parts.filter((part) => part.type === 'text-delta').length).toBe(6);
    expect(result.reasoning).toBe('');
    expect(result.finish).toMatchObject({
      finishReason: { unified: 'stop', raw: 'stop' },
      usage: { inputTokens: 5, outputTokens: 6, reasoningTokens: 0, cachedInputTokens: 0 },
      response: { id: 'chatcmpl-fake0', modelId: 'deepseek-chat' },
    });
    const body = server.requests[0]?.body;
    expect(body).toMatchObject({ model: 'deepseek-chat', stream: true, stream_options: { include_usage: true }, temperature: 0, max_tokens: 32, seed: 3 });
    expect(result.requestBody).toEqual(body);
    expect(result.warnings).toEqual([]);
  });

  it('reports usage as unknown, not 0, when the provider sends none (no include_usage)', async () => {
    const { server, model } = await setup({}, { providerId: 'mistral', quirks: PROVIDER_PRESETS['mistral']?.quirks });
    const result = await collect(model);
    expect(server.requests[0]?.body.stream_options).toBeUndefined();
    expect(result.finish?.usage).toEqual({ inputTokens: undefined, outputTokens: undefined });
  });

  it('streams reasoning from reasoning_content apart from the answer', async () => {
    const { model } = await setup({ answer: () => ({ reasoning: 'Six sevens are forty-two.', text: '42' }) });
    const result = await collect(model);
    expect(result.reasoning).toBe('Six sevens are forty-two.');
    expect(result.text).toBe('42');
    const kinds = result.parts.map((part) => part.type);
    expect(kinds.lastIndexOf('reasoning-delta')).toBeLessThan(kinds.indexOf('text-delta'));
    expect(result.finish?.usage).toMatchObject({ reasoningTokens: 4, outputTokens: 5 });
  });

  it('splits a <think> block cut across chunks from the answer', async () => {
    const pieces = ['<th', 'ink>\nSix', ' sevens', '.</t', 'hink', '>\n\n', '42'];
    const transcript = [
      ...pieces.map((content) => `data: ${JSON.stringify({ id: 'x', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`),
      `data: ${JSON.stringify({ id: 'x', object: 'chat.completion.chunk', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`,
      'data: [DONE]\n\n',
    ].join('');
    const { model } = await setup({ replay: () => transcript }, { providerId: 'vllm', quirks: PROVIDER_PRESETS['vllm']?.quirks });
    const result = await collect(model);
    expect(result.reasoning).toBe('Six sevens.');
    expect(result.text).toBe('42');
  });

  it('answers without streaming through doGenerate', async () => {
    const { server, model } = await setup({ answer: () => ({ reasoning: 'hm', text: '<think>more</think>42' }) });
    const result = await model.doGenerate(call('q', { settings: { topK: 5 } }));
    expect(result).toMatchObject({
      text: '42',
      reasoning: 'hmmore',
      finishReason: { unified: 'stop', raw: 'stop' },
      usage: { inputTokens: 1, outputTokens: 2 },
      request: { body: { model: 'deepseek-chat', messages: [{ role: 'user', content: 'q' }] } },
      response: { id: 'chatcmpl-fake0', modelId: 'deepseek-chat' },
    });
    expect(result.warnings?.[0]).toMatch(/topK/);
    expect(server.requests[0]?.body.stream).toBeUndefined();
  });
});

describe('recorded transcripts, parsed verbatim', () => {
  it('OpenAI gpt-4o: text deltas, finish chunk, then a usage chunk with choices []', async () => {
    const { model } = await setup({ replay: () => readFixture('openai-gpt-4o.sse') }, { providerId: 'openai', modelId: 'gpt-4o', quirks: PROVIDER_PRESETS['openai']?.quirks });
    const result = await collect(model);
    expect(result.error).toBeUndefined();
    expect(result.text).toBe('12 × 7 = 84.\n\nThe answer is 84.');
    expect(result.reasoning).toBe('');
    expect(result.finish).toEqual({
      type: 'finish',
      finishReason: { unified: 'stop', raw: 'stop' },
      usage: { inputTokens: 24, outputTokens: 14, reasoningTokens: 0, cachedInputTokens: 0 },
      response: { id: 'chatcmpl-BfX2kq8vYtQm3LrN1pZ0aHcD9eWuS', modelId: 'gpt-4o-2024-08-06' },
    });
  });

  it('DeepSeek deepseek-reasoner: reasoning_content, keep-alive comments, usage on the finish chunk', async () => {
    const { model } = await setup({ replay: () => readFixture('deepseek-reasoner.sse') }, { modelId: 'deepseek-reasoner' });
    const result = await collect(model);
    expect(result.error).toBeUndefined();
    expect(result.reasoning).toBe('Okay, so I need to multiply 12 by 7. Let me see: 10 times 7 is 70, and 2 times 7 is 14. 70 plus 14 is 84.');
    expect(result.text).toBe('12 × 7 = **84**');
    expect(result.finish).toMatchObject({
      finishReason: { unified: 'stop', raw: 'stop' },
      usage: { inputTokens: 17, outputTokens: 58, reasoningTokens: 49, cachedInputTokens: 0 },
      response: { id: '9c1a3f0e-5b7d-4e2a-8f61-3d2c4b5a6e7f', modelId: 'deepseek-reasoner' },
    });
  });

  it('vLLM serving QwQ without a reasoning parser: <think> inline, usage without details', async () => {
    const { model } = await setup({ replay: () => readFixture('vllm-qwq-think-tags.sse') }, { providerId: 'vllm', modelId: 'Qwen/QwQ-32B', quirks: PROVIDER_PRESETS['vllm']?.quirks });
    const result = await collect(model);
    expect(result.reasoning).toBe("12 times 7 is 84. That's straightforward.");
    expect(result.text).toBe('**84**');
    expect(result.finish?.usage).toEqual({ inputTokens: 20, outputTokens: 19, reasoningTokens: undefined, cachedInputTokens: undefined });
  });
});

describe('faults', () => {
  const withFault = (fault: Fault, serverOptions: FakeProviderOptions = {}) => setup({ ...serverOptions, fault: () => fault });

  it('429 with Retry-After: retryable, with retryAfterMs, one request only (the SDK does not retry)', async () => {
    const { server, model } = await withFault({ kind: 'status', status: 429, retryAfter: '7' });
    const error = apiError((await collect(model)).error);
    expect(error).toMatchObject({ statusCode: 429, isRetryable: true, retryAfterMs: 7000, url: `${server.url}/v1/chat/completions` });
    expect(error.message).toMatch(/^deepseek: HTTP 429 Rate limit reached/);
    expect(error.responseBody).toContain('rate_limit_exceeded');
    expect(server.requests).toHaveLength(1);
  });

  it('503 and 500: retryable; 400, 401, 404, 422: not; each sent once', async () => {
    for (const [status, retryable] of [
      [503, true],
      [500, true],
      [408, true],
      [400, false],
      [401, false],
      [404, false],
      [422, false],
    ] as const) {
      const { server, model } = await withFault({ kind: 'status', status, message: `status ${status}` });
      const error = apiError((await collect(model)).error);
      expect(error).toMatchObject({ statusCode: status, isRetryable: retryable, retryAfterMs: undefined });
      expect(error.message).toContain(`status ${status}`);
      expect(server.requests).toHaveLength(1);
      await server.close();
    }
  });

  it('reads error bodies of any shape; an exhausted quota is not worth retrying', async () => {
    const cases: Array<[Fault, RegExp, boolean]> = [
      [{ kind: 'status', status: 429, body: '{"error":{"message":"You exceeded your current quota","type":"insufficient_quota","code":"insufficient_quota"}}' }, /HTTP 429 You exceeded your current quota/, false],
      [{ kind: 'status', status: 502, body: '<html>\n<body>502 Bad Gateway</body>\n</html>' }, /HTTP 502 <html> <body>502 Bad Gateway/, true],
      [{ kind: 'status', status: 422, body: '{"detail":"max_tokens must be at least 1"}' }, /HTTP 422 max_tokens must be at least 1/, false],
    ];
    for (const [fault, message, retryable] of cases) {
      const { server, model } = await withFault(fault);
      const error = apiError((await collect(model)).error);
      expect(error.message).toMatch(message);
      expect(error.isRetryable).toBe(retryable);
      expect(error.responseBody).toBe(fault.kind === 'status' ? fault.body : undefined);
      await server.close();
    }
  });

  it('a reset mid-stream is a retryable error after the partial text, never a finished answer', async () => {
    const { server, model } = await withFault({ kind: 'reset-mid-stream' });
    const result = await collect(model, call('one two three four five six'));
    expect(result.text.length).toBeGreaterThan(0);
    expect(result.finish).toBeUndefined();
    const error = apiError(result.error);
    expect(error.isRetryable).toBe(true);
    expect(error.message).toMatch(/closed mid-answer/);
    expect(server.requests).toHaveLength(1);
  });

  it('a hang before the headers is aborted by abortSignal promptly, with its reason', async () => {
    const { model } = await withFault({ kind: 'hang' });
    const reason = new Error('time is up');
    const started = performance.now();
    const result = await collect(model, call('q', { abortSignal: AbortSignal.timeout(150) }));
    expect(performance.now() - started).toBeLessThan(5000);
    expect((result.error as Error).name).toBe('TimeoutError');
    const controller = new AbortController();
    setTimeout(() => controller.abort(reason), 100);
    expect((await collect(model, call('q', { abortSignal: controller.signal }))).error).toBe(reason);
  });

  it('a hang after the headers is aborted promptly too, as an error (not a quiet end)', async () => {
    const { model } = await withFault({ kind: 'hang', headers: true });
    const controller = new AbortController();
    const reason = new Error('time is up');
    setTimeout(() => controller.abort(reason), 150);
    const started = performance.now();
    const result = await collect(model, call('q', { abortSignal: controller.signal }));
    expect(performance.now() - started).toBeLessThan(5000);
    expect(result.finish).toBeUndefined();
    expect(result.error).toBe(reason);
  });

  it('malformed JSON in a stream event: a retryable error that shows the event', async () => {
    const { model } = await withFault({ kind: 'malformed-json' });
    const result = await collect(model);
    expect(result.finish).toBeUndefined();
    const error = apiError(result.error);
    expect(error.isRetryable).toBe(true);
    expect(error.message).toMatch(/not valid JSON .*"content":"cut/);
    // Not streaming: the same.
    const generated = await model.doGenerate(call()).catch((caught: unknown) => caught);
    expect(apiError(generated).message).toMatch(/not valid JSON/);
  });

  it('chunks with empty choices and nothing else: an error, not an empty answer', async () => {
    const { model } = await withFault({ kind: 'empty-choices' });
    const result = await collect(model);
    expect(result.finish).toBeUndefined();
    expect(apiError(result.error)).toMatchObject({ isRetryable: true, message: expect.stringMatching(/no content and no finish_reason/) });
  });

  it('content filter: finish reason content-filter, the text so far kept', async () => {
    const { model } = await withFault({ kind: 'content-filter' });
    const result = await collect(model, call('one two three'));
    expect(result.error).toBeUndefined();
    expect(result.text).toBe('Answer: one');
    expect(result.finish?.finishReason).toEqual({ unified: 'content-filter', raw: 'content_filter' });
  });

  it('length while thinking: finish reason length, reasoning and empty text', async () => {
    const { model } = await withFault({ kind: 'length-while-thinking' });
    const result = await collect(model);
    expect(result.error).toBeUndefined();
    expect(result.text).toBe('');
    expect(result.reasoning).toMatch(/step by step/);
    expect(result.finish?.finishReason).toEqual({ unified: 'length', raw: 'length' });
    const generated = await model.doGenerate(call());
    expect(generated).toMatchObject({ text: '', finishReason: { unified: 'length' } });
    expect(generated.reasoning).toMatch(/step by step/);
  });

  it('an unreachable server: a retryable connection error', async () => {
    const { server, model } = await setup();
    await server.close();
    const error = apiError((await collect(model)).error);
    expect(error).toMatchObject({ statusCode: undefined, isRetryable: true });
    expect(error.message).toMatch(/could not reach .*ECONNREFUSED/);
  });
});

describe('the API key', () => {
  it('reaches the server in the Authorization header, and nowhere else: errors, warnings, request bodies', async () => {
    const { server, model } = await setup(
      {
        fault: (request) =>
          request.index === 1 ? { kind: 'status', status: 401, message: `Incorrect API key provided: ${request.headers['authorization']?.replace('Bearer ', '')}` } : undefined,
      },
      { providerId: 'zhipu', quirks: PROVIDER_PRESETS['zhipu']?.quirks, headers: { 'x-team': 'evals' } },
    );
    const ok = await collect(model, call('q', { settings: { seed: 1, topK: 3 } }));
    expect(server.requests[0]?.headers['authorization']).toBe(`Bearer ${KEY}`);
    expect(server.requests[0]?.headers['x-team']).toBe('evals');
    expect(ok.warnings).toHaveLength(2);
    const failed = apiError((await collect(model)).error);
    expect(failed.statusCode).toBe(401);
    expect(failed.message).toContain('Incorrect API key provided: [redacted]');
    const generated = await model.doGenerate(call()).catch((error: unknown) => error);
    for (const text of [
      JSON.stringify(ok.requestBody),
      JSON.stringify(ok.warnings),
      failed.message,
      failed.responseBody ?? '',
      String(failed.cause ?? ''),
      JSON.stringify(generated),
      String(generated),
    ]) {
      expect(text).not.toContain(KEY);
    }
  });

  it('does not send OpenAI organisation or project headers to other providers', async () => {
    const previous = { org: process.env['OPENAI_ORG_ID'], project: process.env['OPENAI_PROJECT_ID'] };
    process.env['OPENAI_ORG_ID'] = 'org-planted';
    process.env['OPENAI_PROJECT_ID'] = 'proj-planted';
    try {
      const { server, model } = await setup();
      await collect(model);
      expect(server.requests[0]?.headers['openai-organization']).toBeUndefined();
      expect(server.requests[0]?.headers['openai-project']).toBeUndefined();
      const openai = await createOpenAICompatibleModel({ providerId: 'openai', modelId: 'gpt-4o', baseURL: `${server.url}/v1`, apiKey: KEY });
      await collect(openai);
      expect(server.requests[1]?.headers['openai-organization']).toBe('org-planted');
    } finally {
      for (const [name, value] of [
        ['OPENAI_ORG_ID', previous.org],
        ['OPENAI_PROJECT_ID', previous.project],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});

describe('the model', () => {
  it('carries its provider id, model id and default concurrency', async () => {
    const { model } = await setup({}, { defaultConcurrency: 3 });
    expect(model).toMatchObject({ specificationVersion: 'v1', provider: 'deepseek', modelId: 'deepseek-chat', defaultConcurrency: 3 });
  });

  it('stops the request when the consumer stops reading', async () => {
    const { server, model } = await setup({ chunkDelayMs: 20 });
    const { stream } = await model.doStream(call('a b c d e f g h i j k l m n o p'));
    for await (const part of stream) {
      if (part.type === 'text-delta') break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.requests[0]?.completed).toBe(false);
  });
});
