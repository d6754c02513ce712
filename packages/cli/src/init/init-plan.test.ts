import { describe, expect, it } from 'vitest';
import { builtinModelIds, builtinSuiteList, checkChoices, defaultModels, defaultSuites, providerOverrides } from './init-plan.js';

const server = { provider: 'ollama', label: 'Ollama', baseURL: 'http://127.0.0.1:11434/v1', customBaseURL: false, models: ['qwen3:0.6b', 'llama3.2:latest'] };

describe('defaults', () => {
  it('offers every demo suite and the built-in models', () => {
    expect(defaultSuites(builtinSuiteList())).toEqual(expect.arrayContaining(['demo-math', 'demo-code', 'demo-language', 'demo-translation']));
    expect(builtinModelIds()).toEqual(['builtin/oracle', 'builtin/random', 'builtin/echo']);
  });

  it('adds one model per provider with a key and one per server with models', () => {
    const models = defaultModels({
      builtinModels: builtinModelIds(),
      keys: [
        { provider: 'openai', label: 'OpenAI', variable: 'OPENAI_API_KEY' },
        { provider: 'zhipu', label: 'Zhipu GLM', variable: 'ZHIPUAI_API_KEY' },
      ],
      servers: [server, { ...server, provider: 'vllm', models: [] }],
    });
    expect(models).toEqual(['builtin/oracle', 'builtin/random', 'builtin/echo', 'openai/gpt-4o-mini', 'zhipu/glm-4.5', 'ollama/qwen3:0.6b']);
  });
});

describe('checkChoices', () => {
  const catalog = builtinSuiteList();

  it('accepts known suites and providers, dropping repeats', () => {
    expect(checkChoices({ suites: ['demo-math', 'demo-math'], models: ['builtin/oracle', 'vllm/a/b', 'gguf/x.gguf', 'builtin/oracle'], catalog })).toEqual({
      suites: ['demo-math'],
      models: ['builtin/oracle', 'vllm/a/b', 'gguf/x.gguf'],
    });
  });

  it('rejects unknown suites, providers, built-ins and ids without a provider in one line', () => {
    expect(() => checkChoices({ suites: ['demo-maths'], models: [], catalog })).toThrow(/--suite demo-maths: unknown suite; known: .*demo-math/);
    expect(() => checkChoices({ suites: [], models: ['acme/x'], catalog })).toThrow(/--model acme\/x: unknown provider "acme"; known: builtin, gguf, .*deepseek/);
    expect(() => checkChoices({ suites: [], models: ['builtin/oracel'], catalog })).toThrow(/unknown built-in model/);
    expect(() => checkChoices({ suites: [], models: ['oracle'], catalog })).toThrow(/a model id is provider\/model/);
  });
});

describe('providerOverrides', () => {
  it('writes the base URL of a server away from its default address, when its models are used', () => {
    const moved = { ...server, provider: 'vllm', baseURL: 'http://127.0.0.1:8001/v1', customBaseURL: true };
    expect(providerOverrides({ servers: [server, moved], models: ['vllm/m', 'ollama/qwen3:0.6b'] })).toEqual({ vllm: { baseURL: 'http://127.0.0.1:8001/v1' } });
    expect(providerOverrides({ servers: [moved], models: ['builtin/oracle'] })).toEqual({});
  });
});
