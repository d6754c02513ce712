import { APICallError, describeError, type ChatMessage, type FinishReason, type Usage } from '@ladder/core';
import type { ChatHistoryItem, LlamaChatResponseChunk, Token } from 'node-llama-cpp';
import type { SamplingOptions } from './generation-options.js';
import type { GgufRuntime } from './gguf-runtime.js';
import { renderCompletionText, toChatHistory } from './prompt-format.js';

/** A prompt rendered for the runtime's format, with its exact token count. */
export type PreparedPrompt =
  | { format: 'completion'; tokens: Token[]; inputTokens: number }
  | { format: 'chat'; history: ChatHistoryItem[]; inputTokens: number };

export interface GenerationCallbacks {
  onText(delta: string): void;
  onReasoning(delta: string): void;
}

export interface GenerationOutcome {
  text: string;
  reasoning: string | undefined;
  finishReason: FinishReason;
  usage: Usage;
}

type StopReason = 'eogToken' | 'stopGenerationTrigger' | 'customStopTrigger' | 'functionCalls' | 'maxTokens' | 'abort';

/**
 * Renders and tokenizes the prompt, and checks it fits the context (node-llama-cpp would
 * otherwise cut its beginning off without a word). Throws a non-retryable APICallError.
 */
export function preparePrompt(runtime: GgufRuntime, prompt: ChatMessage[], label: string): PreparedPrompt {
  const { model } = runtime;
  let prepared: PreparedPrompt;
  if (runtime.format === 'completion') {
    // What LlamaCompletion does with a string: a BOS token when the model wants one, then the
    // text without its leading space. Passing the tokens keeps the count exact.
    const bos = beginningToken(runtime);
    const tokens = model.tokenize(renderCompletionText(prompt), false, bos === undefined ? undefined : 'trimLeadingSpace');
    prepared = { format: 'completion', tokens, inputTokens: tokens.length + (bos === undefined ? 0 : 1) };
  } else {
    const history = toChatHistory(prompt);
    const chatWrapper = runtime.chat?.chatWrapper;
    const rendered = chatWrapper?.generateContextState({ chatHistory: history }).contextText;
    prepared = { format: 'chat', history, inputTokens: rendered?.tokenize(model.tokenizer).length ?? 0 };
  }
  // LlamaCompletion keeps a tenth of the context free for shifting; it needs room for one token more.
  const contextSize = runtime.sequence.contextSize;
  const room = contextSize - Math.max(1, Math.floor(contextSize / 10));
  if (prepared.inputTokens >= room) {
    throw new APICallError({
      message: `${label}: the prompt has ${prepared.inputTokens} tokens but the context holds ${contextSize} (at most ${room - 1} for the prompt); pass a larger contextSize`,
      isRetryable: false,
    });
  }
  return prepared;
}

/**
 * One request on the runtime's sequence. Call it through the runtime's queue: the sequence
 * is cleared first, so every request starts from an empty context and the same seed gives
 * the same text whatever ran before. Aborting rejects with the signal's reason; any other
 * failure becomes a non-retryable APICallError.
 */
export async function runGeneration(options: {
  runtime: GgufRuntime;
  prompt: PreparedPrompt;
  sampling: SamplingOptions;
  signal: AbortSignal;
  callbacks: GenerationCallbacks;
  label: string;
}): Promise<GenerationOutcome> {
  const { runtime, prompt, sampling, signal, callbacks, label } = options;
  signal.throwIfAborted();
  try {
    await runtime.sequence.clearHistory();
    const meterBefore = runtime.sequence.tokenMeter.getState();
    const { text, reasoning, stopReason } = await generate({ runtime, prompt, sampling, signal, callbacks });
    // The meter counts every sampled token, including an end-of-generation or stop-trigger token.
    const outputTokens = runtime.sequence.tokenMeter.diff(meterBefore).usedOutputTokens;
    return {
      text,
      reasoning,
      finishReason: toFinishReason(stopReason),
      usage: { inputTokens: prompt.inputTokens, outputTokens },
    };
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    throw new APICallError({ message: `${label}: generation failed: ${describeError(error)}`, isRetryable: false, cause: error });
  }
}

async function generate(options: {
  runtime: GgufRuntime;
  prompt: PreparedPrompt;
  sampling: SamplingOptions;
  signal: AbortSignal;
  callbacks: GenerationCallbacks;
}): Promise<{ text: string; reasoning: string | undefined; stopReason: StopReason }> {
  const { runtime, prompt, sampling, signal, callbacks } = options;
  if (prompt.format === 'completion') {
    if (runtime.completion === undefined) throw new Error('the runtime has no LlamaCompletion');
    const result = await runtime.completion.generateCompletionWithMeta(prompt.tokens, {
      ...sampling,
      signal,
      stopOnAbortSignal: false,
      // Stop when the context is full instead of silently dropping the start of the prompt.
      disableContextShift: true,
      onTextChunk: (chunk) => {
        if (chunk !== '') callbacks.onText(chunk);
      },
    });
    return { text: result.response, reasoning: undefined, stopReason: result.metadata.stopReason };
  }
  if (runtime.chat === undefined) throw new Error('the runtime has no LlamaChat');
  let reasoning: string | undefined;
  const result = await runtime.chat.generateResponse(prompt.history, {
    ...sampling,
    signal,
    stopOnAbortSignal: false,
    onResponseChunk: (chunk: LlamaChatResponseChunk) => {
      if (chunk.text === '') return;
      if (chunk.type === undefined) {
        callbacks.onText(chunk.text);
      } else {
        // Thoughts (and any other segment, such as Harmony's comments) are not the answer.
        reasoning = (reasoning ?? '') + chunk.text;
        callbacks.onReasoning(chunk.text);
      }
    },
  });
  return { text: result.response, reasoning, stopReason: result.metadata.stopReason };
}

function toFinishReason(stopReason: StopReason): FinishReason {
  switch (stopReason) {
    case 'eogToken':
    case 'stopGenerationTrigger':
    case 'customStopTrigger':
      return { unified: 'stop', raw: stopReason };
    case 'maxTokens':
      return { unified: 'length', raw: stopReason };
    case 'functionCalls':
      return { unified: 'tool-calls', raw: stopReason };
    default:
      return { unified: 'other', raw: stopReason };
  }
}

/** The token LlamaCompletion puts before the input (node-llama-cpp's resolveBeginningTokenToPrepend). */
function beginningToken(runtime: GgufRuntime): Token | undefined {
  const { model } = runtime;
  const bos = model.tokens.bos ?? undefined;
  // Compared as strings: LlamaVocabularyType is a runtime enum of the optional module.
  switch (model.vocabularyType as string) {
    case 'rwkv':
    case 'ugm':
      return undefined;
    case 'wpm':
      return bos;
    default:
      return model.tokens.shouldPrependBosToken ? bos : undefined;
  }
}
