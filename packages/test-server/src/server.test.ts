import { afterEach, describe, expect, it } from 'vitest';
import { readFixture } from './fixtures.js';
import { startFakeProvider } from './server.js';
import { countWords, splitWords } from './sse.js';
import type { FakeProvider, FakeProviderOptions } from './types.js';

let provider: FakeProvider | undefined;

afterEach(async () => {
  await provider?.close();
  provider = undefined;
});

async function start(options: FakeProviderOptions = {}): Promise<FakeProvider> {
  provider = await startFakeProvider(options);
  return provider;
}

function chat(server: FakeProvider, body: Record<string, unknown>, init: RequestInit = {}): Promise<Response> {
  return fetch(`${server.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer sk-test' },
    body: JSON.stringify({ model: 'fake-model', messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'What is 2 + 2?' }], ...body }),
    ...init,
  });
}

/** The data of each SSE event, in order. */
function events(text: string): string[] {
  return text
    .split('\n\n')
    .filter((block) => block.startsWith('data: '))
    .map((block) => block.slice('data: '.length));
}

// Wire JSON, read loosely.
type Chunk = any;

function parsed(text: string): Chunk[] {
  return events(text)
    .filter((data) => data !== '[DONE]')
    .map((data) => JSON.parse(data) as Chunk);
}

function contentOf(chunks: Chunk[], field = 'content'): string {
  return chunks.map((chunk) => chunk.choices?.[0]?.delta?.[field] ?? '').join('');
}

describe('words and chunks', () => {
  it('splits text into word pieces with their leading whitespace, grouped per chunk', () => {
    expect(splitWords('Answer: two  words', 1)).toEqual(['Answer:', ' two', '  words']);
    expect(splitWords('a b c d e', 2)).toEqual(['a b', ' c d', ' e']);
    expect(splitWords('', 1)).toEqual([]);
    expect(countWords(' one two\nthree ')).toBe(3);
  });
});

describe('OpenAI chat completions', () => {
  it('streams the default answer word by word, then the finish, the usage and [DONE]; records the request', async () => {
    const server = await start();
    const response = await chat(server, { stream: true, stream_options: { include_usage: true } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const text = await response.text();
    const data = events(text);
    expect(data.at(-1)).toBe('[DONE]');
    const chunks = parsed(text);
    expect(chunks[0].choices[0].delta).toEqual({ role: 'assistant', content: '' });
    expect(contentOf(chunks)).toBe('Answer: What is 2 + 2?');
    expect(chunks.filter((chunk) => chunk.choices[0]?.delta?.content !== undefined).length).toBe(1 + 6);
    const finish = chunks.at(-2);
    expect(finish.choices[0].finish_reason).toBe('stop');
    const usage = chunks.at(-1);
    expect(usage.choices).toEqual([]);
    expect(usage.usage).toEqual({
      prompt_tokens: 7,
      completion_tokens: 6,
      total_tokens: 13,
      prompt_tokens_details: { cached_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0 },
    });
    expect(server.requests).toHaveLength(1);
    const request = server.requests[0]!;
    expect(request).toMatchObject({ index: 0, protocol: 'openai', path: '/v1/chat/completions', model: 'fake-model', prompt: 'What is 2 + 2?', completed: true });
    expect(request.headers['authorization']).toBe('Bearer sk-test');
    expect(request.body.stream).toBe(true);
  });

  it('omits the usage chunk without include_usage, and groups words with tokensPerChunk', async () => {
    const server = await start({ tokensPerChunk: 3 });
    const chunks = parsed(await (await chat(server, { stream: true })).text());
    expect(chunks.every((chunk) => chunk.usage === undefined)).toBe(true);
    expect(chunks.slice(1, -1).map((chunk) => chunk.choices[0].delta.content)).toEqual(['Answer: What is', ' 2 + 2?']);
  });

  it('sends reasoning in reasoning_content before the answer, and counts it as reasoning tokens', async () => {
    const server = await start({ answer: () => ({ reasoning: 'two plus two', text: '4' }) });
    const chunks = parsed(await (await chat(server, { stream: true, stream_options: { include_usage: true } })).text());
    expect(contentOf(chunks, 'reasoning_content')).toBe('two plus two');
    expect(contentOf(chunks)).toBe('4');
    const firstAnswer = chunks.findIndex((chunk) => chunk.choices[0]?.delta?.content === '4');
    const lastReasoning = chunks.findLastIndex((chunk) => chunk.choices[0]?.delta?.reasoning_content !== undefined);
    expect(lastReasoning).toBeLessThan(firstAnswer);
    expect(chunks.at(-1).usage.completion_tokens_details.reasoning_tokens).toBe(3);
    expect(chunks.at(-1).usage.completion_tokens).toBe(4);
  });

  it('answers without streaming as one JSON body', async () => {
    const server = await start({ answer: (request) => ({ text: `echo ${request.prompt}`, reasoning: 'hmm' }) });
    const response = await chat(server, {});
    expect(response.headers.get('content-type')).toBe('application/json');
    const body = (await response.json()) as Chunk;
    expect(body.object).toBe('chat.completion');
    expect(body.choices[0].message).toEqual({ role: 'assistant', content: 'echo What is 2 + 2?', reasoning_content: 'hmm', refusal: null });
    expect(body.choices[0].finish_reason).toBe('stop');
    expect(body.usage).toMatchObject({ completion_tokens: 7, completion_tokens_details: { reasoning_tokens: 1 } });
    expect(server.requests[0]?.completed).toBe(true);
  });

  it('reads the last user message, also from content parts', async () => {
    const server = await start();
    await (await chat(server, { messages: [{ role: 'user', content: 'first' }, { role: 'assistant', content: 'x' }, { role: 'user', content: [{ type: 'text', text: 'sec' }, { type: 'text', text: 'ond' }] }] })).text();
    expect(server.requests[0]?.prompt).toBe('second');
  });

  it('lists models, and answers unknown paths with 404 and bad bodies with 400, in the OpenAI error format', async () => {
    const server = await start();
    const models = (await (await fetch(`${server.url}/v1/models`)).json()) as Chunk;
    expect(models.data[0].id).toBe('fake-model');
    const missing = await fetch(`${server.url}/v2/nothing`, { method: 'POST', body: '{}' });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as Chunk).error.message).toContain('/v2/nothing');
    const bad = await fetch(`${server.url}/v1/chat/completions`, { method: 'POST', body: '{not json' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Chunk).error.type).toBe('invalid_request_error');
    const noModel = await fetch(`${server.url}/v1/chat/completions`, { method: 'POST', body: JSON.stringify({ messages: [] }) });
    expect(((await noModel.json()) as Chunk).error.message).toContain('model');
    expect(server.requests).toHaveLength(0);
  });

  it('replays a recorded transcript verbatim', async () => {
    const transcript = readFixture('openai-gpt-4o.sse');
    const server = await start({ replay: () => transcript });
    expect(await (await chat(server, { stream: true })).text()).toBe(transcript);
    expect(server.requests[0]?.completed).toBe(true);
  });
});

describe('faults', () => {
  it('status: the provider JSON error body, with Retry-After', async () => {
    const server = await start({ fault: (request) => (request.index === 0 ? { kind: 'status', status: 429, retryAfter: '2' } : undefined) });
    const limited = await chat(server, { stream: true });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    const body = (await limited.json()) as Chunk;
    expect(body.error).toMatchObject({ type: 'requests', code: 'rate_limit_exceeded' });
    expect(body.error.message).toMatch(/rate limit/i);
    const busy = await chat(server, { stream: true });
    expect(busy.status).toBe(200);
    await busy.text();
    expect(server.requests.map((request) => [request.fault?.kind, request.completed])).toEqual([
      ['status', false],
      [undefined, true],
    ]);
  });

  it('status: a custom message, 503 server busy', async () => {
    const server = await start({ fault: () => ({ kind: 'status', status: 503, message: 'server busy' }) });
    const response = await chat(server, {});
    expect(response.status).toBe(503);
    expect(((await response.json()) as Chunk).error).toMatchObject({ message: 'server busy', type: 'server_error' });
  });

  it('hang: nothing arrives; close() ends the hanging connection', async () => {
    const server = await start({ fault: () => ({ kind: 'hang' }) });
    const pending = chat(server, { stream: true }).then(
      () => 'answered',
      () => 'failed',
    );
    const first = await Promise.race([pending, new Promise((resolve) => setTimeout(() => resolve('waiting'), 200))]);
    expect(first).toBe('waiting');
    const started = performance.now();
    await server.close();
    provider = undefined;
    expect(await pending).toBe('failed');
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('hang with headers: the 200 arrives, then nothing', async () => {
    const server = await start({ fault: () => ({ kind: 'hang', headers: true }) });
    const controller = new AbortController();
    const response = await chat(server, { stream: true }, { signal: controller.signal });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const read = reader.read().then(
      () => 'data',
      () => 'aborted',
    );
    const first = await Promise.race([read, new Promise((resolve) => setTimeout(() => resolve('waiting'), 200))]);
    expect(first).toBe('waiting');
    controller.abort();
    expect(await read).toBe('aborted');
  });

  it('reset-mid-stream: some chunks, then the connection drops', async () => {
    const server = await start({ fault: () => ({ kind: 'reset-mid-stream' }) });
    const response = await chat(server, { stream: true });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let received = '';
    let failure: unknown;
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        received += decoder.decode(value, { stream: true });
      }
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(TypeError);
    expect(received).toContain('"content":"Answer:"');
    expect(received).not.toContain('[DONE]');
    expect(received).not.toContain('finish_reason":"stop"');
    expect(server.requests[0]?.completed).toBe(false);
  });

  it('malformed-json: one event whose data is not JSON', async () => {
    const server = await start({ fault: () => ({ kind: 'malformed-json' }) });
    const data = events(await (await chat(server, { stream: true })).text());
    const broken = data.filter((item) => {
      if (item === '[DONE]') return false;
      try {
        JSON.parse(item);
        return false;
      } catch {
        return true;
      }
    });
    expect(broken).toHaveLength(1);
    const json = await (await chat(server, {})).text();
    expect(() => JSON.parse(json)).toThrow(SyntaxError);
  });

  it('empty-choices: only chunks with choices [] and no finish', async () => {
    const server = await start({ fault: () => ({ kind: 'empty-choices' }) });
    const chunks = parsed(await (await chat(server, { stream: true })).text());
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks.every((chunk) => Array.isArray(chunk.choices) && chunk.choices.length === 0)).toBe(true);
  });

  it('content-filter: part of the answer, then finish_reason content_filter', async () => {
    const server = await start({ fault: () => ({ kind: 'content-filter' }) });
    const chunks = parsed(await (await chat(server, { stream: true })).text());
    expect(contentOf(chunks)).toBe('Answer: What is');
    expect(chunks.at(-1).choices[0].finish_reason).toBe('content_filter');
  });

  it('length-while-thinking: reasoning only, then finish_reason length', async () => {
    const server = await start({ fault: () => ({ kind: 'length-while-thinking' }) });
    const chunks = parsed(await (await chat(server, { stream: true, stream_options: { include_usage: true } })).text());
    expect(contentOf(chunks)).toBe('');
    expect(contentOf(chunks, 'reasoning_content')).toContain('step by step');
    expect(chunks.at(-2).choices[0].finish_reason).toBe('length');
    expect(chunks.at(-1).usage.completion_tokens).toBe(chunks.at(-1).usage.completion_tokens_details.reasoning_tokens);
    const body = (await (await chat(server, {})).json()) as Chunk;
    expect(body.choices[0].finish_reason).toBe('length');
    expect(body.choices[0].message.content).toBe('');
  });
});

describe('pacing and volume', () => {
  it('waits firstTokenDelayMs after the headers, and chunkDelayMs between chunks', async () => {
    const server = await start({ firstTokenDelayMs: (request) => (request.index === 0 ? 150 : 0), chunkDelayMs: 20 });
    const started = performance.now();
    const response = await chat(server, { stream: true });
    const headersAt = performance.now() - started;
    const reader = response.body!.getReader();
    await reader.read();
    const firstAt = performance.now() - started;
    while (!(await reader.read()).done);
    const totalAt = performance.now() - started;
    // Measured from the request, whose start the client knows for sure (a busy client can read
    // late, finding frames already buffered): the headers come before the first token, and the
    // first token no sooner than 150 ms; then 9 frames, 20 ms apart.
    expect(headersAt).toBeLessThanOrEqual(firstAt);
    expect(firstAt).toBeGreaterThanOrEqual(145);
    expect(totalAt).toBeGreaterThanOrEqual(150 + 8 * 20 - 5);
  });

  // Its speed is measured by benchmarks/perf/adapter-throughput, not here.
  it('keeps no requests with recordRequests false, but counts them', { timeout: 30_000 }, async () => {
    const server = await start({ recordRequests: false });
    let next = 0;
    const worker = async () => {
      while (next < 200) {
        next += 1;
        const text = await (await chat(server, { stream: true })).text();
        if (!text.endsWith('data: [DONE]\n\n')) throw new Error('incomplete stream');
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    expect(server.requests).toHaveLength(0);
    expect(server.requestCount).toBe(200);
  });
});
