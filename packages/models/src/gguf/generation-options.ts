import type { GenerationSettings } from '@ladder/core';

/** What a model writes when the caller sets no `maxOutputTokens`. */
export const DEFAULT_MAX_OUTPUT_TOKENS = 256;

/** The sampling options node-llama-cpp's LlamaCompletion and LlamaChat both take. */
export interface SamplingOptions {
  maxTokens: number;
  /** 0 is greedy decoding. */
  temperature: number;
  topK?: number;
  topP?: number;
  seed?: number;
  customStopTriggers?: string[];
  /**
   * Always `false`: node-llama-cpp applies a repeat penalty by default, which Ladder's
   * settings cannot express. Switching it off keeps temperature 0 plain greedy decoding
   * and the outputs comparable with other runtimes.
   */
  repeatPenalty: false;
}

/**
 * Maps Ladder's settings onto node-llama-cpp's. Every setting is supported; what is odd
 * (a default cap, a setting that has no effect) comes back in `warnings`.
 */
export function toSamplingOptions(settings: GenerationSettings): { options: SamplingOptions; warnings: string[] } {
  const warnings: string[] = [];
  const temperature = settings.temperature ?? 0;
  const greedy = temperature <= 0;

  let maxTokens = settings.maxOutputTokens;
  if (maxTokens === undefined) {
    maxTokens = DEFAULT_MAX_OUTPUT_TOKENS;
    warnings.push(`maxOutputTokens is not set: gguf models stop after ${DEFAULT_MAX_OUTPUT_TOKENS} tokens`);
  } else if (!Number.isInteger(maxTokens) || maxTokens < 1) {
    // node-llama-cpp reads 0 or less as "no limit"; Ladder never means that.
    warnings.push(`maxOutputTokens ${maxTokens} is not a positive integer: using 1`);
    maxTokens = Math.max(1, Math.floor(maxTokens) || 1);
  }

  const options: SamplingOptions = { maxTokens, temperature: greedy ? 0 : temperature, repeatPenalty: false };
  if (settings.topK !== undefined) options.topK = settings.topK;
  if (settings.topP !== undefined) options.topP = settings.topP;
  if (settings.seed !== undefined) options.seed = settings.seed;
  if (greedy && (settings.topK !== undefined || settings.topP !== undefined)) {
    warnings.push('topK and topP have no effect with temperature 0 (greedy decoding)');
  }
  if (!greedy && settings.seed === undefined) {
    warnings.push('temperature > 0 without a seed: the output is not reproducible');
  }
  const stops = (settings.stopSequences ?? []).filter((stop) => stop !== '');
  if (stops.length > 0) options.customStopTriggers = stops;
  if (stops.length < (settings.stopSequences ?? []).length) warnings.push('empty stop sequences are ignored');
  return { options, warnings };
}
