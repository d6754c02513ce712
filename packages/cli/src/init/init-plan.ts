import { UsageError, parseModelId, type Suite } from '@ladder/core';
import { builtinModels } from '@ladder/models';
import { builtinSuites, pickSuites } from '../catalog.js';
import type { DetectedKey } from './detect-keys.js';
import type { DetectedServer } from './detect-servers.js';
import { DEFAULT_CLOUD_MODELS, knownProviderIds } from './provider-presets.js';

/** What `ladder init` found, and what it offers. */
export interface Detection {
  keys: DetectedKey[];
  servers: DetectedServer[];
  suites: Suite[];
  /** `builtin/oracle`, `builtin/random`, `builtin/echo`. */
  builtinModels: string[];
}

/** What goes into the config file. */
export interface InitChoices {
  suites: string[];
  models: string[];
  /** Requests in flight per model; absent: each model's default. */
  concurrency?: number;
  /** The run directory; absent: a new `reports/run-<date>-<time>` per run. */
  runOut?: string;
  /** Base URLs of servers not at their preset's default, by provider id. */
  providers: Record<string, { baseURL: string }>;
}

export function builtinModelIds(): string[] {
  return Object.keys(builtinModels).map((name) => `builtin/${name}`);
}

export function builtinSuiteList(): Suite[] {
  return builtinSuites();
}

/** `vllm/<id>`, `ollama/<tag>`, `llamacpp/<file>`, `sglang/<id>`. */
export function serverModelIds(server: DetectedServer): string[] {
  return server.models.map((id) => `${server.provider}/${id}`);
}

/** The model to suggest for a provider whose key is set; undefined when Ladder has no default for it. */
export function defaultCloudModel(provider: string): string | undefined {
  const name = DEFAULT_CLOUD_MODELS[provider];
  return name === undefined ? undefined : `${provider}/${name}`;
}

/** Without --model: the built-in models, one model per provider with a key and one per server that lists models. */
export function defaultModels(detection: Pick<Detection, 'keys' | 'servers' | 'builtinModels'>): string[] {
  const models = [...detection.builtinModels];
  for (const key of detection.keys) {
    const model = defaultCloudModel(key.provider);
    if (model !== undefined) models.push(model);
  }
  for (const server of detection.servers) {
    const first = serverModelIds(server)[0];
    if (first !== undefined) models.push(first);
  }
  return [...new Set(models)];
}

/** Without --suite: every demo suite (the ones that need nothing but Ladder). */
export function defaultSuites(suites: Suite[]): string[] {
  return suites.map((suite) => suite.id).filter((id) => id.startsWith('demo-'));
}

/**
 * Checks suite and model ids the way `ladder run` would, before anything is written: unknown
 * suites against the catalog, providers against the runner's and the presets'. Duplicates go.
 */
export function checkChoices(options: { suites: string[]; models: string[]; catalog: Suite[] }): { suites: string[]; models: string[] } {
  const suites = [...new Set(options.suites)];
  pickSuites(new Map(options.catalog.map((suite) => [suite.id, suite])), suites);
  const providers = knownProviderIds();
  const models = [...new Set(options.models)];
  for (const id of models) {
    const parsed = parseModelId(id);
    if (parsed === undefined) throw new UsageError(`--model ${id}: a model id is provider/model, e.g. builtin/oracle or deepseek/deepseek-chat`);
    if (!providers.includes(parsed.provider)) {
      throw new UsageError(`--model ${id}: unknown provider "${parsed.provider}"; known: ${providers.join(', ')}`);
    }
    if (parsed.provider === 'builtin' && builtinModels[parsed.modelId] === undefined) {
      throw new UsageError(`--model ${id}: unknown built-in model; choose one of ${builtinModelIds().join(', ')}`);
    }
  }
  return { suites, models };
}

/** Base URLs the config must carry: servers away from their default address whose models were chosen. */
export function providerOverrides(options: { servers: DetectedServer[]; models: string[] }): Record<string, { baseURL: string }> {
  const used = new Set(options.models.map((id) => parseModelId(id)?.provider));
  const overrides: Record<string, { baseURL: string }> = {};
  for (const server of options.servers) {
    if (server.customBaseURL && used.has(server.provider)) overrides[server.provider] = { baseURL: server.baseURL };
  }
  return overrides;
}
