import type { GenerationSettings, LanguageModelV1 } from './language-model.js';
import type { Suite, SuiteDefinition } from './suite.js';

/** A model a config provides: an instance, or a factory called when a run uses it. */
export type ModelProvider = LanguageModelV1 | (() => LanguageModelV1 | Promise<LanguageModelV1>);

/** `ladder.config.ts`: `export default defineConfig({ ... })`. */
export interface LadderConfig {
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
