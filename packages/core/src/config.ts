import type { GenerationSettings, LanguageModelV1 } from './language-model.js';
import type { Suite, SuiteDefinition } from './suite.js';

/** A model a config provides: an instance, or a factory called when a run uses it. */
export type ModelProvider = LanguageModelV1 | (() => LanguageModelV1 | Promise<LanguageModelV1>);

/**
 * A provider endpoint: a preset's overrides (`providers: { deepseek: { baseURL } }`) or a new
 * one (`providers: { myco: { protocol: 'openai', baseURL, apiKeyEnv } }`, then `myco/<model>`).
 */
export interface ProviderConfig {
  /** Wire protocol; presets know theirs. */
  protocol?: 'openai' | 'anthropic' | 'google';
  baseURL?: string;
  /** Environment variable holding the API key (the key itself never goes in a config). */
  apiKeyEnv?: string;
  /** Requests at once per model of this provider, unless `--concurrency` says otherwise. */
  concurrency?: number;
  /** Requests per minute (all models of the provider together). */
  requestsPerMinute?: number;
  /** Tokens (input + output) per minute. */
  tokensPerMinute?: number;
  /** Extra HTTP headers sent with every request. */
  headers?: Record<string, string>;
}

/** US dollars per million tokens. */
export interface ModelPrice {
  input: number;
  output: number;
  /** Input tokens served from the provider's prompt cache; `input` when absent. */
  cachedInput?: number;
}

/** `ladder.config.ts`: `export default defineConfig({ ... })`. */
export interface LadderConfig {
  /** Provider presets overridden, and custom endpoints, by provider id. */
  providers?: Record<string, ProviderConfig>;
  /** Prices by model id (`openai/gpt-4o`), over the built-in table. */
  prices?: Record<string, ModelPrice>;
  /** Extra suites, by id. */
  suites?: Array<Suite | SuiteDefinition>;
  /** Extra models, by id (`provider/name`). */
  models?: Record<string, ModelProvider>;
  /** Defaults for `ladder run` flags. */
  run?: {
    suites?: string[];
    models?: string[];
    out?: string;
    concurrency?: number;
    timeoutMs?: number;
    maxAttempts?: number;
    repeats?: number;
    seed?: number;
    limit?: number;
    cacheDir?: string;
    generation?: GenerationSettings;
  };
}

export function defineConfig(config: LadderConfig): LadderConfig {
  return config;
}
