import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  APICallError,
  UsageError,
  type CallOptions,
  type ChatMessage,
  type GenerationSettings,
  type LanguageModelV1,
  type StreamPart,
} from '@ladder/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_OUTPUT_TOKENS, toSamplingOptions } from './generation-options.js';
import type { GgufRuntime } from './gguf-runtime.js';
import { createGgufModel } from './index.js';
import { renderCompletionText, toChatHistory } from './prompt-format.js';
import { runGeneration } from './run-generation.js';
import { createSerialQueue } from './serial-queue.js';

// A 260K-parameter story model (llama2.c's stories260K), without a chat template.
const MODEL_PATH = fileURLToPath(new URL('../../../../../shared/datasets/gguf/stories260K.gguf', import.meta.url));
const nodeLlamaCppInstalled = await import('node-llama-cpp').then(
  () => true,
  () => false,
);
const canRun = existsSync(MODEL_PATH) && nodeLlamaCppInstalled;

const PROMPT: ChatMessage[] = [
  { role: 'system', content: 'Write a story.' },
  { role: 'user', content: 'Once upon a time' },
];

function call(settings: GenerationSettings, extra: Partial<CallOptions> = {}): CallOptions {
  return { prompt: PROMPT, settings, requestKey: 'test', ...extra };
}

async function collect(model: LanguageModelV1, options: CallOptions): Promise<StreamPart[]> {
  const { stream } = await model.doStream(options);
  const parts: StreamPart[] = [];
  for await (const part of stream) parts.push(part);
  return parts;
}

function textOf(parts: StreamPart[]): string {
  return parts.map((part) => (part.type === 'text-delta' ? part.delta : '')).join('');
}

describe('prompt rendering and settings (no model needed)', () => {
  it('renders messages as plain text for completion, and as chat history ending with the model turn', () => {
    expect(renderCompletionText(PROMPT)).toBe('Write a story.\n\nOnce upon a time');
    expect(toChatHistory(PROMPT)).toEqual([
      { type: 'system', text: 'Write a story.' },
      { type: 'user', text: 'Once upon a time' },
      { type: 'model', response: [] },
    ]);
    expect(toChatHistory([...PROMPT, { role: 'assistant', content: 'There' }]).at(-1)).toEqual({ type: 'model', response: ['There'] });
  });

  it('maps settings, defaults to greedy and a token cap, and reports what it changed', () => {
    const unset = toSamplingOptions({});
    expect(unset.options).toEqual({ maxTokens: DEFAULT_MAX_OUTPUT_TOKENS, temperature: 0, repeatPenalty: false });
    expect(unset.warnings.join(' ')).toContain(`${DEFAULT_MAX_OUTPUT_TOKENS} tokens`);
    const full = toSamplingOptions({ temperature: 0.7, topK: 40, topP: 0.9, seed: 5, maxOutputTokens: 12, stopSequences: ['\n', ''] });
    expect(full.options).toEqual({ maxTokens: 12, temperature: 0.7, topK: 40, topP: 0.9, seed: 5, customStopTriggers: ['\n'], repeatPenalty: false });
    expect(full.warnings).toEqual(['empty stop sequences are ignored']);
    expect(toSamplingOptions({ temperature: 0, topK: 3, maxOutputTokens: 5 }).warnings).toEqual([
      'topK and topP have no effect with temperature 0 (greedy decoding)',
    ]);
  });
});

describe('generation failures (stubbed runtime)', () => {
  function failingRuntime(failure: Error): GgufRuntime {
    const completion = { generateCompletionWithMeta: () => Promise.reject(failure) };
    const sequence = { clearHistory: async () => {}, tokenMeter: { getState: () => ({ usedInputTokens: 0, usedOutputTokens: 0 }) } };
    return { format: 'completion', completion, sequence, queue: createSerialQueue() } as unknown as GgufRuntime;
  }
  const request = {
    prompt: { format: 'completion' as const, tokens: [], inputTokens: 1 },
    sampling: toSamplingOptions({ maxOutputTokens: 3 }).options,
    callbacks: { onText: () => {}, onReasoning: () => {} },
    label: 'gguf/stub.gguf',
  };

  it('turns an error during generation into a non-retryable APICallError', async () => {
    const failure = new Error('llama_decode failed');
    const error = await runGeneration({ ...request, runtime: failingRuntime(failure), signal: new AbortController().signal }).catch((caught: unknown) => caught);
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).isRetryable).toBe(false);
    expect((error as Error).message).toBe('gguf/stub.gguf: generation failed: llama_decode failed');
    expect((error as Error).cause).toBe(failure);
  });

  it('passes an abort through as its reason, not as an APICallError', async () => {
    const reason = new Error('timed out');
    const error = await runGeneration({ ...request, runtime: failingRuntime(new Error('aborted')), signal: AbortSignal.abort(reason) }).catch((caught: unknown) => caught);
    expect(error).toBe(reason);
  });

  it('lets a request that aborts while queued leave the queue without running', async () => {
    const queue = createSerialQueue();
    let release!: () => void;
    const first = queue.run(() => new Promise<string>((resolve) => (release = () => resolve('first'))));
    const controller = new AbortController();
    let ran = false;
    const second = queue.run(async () => {
      ran = true;
    }, controller.signal);
    const third = queue.run(async () => 'third');
    controller.abort(new Error('gone'));
    await expect(second).rejects.toThrow('gone');
    release();
    expect(await first).toBe('first');
    expect(await third).toBe('third');
    expect(ran).toBe(false);
  });
});

describe('createGgufModel errors', () => {
  it('rejects a missing file with a UsageError naming the path', async () => {
    const error = await createGgufModel({ path: 'no/such/model.gguf' }).catch((caught: unknown) => caught);
    expect(UsageError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/^gguf\/no\/such\/model\.gguf: no such file/);
  });

  it('rejects a directory and a file that is not GGUF', async () => {
    const directory = await createGgufModel({ path: '.' }).catch((caught: unknown) => caught);
    expect((directory as Error).message).toContain('is not a file');
    if (!canRun) return;
    const notGguf = await createGgufModel({ path: fileURLToPath(import.meta.url) }).catch((caught: unknown) => caught);
    expect(UsageError.isInstance(notGguf)).toBe(true);
    expect((notGguf as Error).message).toContain('as a GGUF model');
  });

  it.skipIf(!existsSync(MODEL_PATH))('says how to install node-llama-cpp when it is missing', async () => {
    const missing = Object.assign(new Error("Cannot find package 'node-llama-cpp'"), { code: 'ERR_MODULE_NOT_FOUND' });
    const error = await createGgufModel({ path: MODEL_PATH, importModule: () => Promise.reject(missing) }).catch((caught: unknown) => caught);
    expect(UsageError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('pnpm add node-llama-cpp');
    expect((error as Error).message).not.toContain('\n');
  });

  it('rejects bad threads', async () => {
    await expect(createGgufModel({ path: MODEL_PATH, threads: 0 })).rejects.toThrow(/threads must be a positive integer/);
  });
});

describe.skipIf(!canRun)('gguf model (stories260K)', () => {
  let model: LanguageModelV1;

  beforeAll(async () => {
    model = await createGgufModel({ path: MODEL_PATH });
  }, 30_000);

  it('describes itself', () => {
    expect(model.specificationVersion).toBe('v1');
    expect(model.provider).toBe('gguf');
    expect(model.modelId).toBe(MODEL_PATH);
    expect(model.defaultConcurrency).toBe(1);
  });

  it('streams token deltas that add up to what doGenerate returns for the same seed', async () => {
    const settings = { temperature: 0.8, seed: 7, maxOutputTokens: 24 };
    const generated = await model.doGenerate(call(settings));
    const parts = await collect(model, call(settings));
    const deltas = parts.filter((part) => part.type === 'text-delta');
    expect(deltas.length).toBeGreaterThan(5);
    expect(textOf(parts)).toBe(generated.text);
    expect(generated.text.length).toBeGreaterThan(20);
    const finish = parts.at(-1);
    expect(finish?.type).toBe('finish');
    if (finish?.type !== 'finish') return;
    expect(finish.usage).toEqual(generated.usage);
    expect(finish.finishReason).toEqual(generated.finishReason);
  });

  it('reports real token counts within the cap', async () => {
    const result = await model.doGenerate(call({ maxOutputTokens: 10 }));
    const { inputTokens, outputTokens } = result.usage;
    // BOS + the tokens of "Write a story.\n\nOnce upon a time".
    expect(Number.isInteger(inputTokens) && inputTokens! > 5).toBe(true);
    expect(Number.isInteger(outputTokens) && outputTokens! > 0).toBe(true);
    expect(outputTokens).toBeLessThanOrEqual(10);
    const longer = await model.doGenerate({ ...call({ maxOutputTokens: 10 }), prompt: [{ role: 'user', content: 'Once upon a time there was a dog' }] });
    expect(longer.usage.inputTokens).toBeGreaterThan(0);
    expect(longer.usage.inputTokens).not.toBe(inputTokens);
  });

  it("finishes with 'length' at maxOutputTokens and 'stop' at a stop sequence", async () => {
    const short = await model.doGenerate(call({ maxOutputTokens: 5 }));
    expect(short.finishReason).toEqual({ unified: 'length', raw: 'maxTokens' });
    expect(short.usage.outputTokens).toBe(5);
    const stopped = await model.doGenerate(call({ maxOutputTokens: 60, stopSequences: ['.'] }));
    expect(stopped.finishReason).toEqual({ unified: 'stop', raw: 'customStopTrigger' });
    expect(stopped.text).not.toContain('.');
    expect(stopped.text.length).toBeGreaterThan(0);
    expect(stopped.warnings).toEqual([]);
  });

  it('gives the same text for the same seed at temperature 0.8, and other text for other seeds', async () => {
    const settings = { temperature: 0.8, maxOutputTokens: 30 };
    const first = await model.doGenerate(call({ ...settings, seed: 1 }));
    const again = await model.doGenerate(call({ ...settings, seed: 1 }));
    expect(again.text).toBe(first.text);
    const others = await Promise.all([2, 3, 4].map((seed) => model.doGenerate(call({ ...settings, seed }))));
    expect(others.some((other) => other.text !== first.text)).toBe(true);
  });

  it('decodes greedily when temperature is 0 or unset, and warns about the default cap', async () => {
    const unset = await model.doGenerate(call({ maxOutputTokens: 15 }));
    const zero = await model.doGenerate(call({ temperature: 0, seed: 99, maxOutputTokens: 15 }));
    expect(zero.text).toBe(unset.text);
    const uncapped = await model.doGenerate(call({ stopSequences: ['.'] }));
    expect(uncapped.warnings?.join(' ')).toContain('maxOutputTokens is not set');
  });

  it('serialises concurrent requests without mixing them up', async () => {
    const settings = { temperature: 0.8, seed: 11, maxOutputTokens: 16 };
    const alone = await model.doGenerate(call(settings));
    const together = await Promise.all([
      model.doGenerate(call(settings)),
      collect(model, call(settings)).then(textOf),
      model.doGenerate(call(settings)),
    ]);
    expect(together.map((result) => (typeof result === 'string' ? result : result.text))).toEqual([alone.text, alone.text, alone.text]);
  });

  it('stops generating when the signal aborts, and rejects with its reason', async () => {
    const controller = new AbortController();
    const reason = new Error('stop now');
    const { stream } = await model.doStream(call({ maxOutputTokens: 1500 }, { abortSignal: controller.signal }));
    const parts: StreamPart[] = [];
    for await (const part of stream) {
      parts.push(part);
      if (parts.length === 3) controller.abort(reason);
    }
    const deltas = parts.filter((part) => part.type === 'text-delta');
    expect(deltas.length).toBeLessThan(20);
    expect(parts.at(-1)).toEqual({ type: 'error', error: reason });

    const aborted = AbortSignal.abort(reason);
    await expect(model.doGenerate(call({ maxOutputTokens: 10 }, { abortSignal: aborted }))).rejects.toBe(reason);
    // The model is free again at once.
    const after = await model.doGenerate(call({ maxOutputTokens: 3 }));
    expect(after.usage.outputTokens).toBe(3);
  });

  it('stops generating when the consumer leaves the stream early', async () => {
    const { stream } = await model.doStream(call({ maxOutputTokens: 1500 }));
    let seen = 0;
    for await (const part of stream) {
      if (part.type === 'text-delta') seen += 1;
      if (seen === 2) break;
    }
    const started = performance.now();
    const next = await model.doGenerate(call({ maxOutputTokens: 3 }));
    expect(next.finishReason.unified).toBe('length');
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('rejects a prompt longer than the context with a non-retryable APICallError', async () => {
    const small = await createGgufModel({ path: MODEL_PATH, contextSize: 64 });
    // llama.cpp rounds the context up (to 256 tokens here); the check uses the real size.
    const long: ChatMessage[] = [{ role: 'user', content: 'Once upon a time there was a dog. '.repeat(60) }];
    const error = await small.doGenerate({ ...call({ maxOutputTokens: 5 }), prompt: long }).catch((caught: unknown) => caught);
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).isRetryable).toBe(false);
    expect((error as Error).message).toMatch(/the prompt has \d+ tokens but the context holds \d+/);
  });

  it('uses LlamaChat with a chat template when asked to (reasoning kept apart, counts real)', async () => {
    const chat = await createGgufModel({ path: MODEL_PATH, promptFormat: 'chat' });
    const settings = { temperature: 0.8, seed: 3, maxOutputTokens: 12 };
    const generated = await chat.doGenerate(call(settings));
    const parts = await collect(chat, call(settings));
    expect(textOf(parts)).toBe(generated.text);
    expect(generated.text.length).toBeGreaterThan(0);
    expect(generated.reasoning).toBeUndefined();
    expect(generated.finishReason.unified).toBe('length');
    expect(generated.usage.outputTokens).toBe(12);
    // The chat template adds its own text around the messages.
    const completion = await model.doGenerate(call(settings));
    expect(generated.usage.inputTokens).toBeGreaterThan(completion.usage.inputTokens!);
  });
});
