import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { UsageError, describeError } from '@ladder/core';
import type { Llama, LlamaChat, LlamaCompletion, LlamaContextSequence, LlamaModel } from 'node-llama-cpp';
import { detectPromptFormat, type PromptFormat } from './prompt-format.js';
import { createSerialQueue, type SerialQueue } from './serial-queue.js';

export type NodeLlamaCpp = typeof import('node-llama-cpp');

/** Everything one gguf model needs to answer: one context sequence, used by one request at a time. */
export interface GgufRuntime {
  model: LlamaModel;
  sequence: LlamaContextSequence;
  format: PromptFormat;
  /** Set when `format` is `completion`. */
  completion: LlamaCompletion | undefined;
  /** Set when `format` is `chat`. */
  chat: LlamaChat | undefined;
  /** Serialises requests: the sequence holds one conversation at a time. */
  queue: SerialQueue;
}

export interface GgufRuntimeOptions {
  /** The path the user wrote, for messages. */
  path: string;
  absolutePath: string;
  threads: number;
  contextSize: number | undefined;
  /** Forces a prompt format; by default it follows the model's metadata. */
  promptFormat: PromptFormat | undefined;
  /** Loads node-llama-cpp; tests replace it. */
  importModule: () => Promise<NodeLlamaCpp>;
}

/** Contexts default to the model's training length, capped so big models don't take all RAM. */
export const MAX_DEFAULT_CONTEXT_SIZE = 4096;

// Process-wide caches: llama.cpp is initialised once, each file is loaded once, and each
// (file, threads, context size, format) gets one context, however many models are created.
let llamaPromise: Promise<Llama> | undefined;
const models = new Map<string, Promise<LlamaModel>>();
const runtimes = new Map<string, Promise<GgufRuntime>>();

/** Loads (once) the model and a context for it, or throws a one-line UsageError. */
export async function loadGgufRuntime(options: GgufRuntimeOptions): Promise<GgufRuntime> {
  await checkModelFile(options);
  const llamaCpp = await importNodeLlamaCpp(options);
  const key = [options.absolutePath, options.threads, options.contextSize ?? 'default', options.promptFormat ?? 'auto'].join('\u0000');
  return cached(runtimes, key, () => createRuntime(llamaCpp, options));
}

async function createRuntime(llamaCpp: NodeLlamaCpp, options: GgufRuntimeOptions): Promise<GgufRuntime> {
  const llama = await (llamaPromise ??= startLlama(llamaCpp, options).catch((error: unknown) => {
    llamaPromise = undefined;
    throw error;
  }));
  const model = await cached(models, options.absolutePath, () => loadModel(llama, options));
  const contextSize = options.contextSize ?? Math.min(model.trainContextSize, MAX_DEFAULT_CONTEXT_SIZE);
  let context;
  try {
    context = await model.createContext({ contextSize, sequences: 1, threads: options.threads });
  } catch (error) {
    throw new UsageError(`gguf/${options.path}: cannot create a context of ${contextSize} tokens: ${describeError(error)}`, { cause: error });
  }
  const sequence = context.getSequence();
  const format = options.promptFormat ?? detectPromptFormat(model);
  return {
    model,
    sequence,
    format,
    completion: format === 'completion' ? new llamaCpp.LlamaCompletion({ contextSequence: sequence }) : undefined,
    chat: format === 'chat' ? new llamaCpp.LlamaChat({ contextSequence: sequence, chatWrapper: 'auto' }) : undefined,
    queue: createSerialQueue(),
  };
}

/** The file must exist and be readable before any run starts. */
async function checkModelFile(options: GgufRuntimeOptions): Promise<void> {
  const label = `gguf/${options.path}`;
  let isFile: boolean;
  try {
    isFile = (await stat(options.absolutePath)).isFile();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new UsageError(`${label}: no such file (${options.absolutePath}); the path after gguf/ is a .gguf file, relative to the current directory`);
    }
    throw new UsageError(`${label}: cannot read ${options.absolutePath}: ${describeError(error)}`, { cause: error });
  }
  if (!isFile) throw new UsageError(`${label}: ${options.absolutePath} is not a file; give the path of a .gguf file`);
  try {
    await access(options.absolutePath, constants.R_OK);
  } catch (error) {
    throw new UsageError(`${label}: cannot read ${options.absolutePath}: ${describeError(error)}`, { cause: error });
  }
}

async function importNodeLlamaCpp(options: GgufRuntimeOptions): Promise<NodeLlamaCpp> {
  try {
    return await options.importModule();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Only node-llama-cpp itself missing; a broken install (one of its own dependencies
    // missing) falls through to the message below.
    const missing = (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && /['"]node-llama-cpp['"]/.test(describeError(error));
    if (missing) {
      throw new UsageError(
        `gguf/${options.path}: gguf models need the optional dependency node-llama-cpp, which is not installed; run \`pnpm add node-llama-cpp --filter @ladder/models\``,
        { cause: error },
      );
    }
    throw new UsageError(`gguf/${options.path}: cannot load node-llama-cpp: ${describeError(error)}`, { cause: error });
  }
}

/**
 * CPU only, prebuilt binaries only: never build llama.cpp from source or download anything
 * (`build: 'never'`, `skipDownload`), and only llama.cpp's errors reach stderr.
 */
async function startLlama(llamaCpp: NodeLlamaCpp, options: GgufRuntimeOptions): Promise<Llama> {
  try {
    return await llamaCpp.getLlama({
      gpu: false,
      build: 'never',
      skipDownload: true,
      progressLogs: false,
      logLevel: llamaCpp.LlamaLogLevel.error,
    });
  } catch (error) {
    throw new UsageError(
      `gguf/${options.path}: node-llama-cpp has no working prebuilt llama.cpp binary for ${process.platform}-${process.arch} (${describeError(error)}); reinstall node-llama-cpp with its platform package`,
      { cause: error },
    );
  }
}

async function loadModel(llama: Llama, options: GgufRuntimeOptions): Promise<LlamaModel> {
  try {
    return await llama.loadModel({ modelPath: options.absolutePath });
  } catch (error) {
    throw new UsageError(`gguf/${options.path}: cannot load ${options.absolutePath} as a GGUF model: ${describeError(error)}`, { cause: error });
  }
}

/** Caches a promise by key; a failure is not cached, so the next call tries again. */
function cached<T>(cache: Map<string, Promise<T>>, key: string, create: () => Promise<T>): Promise<T> {
  const existing = cache.get(key);
  if (existing !== undefined) return existing;
  const created = create();
  cache.set(key, created);
  created.catch(() => {
    if (cache.get(key) === created) cache.delete(key);
  });
  return created;
}
