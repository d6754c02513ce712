import { resolve } from 'node:path';
import { UsageError, type CallOptions, type GenerateResult, type LanguageModelV1, type StreamResult } from '@ladder/core';
import { toSamplingOptions, type SamplingOptions } from './generation-options.js';
import { loadGgufRuntime, type NodeLlamaCpp } from './gguf-runtime.js';
import { createPartStream } from './part-stream.js';
import type { PromptFormat } from './prompt-format.js';
import { preparePrompt, runGeneration, type GenerationCallbacks, type PreparedPrompt } from './run-generation.js';

export { DEFAULT_MAX_OUTPUT_TOKENS } from './generation-options.js';
export type { PromptFormat } from './prompt-format.js';

export interface GgufModelOptions {
  /** A .gguf file; a relative path resolves against the current directory. */
  path: string;
  /**
   * CPU threads llama.cpp uses per request. Default 1: tiny models run fastest on one thread
   * (on a 2-core machine, 2 threads were 30 times slower), and the runner's concurrency
   * does not help either (requests are serialised). Raise it for models of 1B parameters and up.
   */
  threads?: number;
  /** Context length in tokens (prompt plus answer). Default: the model's own, at most 4096. */
  contextSize?: number;
  /**
   * `chat` uses the model's chat template, `completion` continues the messages as plain text.
   * Default: `chat` when the file has a `tokenizer.chat_template`, else `completion`.
   */
  promptFormat?: PromptFormat;
  /** @internal How node-llama-cpp is imported; tests replace it. */
  importModule?: () => Promise<NodeLlamaCpp>;
}

const NOTHING_TO_REPORT: GenerationCallbacks = { onText: () => {}, onReasoning: () => {} };

/**
 * A GGUF model run in-process by llama.cpp through node-llama-cpp (an optional dependency,
 * imported only here). Loads the model before returning, so a wrong path or a missing
 * dependency is a one-line UsageError before any run starts; the file is loaded once per
 * process however many models use it.
 */
export async function createGgufModel(options: GgufModelOptions): Promise<LanguageModelV1> {
  const label = `gguf/${options.path}`;
  const threads = options.threads ?? 1;
  if (!Number.isInteger(threads) || threads < 1) throw new UsageError(`${label}: threads must be a positive integer, not ${threads}`);
  if (options.contextSize !== undefined && (!Number.isInteger(options.contextSize) || options.contextSize < 16)) {
    throw new UsageError(`${label}: contextSize must be an integer of at least 16, not ${options.contextSize}`);
  }
  const runtime = await loadGgufRuntime({
    path: options.path,
    absolutePath: resolve(process.cwd(), options.path),
    threads,
    contextSize: options.contextSize,
    promptFormat: options.promptFormat,
    importModule: options.importModule ?? (() => import('node-llama-cpp')),
  });

  function prepare(callOptions: CallOptions): { prompt: PreparedPrompt; sampling: SamplingOptions; warnings: string[]; request: { body: unknown } } {
    const { options: sampling, warnings } = toSamplingOptions(callOptions.settings);
    if (callOptions.providerOptions?.['gguf'] !== undefined) warnings.push('providerOptions.gguf is not supported: ignored');
    const prompt = preparePrompt(runtime, callOptions.prompt, label);
    return { prompt, sampling, warnings, request: { body: { format: runtime.format, ...sampling } } };
  }

  return {
    specificationVersion: 'v1',
    provider: 'gguf',
    modelId: options.path,
    // One context sequence answers one request at a time; more would only queue.
    defaultConcurrency: 1,

    async doGenerate(callOptions): Promise<GenerateResult> {
      const { prompt, sampling, warnings, request } = prepare(callOptions);
      const signal = callOptions.abortSignal ?? new AbortController().signal;
      const outcome = await runtime.queue.run(
        () => runGeneration({ runtime, prompt, sampling, signal, callbacks: NOTHING_TO_REPORT, label }),
        callOptions.abortSignal,
      );
      return {
        text: outcome.text,
        ...(outcome.reasoning === undefined ? {} : { reasoning: outcome.reasoning }),
        finishReason: outcome.finishReason,
        usage: outcome.usage,
        warnings,
        request,
        response: { modelId: options.path },
      };
    },

    async doStream(callOptions): Promise<StreamResult> {
      const { prompt, sampling, warnings, request } = prepare(callOptions);
      // Aborted by the caller's signal, or when the consumer stops reading the stream.
      const cancel = new AbortController();
      const signal = callOptions.abortSignal === undefined ? cancel.signal : AbortSignal.any([callOptions.abortSignal, cancel.signal]);
      const parts = createPartStream(() => cancel.abort(new Error(`${label}: the stream was closed before its end`)));
      const callbacks: GenerationCallbacks = {
        onText: (delta) => parts.push({ type: 'text-delta', delta }),
        onReasoning: (delta) => parts.push({ type: 'reasoning-delta', delta }),
      };
      runtime.queue
        .run(() => runGeneration({ runtime, prompt, sampling, signal, callbacks, label }), signal)
        .then(
          (outcome) =>
            parts.push({ type: 'finish', finishReason: outcome.finishReason, usage: outcome.usage, response: { modelId: options.path } }),
          (error: unknown) => parts.push({ type: 'error', error }),
        )
        .finally(() => parts.close());
      return { stream: parts.stream, warnings, request };
    },
  };
}
