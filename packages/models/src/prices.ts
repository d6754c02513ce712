import type { ModelPrice } from '@ladder/core';

/**
 * List prices in US dollars per million tokens, as the providers published them (standard
 * tier, no batch discount) when this table was written; `cachedInput` is the price of prompt
 * tokens served from the provider's cache. Prices change: `prices` in ladder.config.ts
 * overrides or extends this table, and the manifest records the price each run used.
 */
export const PRICE_TABLE_DATE = '2025-11';

export const BUILTIN_PRICES: Record<string, ModelPrice> = {
  'openai/gpt-4o': { input: 2.5, output: 10, cachedInput: 1.25 },
  'openai/gpt-4o-mini': { input: 0.15, output: 0.6, cachedInput: 0.075 },
  'openai/gpt-4.1': { input: 2, output: 8, cachedInput: 0.5 },
  'openai/gpt-4.1-mini': { input: 0.4, output: 1.6, cachedInput: 0.1 },
  'openai/o3-mini': { input: 1.1, output: 4.4, cachedInput: 0.55 },
  'anthropic/claude-sonnet-4-5': { input: 3, output: 15, cachedInput: 0.3 },
  'anthropic/claude-haiku-4-5': { input: 1, output: 5, cachedInput: 0.1 },
  'google/gemini-2.5-pro': { input: 1.25, output: 10, cachedInput: 0.31 },
  'google/gemini-2.5-flash': { input: 0.3, output: 2.5, cachedInput: 0.075 },
  'deepseek/deepseek-chat': { input: 0.28, output: 0.42, cachedInput: 0.028 },
  'deepseek/deepseek-reasoner': { input: 0.28, output: 0.42, cachedInput: 0.028 },
  'mistral/mistral-large-latest': { input: 2, output: 6 },
  'mistral/mistral-small-latest': { input: 0.1, output: 0.3 },
};

/** The price of a model: the config's, else the built-in table's, else undefined (cost unknown). */
export function priceOf(modelId: string, configured: Record<string, ModelPrice> = {}): ModelPrice | undefined {
  return configured[modelId] ?? BUILTIN_PRICES[modelId];
}
