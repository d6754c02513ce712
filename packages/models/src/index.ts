export { createOracleModel, createRandomModel, createEchoModel, builtinModels } from './builtin/builtin-models.js';
export { resolveModel, KNOWN_PROVIDERS, type ResolveModelOptions } from './resolve-model.js';
export { PROVIDER_PRESETS, type ProviderPreset, type ProviderQuirks } from './providers/presets.js';
export { providerOf, PLACEHOLDER_API_KEY, type EffectiveProvider } from './providers/provider-of.js';
export { createOpenAICompatibleModel, type OpenAICompatibleModelOptions } from './openai/index.js';
export { BUILTIN_PRICES, PRICE_TABLE_DATE, priceOf } from './prices.js';
