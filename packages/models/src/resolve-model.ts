import { UsageError, parseModelId, type LanguageModelV1, type ModelProvider } from '@ladder/core';
import { builtinModels } from './builtin/builtin-models.js';

export interface ResolveModelOptions {
  /** Models named in ladder.config.ts, by full id. */
  configured?: Record<string, ModelProvider>;
}

export const KNOWN_PROVIDERS = ['builtin', 'gguf'] as const;

/** Turns a `provider/model` id into a model, or a one-line UsageError saying what is wrong. */
export async function resolveModel(id: string, options: ResolveModelOptions = {}): Promise<LanguageModelV1> {
  const configured = options.configured?.[id];
  if (configured !== undefined) return typeof configured === 'function' ? await configured() : configured;
  const parsed = parseModelId(id);
  if (parsed === undefined) {
    throw new UsageError(`--model ${id}: a model id is provider/model, e.g. builtin/oracle or gguf/path/to/model.gguf`);
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
  const custom = Object.keys(options.configured ?? {});
  throw new UsageError(
    `--model ${id}: unknown provider "${parsed.provider}"; known: ${[...KNOWN_PROVIDERS, ...custom].join(', ')} (add others in ladder.config.ts; \`ladder list\` shows them)`,
  );
}
