import { UsageError, parseModelId, type LanguageModelV1, type ModelProvider, type ProviderConfig } from '@ladder/core';
import { builtinModels } from './builtin/builtin-models.js';
import { PROVIDER_PRESETS } from './providers/presets.js';
import { apiKeyOf, providerOf, type EffectiveProvider, type Environment } from './providers/provider-of.js';

export interface ResolveModelOptions {
  /** Models named in ladder.config.ts, by full id. */
  configured?: Record<string, ModelProvider>;
  /** `providers` from ladder.config.ts: preset overrides and new providers, by provider id. */
  providers?: Record<string, ProviderConfig>;
  /** Where API keys and base-URL overrides are read. Default `process.env`. */
  env?: Environment;
}

/** Providers Ladder knows without a config: the built-ins, GGUF files and every preset. */
export const KNOWN_PROVIDERS: readonly string[] = Object.freeze(['builtin', 'gguf', ...Object.keys(PROVIDER_PRESETS)]);

/**
 * Turns a `provider/model` id into a model, or a one-line UsageError saying what is wrong
 * (an unknown provider, a missing API key), before any request is sent.
 */
export async function resolveModel(id: string, options: ResolveModelOptions = {}): Promise<LanguageModelV1> {
  const configured = options.configured?.[id];
  if (configured !== undefined) return typeof configured === 'function' ? await configured() : configured;
  const parsed = parseModelId(id);
  if (parsed === undefined) {
    throw new UsageError(`--model ${id}: a model id is provider/model, e.g. builtin/oracle, deepseek/deepseek-chat or gguf/path/to/model.gguf`);
  }
  if (parsed.provider === 'builtin') {
    const entry = builtinModels[parsed.modelId];
    if (entry === undefined) {
      throw new UsageError(`--model ${id}: unknown built-in model; choose one of ${Object.keys(builtinModels).map((name) => `builtin/${name}`).join(', ')}`);
    }
    return entry.create();
  }
  if (parsed.provider === 'gguf') {
    const { createGgufModel } = await import('./gguf/index.js');
    return createGgufModel({ path: parsed.modelId });
  }
  const env = options.env ?? process.env;
  const provider = providerOf(parsed.provider, options.providers, env);
  if (provider === undefined) {
    const custom = [...Object.keys(options.providers ?? {}), ...Object.keys(options.configured ?? {})];
    throw new UsageError(
      `--model ${id}: unknown provider "${parsed.provider}"; known: ${[...new Set([...KNOWN_PROVIDERS, ...custom])].join(', ')} (add others under providers in ladder.config.ts; \`ladder list\` shows them)`,
    );
  }
  const apiKey = apiKeyOf(provider, { modelId: id, env });
  return createProviderModel(provider, { modelId: parsed.modelId, apiKey });
}

async function createProviderModel(provider: EffectiveProvider, options: { modelId: string; apiKey: string }): Promise<LanguageModelV1> {
  const common = { modelId: options.modelId, baseURL: provider.baseURL, apiKey: options.apiKey, ...(provider.headers === undefined ? {} : { headers: provider.headers }) };
  switch (provider.protocol) {
    case 'openai': {
      const { createOpenAICompatibleModel } = await import('./openai/index.js');
      return createOpenAICompatibleModel({ ...common, providerId: provider.id, quirks: provider.quirks, defaultConcurrency: provider.concurrency });
    }
    case 'anthropic': {
      const { createAnthropicModel } = await import('./anthropic/index.js');
      return withProvider(await createAnthropicModel(common), provider);
    }
    case 'google': {
      const { createGoogleModel } = await import('./google/index.js');
      return withProvider(await createGoogleModel(common), provider);
    }
  }
}

/**
 * The model under the provider id it was resolved by (a config-defined Anthropic-compatible
 * `myco` stays `myco`) and with the provider's concurrency.
 */
function withProvider(model: LanguageModelV1, provider: EffectiveProvider): LanguageModelV1 {
  if (model.provider === provider.id && model.defaultConcurrency === provider.concurrency) return model;
  return {
    specificationVersion: 'v1',
    provider: provider.id,
    modelId: model.modelId,
    defaultConcurrency: provider.concurrency,
    doGenerate: (call) => model.doGenerate(call),
    doStream: (call) => model.doStream(call),
  };
}
