import { UsageError, type LanguageModelV1, type StreamPart } from '@ladder/core';
import { startFakeProvider, type FakeProvider } from '@ladder/test-server';
import { afterEach, describe, expect, it } from 'vitest';
import { KNOWN_PROVIDERS, resolveModel } from '../resolve-model.js';
import { PROVIDER_PRESETS } from './presets.js';
import { PLACEHOLDER_API_KEY, providerOf } from './provider-of.js';

let server: FakeProvider | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function usageErrorOf(promise: Promise<unknown>): Promise<UsageError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(UsageError.isInstance(error), `expected a UsageError, got ${String(error)}`).toBe(true);
  return error as UsageError;
}

async function answer(model: LanguageModelV1): Promise<string> {
  const { stream } = await model.doStream({ prompt: [{ role: 'user', content: 'hi' }], settings: {}, requestKey: 'k' });
  let text = '';
  for await (const part of stream as AsyncIterable<StreamPart>) {
    if (part.type === 'text-delta') text += part.delta;
    if (part.type === 'error') throw part.error;
  }
  return text;
}

describe('resolveModel for provider presets', () => {
  it('resolves every OpenAI-protocol preset to an OpenAI-compatible model, without touching the network', async () => {
    const openaiPresets = Object.values(PROVIDER_PRESETS).filter((preset) => preset.protocol === 'openai');
    expect(openaiPresets.map((preset) => preset.id).sort()).toEqual(
      ['openai', 'deepseek', 'qwen', 'moonshot', 'zhipu', 'doubao', 'spark', 'mistral', 'yi', 'ernie', 'minimax', 'vllm', 'sglang', 'ollama', 'llamacpp'].sort(),
    );
    const env = Object.fromEntries(openaiPresets.flatMap((preset) => preset.apiKeyEnv.slice(0, 1).map((name) => [name, 'sk-x'])));
    for (const preset of openaiPresets) {
      const model = await resolveModel(`${preset.id}/some-model`, { env });
      expect(model).toMatchObject({ specificationVersion: 'v1', provider: preset.id, modelId: 'some-model', defaultConcurrency: preset.defaultConcurrency });
    }
    expect([...KNOWN_PROVIDERS]).toEqual(['builtin', 'gguf', ...Object.keys(PROVIDER_PRESETS)]);
  });

  it('a missing key for a cloud provider is one line naming the variable(s) to set', async () => {
    const error = await usageErrorOf(resolveModel('deepseek/deepseek-reasoner', { env: { DEEPSEEK_API_KEY: '  ' } }));
    expect(error.message).toBe(
      '--model deepseek/deepseek-reasoner: set DEEPSEEK_API_KEY (the DeepSeek API key), or name another variable with providers.deepseek.apiKeyEnv in ladder.config.ts',
    );
    const zhipu = await usageErrorOf(resolveModel('zhipu/glm-4.5', { env: {} }));
    expect(zhipu.message).toMatch(/set ZHIPUAI_API_KEY or ZHIPU_API_KEY \(the Zhipu GLM API key\)/);
    const renamed = await usageErrorOf(resolveModel('deepseek/deepseek-chat', { env: { DEEPSEEK_API_KEY: 'sk-x' }, providers: { deepseek: { apiKeyEnv: 'TEAM_DEEPSEEK_KEY' } } }));
    expect(renamed.message).toMatch(/set TEAM_DEEPSEEK_KEY/);
    expect(renamed.message).not.toContain('\n');
  });

  it('an unknown provider is one line listing the known ones, config providers included', async () => {
    const error = await usageErrorOf(resolveModel('acme/model-1', { env: {}, providers: { myco: { protocol: 'openai', baseURL: 'http://127.0.0.1:1/v1' } } }));
    expect(error.message).toMatch(/^--model acme\/model-1: unknown provider "acme"; known: builtin, gguf, openai, anthropic, google, deepseek, .*llamacpp, myco \(/);
    expect(error.message).not.toContain('\n');
  });

  it('dispatches Anthropic and Google presets, and config providers of their protocols, to their adapters', async () => {
    const env = { ANTHROPIC_API_KEY: 'sk-ant', GOOGLE_API_KEY: 'g-key', KIMI_KEY: 'sk-kimi' };
    expect(await resolveModel('anthropic/claude-sonnet-4-5', { env })).toMatchObject({ provider: 'anthropic', modelId: 'claude-sonnet-4-5' });
    expect(await resolveModel('google/gemini-2.5-flash', { env })).toMatchObject({ provider: 'google', modelId: 'gemini-2.5-flash' });
    const providers = { kimi: { protocol: 'anthropic' as const, baseURL: 'https://api.moonshot.cn/anthropic', apiKeyEnv: 'KIMI_KEY', concurrency: 3 } };
    expect(await resolveModel('kimi/kimi-k2', { env, providers })).toMatchObject({ provider: 'kimi', modelId: 'kimi-k2', defaultConcurrency: 3 });
    expect((await usageErrorOf(resolveModel('google/gemini-2.5-pro', { env: {} }))).message).toMatch(/set GEMINI_API_KEY or GOOGLE_API_KEY/);
  });

  it('local servers need no key: a placeholder is sent', async () => {
    server = await startFakeProvider();
    const model = await resolveModel('ollama/qwen3:0.6b', { env: { OLLAMA_BASE_URL: `${server.url}/v1` } });
    expect(await answer(model)).toBe('Answer: hi');
    expect(server.requests[0]?.headers['authorization']).toBe(`Bearer ${PLACEHOLDER_API_KEY}`);
    expect(server.requests[0]?.model).toBe('qwen3:0.6b');
  });
});

describe('base URL and key precedence', () => {
  it('config baseURL > the preset variable > the preset default', () => {
    const env = { DEEPSEEK_BASE_URL: 'http://from-env/v1' };
    expect(providerOf('deepseek', {}, {})).toMatchObject({ baseURL: 'https://api.deepseek.com/v1', baseURLFrom: 'preset' });
    expect(providerOf('deepseek', {}, env)).toMatchObject({ baseURL: 'http://from-env/v1', baseURLFrom: 'env' });
    expect(providerOf('deepseek/deepseek-chat', { deepseek: { baseURL: 'http://from-config/v1' } }, env)).toMatchObject({
      baseURL: 'http://from-config/v1',
      baseURLFrom: 'config',
    });
  });

  it('sends requests where the precedence says, with the key of the first set variable', async () => {
    server = await startFakeProvider();
    const other = await startFakeProvider();
    try {
      const env = { DEEPSEEK_BASE_URL: `${other.url}/v1`, DEEPSEEK_API_KEY: 'sk-deepseek' };
      await answer(await resolveModel('deepseek/deepseek-chat', { env, providers: { deepseek: { baseURL: `${server.url}/v1` } } }));
      expect(server.requests).toHaveLength(1);
      expect(other.requests).toHaveLength(0);
      await answer(await resolveModel('deepseek/deepseek-chat', { env }));
      expect(other.requests).toHaveLength(1);
      expect(other.requests[0]?.headers['authorization']).toBe('Bearer sk-deepseek');
      await answer(await resolveModel('google-compatible/x', { env: { MY_KEY: 'sk-mine' }, providers: { 'google-compatible': { protocol: 'openai', baseURL: `${server.url}/v1`, apiKeyEnv: 'MY_KEY' } } }));
      expect(server.requests[1]?.headers['authorization']).toBe('Bearer sk-mine');
    } finally {
      await other.close();
    }
  });

  it('openai/ reads OPENAI_API_KEY and OPENAI_BASE_URL, as the SDK does; other providers ignore both', async () => {
    server = await startFakeProvider();
    const env = { OPENAI_API_KEY: 'sk-openai', OPENAI_BASE_URL: `${server.url}/v1`, VLLM_BASE_URL: `${server.url}/v1` };
    const model = await resolveModel('openai/gpt-4o-mini', { env });
    await answer(model);
    expect(server.requests[0]).toMatchObject({ model: 'gpt-4o-mini', headers: { authorization: 'Bearer sk-openai' } });
    // max_completion_tokens is OpenAI's field name.
    await model.doGenerate({ prompt: [{ role: 'user', content: 'x' }], settings: { maxOutputTokens: 5 }, requestKey: 'k' });
    expect(server.requests[1]?.body).toMatchObject({ max_completion_tokens: 5 });
    // The SDK would read OPENAI_* from process.env for a client without a base URL and key:
    // Ladder always passes both, so vLLM gets its own URL and no OpenAI key.
    const previous = { key: process.env['OPENAI_API_KEY'], url: process.env['OPENAI_BASE_URL'] };
    process.env['OPENAI_API_KEY'] = 'sk-process-openai';
    process.env['OPENAI_BASE_URL'] = 'http://127.0.0.1:1/v1';
    try {
      await answer(await resolveModel('vllm/qwen', { env: { ...process.env, VLLM_BASE_URL: `${server.url}/v1` } }));
      expect(server.requests[2]?.headers['authorization']).toBe(`Bearer ${PLACEHOLDER_API_KEY}`);
    } finally {
      if (previous.key === undefined) delete process.env['OPENAI_API_KEY'];
      else process.env['OPENAI_API_KEY'] = previous.key;
      if (previous.url === undefined) delete process.env['OPENAI_BASE_URL'];
      else process.env['OPENAI_BASE_URL'] = previous.url;
    }
    const missing = await usageErrorOf(resolveModel('openai/gpt-4o', { env: { OPENAI_BASE_URL: `${server.url}/v1` } }));
    expect(missing.message).toMatch(/set OPENAI_API_KEY \(the OpenAI API key\)/);
  });
});

describe('providerOf', () => {
  it('merges config overrides over the preset: concurrency, rate limits, headers, key variable', () => {
    const provider = providerOf('qwen', { qwen: { concurrency: 2, requestsPerMinute: 60, tokensPerMinute: 100_000, headers: { 'x-a': 'b' }, apiKeyEnv: 'QWEN_KEY' } }, {});
    expect(provider).toMatchObject({
      id: 'qwen',
      protocol: 'openai',
      baseURL: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
      apiKeyEnv: ['QWEN_KEY'],
      concurrency: 2,
      requestsPerMinute: 60,
      tokensPerMinute: 100_000,
      headers: { 'x-a': 'b' },
      custom: false,
    });
    expect(providerOf('deepseek', {}, {})).toMatchObject({ concurrency: 8, requestsPerMinute: undefined, apiKeyEnv: ['DEEPSEEK_API_KEY'], local: false });
    expect(providerOf('vllm', {}, {})).toMatchObject({ concurrency: 4, local: true });
  });

  it('defines new providers from the config, and says what a new one lacks', () => {
    expect(providerOf('myco/m', { myco: { protocol: 'openai', baseURL: 'http://127.0.0.1:9/v1' } }, {})).toMatchObject({
      id: 'myco',
      protocol: 'openai',
      apiKeyEnv: [],
      custom: true,
      quirks: { streamUsage: true },
    });
    expect(() => providerOf('myco', { myco: { baseURL: 'http://x' } }, {})).toThrow(/providers\.myco: a new provider needs protocol/);
    expect(() => providerOf('myco', { myco: { protocol: 'openai' } }, {})).toThrow(/providers\.myco: a new provider needs baseURL/);
    expect(providerOf('builtin', {}, {})).toBeUndefined();
    expect(providerOf('acme', {}, {})).toBeUndefined();
  });
});
