import { UsageError, sha256, stableStringify, type GenerationSettings, type LanguageModelV1, type ModelPrice } from '@ladder/core';
import type { RateLimiter } from './rate-limiter.js';
import type { PreparedSuite } from './prepare-suite.js';

export interface PlannedModel {
  id: string;
  model: LanguageModelV1;
  concurrency: number;
  /** The provider's request and token budgets; models of one provider share one limiter. */
  limiter?: RateLimiter;
  /** US dollars per million tokens, for `costUsd` on each sample. */
  price?: ModelPrice;
}

/** One unit of work: a sample of a suite, asked of a model, for the `repeat`-th time. */
export interface PlanItem {
  suiteIndex: number;
  modelIndex: number;
  sampleIndex: number;
  repeat: number;
}

export interface Shard {
  index: number;
  count: number;
}

export interface Plan {
  /** Hash of everything that decides the work and its answers. Shards of one plan share it. */
  id: string;
  suites: PreparedSuite[];
  models: PlannedModel[];
  seed: number;
  generation: GenerationSettings;
  /** Every item of the whole plan (all shards). */
  total: number;
  /** The items of this shard, in plan order. */
  items: PlanItem[];
  shard: Shard | null;
}

export function itemKey(suiteId: string, modelId: string, sampleId: string, repeat: number): string {
  return `${suiteId}\u0000${modelId}\u0000${sampleId}\u0000${repeat}`;
}

/** Parses `--shard i/n` (1-based), with a one-line error for anything else. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (match === null) throw new UsageError(`--shard ${text}: expected i/n, e.g. --shard 1/4`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard ${text}: the shard number must be between 1 and ${count < 1 ? 'n (n >= 1)' : count}`);
  }
  return { index, count };
}

/** Settings a model is asked with for a suite: the suite's, then the run's, then the seed. */
export function settingsFor(suite: PreparedSuite, plan: Pick<Plan, 'generation' | 'seed'>): GenerationSettings {
  return { ...suite.suite.generation, ...plan.generation, seed: plan.seed };
}

/**
 * suites x models x samples x repeats, in a fixed order; `shard` keeps every n-th item
 * (round-robin, so shards are balanced across suites and models).
 */
export function planRun(options: {
  suites: PreparedSuite[];
  models: PlannedModel[];
  seed: number;
  generation?: GenerationSettings;
  shard?: Shard | null;
}): Plan {
  const generation = options.generation ?? {};
  const identity = {
    seed: options.seed,
    generation,
    models: options.models.map((model) => model.id),
    suites: options.suites.map((prepared) => ({
      id: prepared.suite.id,
      version: prepared.suite.version,
      dataset: prepared.dataset.sha256,
      samples: prepared.samples.map((sample) => sample.id),
      prompts: sha256(prepared.promptHashes.join('\n')),
      generation: prepared.suite.generation,
      repeats: prepared.repeats,
      scorer: prepared.suite.scorer.name,
    })),
  };
  const id = sha256(stableStringify(identity)).slice(0, 16);
  const items: PlanItem[] = [];
  let index = 0;
  const shard = options.shard ?? null;
  options.suites.forEach((prepared, suiteIndex) => {
    options.models.forEach((_model, modelIndex) => {
      for (let sampleIndex = 0; sampleIndex < prepared.samples.length; sampleIndex += 1) {
        for (let repeat = 0; repeat < prepared.repeats; repeat += 1) {
          if (shard === null || index % shard.count === shard.index - 1) {
            items.push({ suiteIndex, modelIndex, sampleIndex, repeat });
          }
          index += 1;
        }
      }
    });
  });
  return { id, suites: options.suites, models: options.models, seed: options.seed, generation, total: index, items, shard };
}
