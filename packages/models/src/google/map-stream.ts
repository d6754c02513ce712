import type { GenerateContentResponse, GenerateContentResponseUsageMetadata } from '@google/genai';
import { APICallError, type FinishReason, type StreamPart } from '@ladder/core';
import { blockedPromptReason, CONTINUATION, mapFinishReason, unfinishedAnswerError } from './finish-reason.js';
import { toUsage } from './usage.js';

export interface MapStreamOptions {
  /** The SDK's stream of GenerateContentResponse chunks. */
  chunks: AsyncIterable<GenerateContentResponse>;
  /** Closes the HTTP response (the consumer stopped reading early). */
  close: () => void;
  /** Turns an error thrown while reading into what the caller sees. */
  toError: (error: unknown) => unknown;
  signal: AbortSignal | undefined;
  url: () => string;
}

/**
 * Maps Gemini chunks to Ladder stream parts: parts with `thought: true` are reasoning, other
 * text parts the answer. The finish part needs a `finishReason` (or a blocked prompt): a
 * stream that ends without one was cut off, and is a retryable error, never a short answer.
 * Usage is the last `usageMetadata` seen (Gemini repeats running totals on every chunk).
 */
export async function* mapStream(options: MapStreamOptions): AsyncGenerator<StreamPart> {
  let usage: GenerateContentResponseUsageMetadata | undefined;
  let finishReason: FinishReason | undefined;
  let response: { id?: string; modelId?: string } = {};
  let done = false;
  try {
    for await (const chunk of options.chunks) {
      if (chunk.usageMetadata !== undefined) usage = chunk.usageMetadata;
      if (chunk.responseId !== undefined || chunk.modelVersion !== undefined) {
        response = { ...(chunk.responseId === undefined ? {} : { id: chunk.responseId }), ...(chunk.modelVersion === undefined ? {} : { modelId: chunk.modelVersion }) };
      }
      const candidate = chunk.candidates?.[0];
      for (const part of candidate?.content?.parts ?? []) {
        if (typeof part.text !== 'string' || part.text === '') continue;
        yield part.thought === true ? { type: 'reasoning-delta', delta: part.text } : { type: 'text-delta', delta: part.text };
      }
      if (candidate?.finishReason !== undefined) finishReason = mapFinishReason(candidate.finishReason);
      const blocked = chunk.promptFeedback?.blockReason;
      if (blocked !== undefined && candidate === undefined) finishReason = blockedPromptReason(blocked);
    }
    done = true;
  } catch (error) {
    yield { type: 'error', error: options.toError(error) };
    return;
  } finally {
    if (!done) options.close();
  }
  if (finishReason === undefined) {
    if (options.signal?.aborted === true) {
      yield { type: 'error', error: options.signal.reason };
      return;
    }
    yield {
      type: 'error',
      error: new APICallError({ message: 'google: the stream ended without a finishReason (cut off mid-answer)', url: options.url(), isRetryable: true }),
    };
    return;
  }
  if (finishReason.raw === CONTINUATION) {
    yield { type: 'error', error: unfinishedAnswerError(options.url()) };
    return;
  }
  yield { type: 'finish', finishReason, usage: toUsage(usage), response };
}
