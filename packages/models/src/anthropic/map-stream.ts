import type Anthropic from '@anthropic-ai/sdk';
import { APICallError, type FinishReason, type StreamPart } from '@ladder/core';
import { mapFinishReason } from './finish-reason.js';
import { mergeUsage, toUsage, type AnthropicUsage } from './usage.js';

export interface MapStreamOptions {
  /** The SDK's stream of raw Messages API events. */
  events: AsyncIterable<Anthropic.RawMessageStreamEvent>;
  /** Closes the HTTP response (the consumer stopped reading early). */
  close: () => void;
  /** Turns an error thrown while reading into what the caller sees. */
  toError: (error: unknown) => unknown;
  signal: AbortSignal | undefined;
  url: string;
}

/**
 * Maps Messages API events to Ladder stream parts: `text_delta` to text, `thinking_delta` to
 * reasoning; signatures, redacted thinking and pings carry no text. The finish part comes
 * only with `message_stop`: a stream that ends before it was cut off, and is a retryable
 * error, never a short answer.
 */
export async function* mapStream(options: MapStreamOptions): AsyncGenerator<StreamPart> {
  let usage: AnthropicUsage = {};
  let stopReason: string | null | undefined;
  let response: { id?: string; modelId?: string } = {};
  let finished = false;
  let drained = false;
  try {
    for await (const event of options.events) {
      // Read on to the end of the response after message_stop (nothing follows it), so the
      // connection goes back to the pool instead of being aborted.
      if (finished) continue;
      switch (event.type) {
        case 'message_start':
          usage = mergeUsage(usage, event.message.usage);
          response = { id: event.message.id, modelId: event.message.model };
          break;
        case 'content_block_start': {
          // The block's opening may already hold text (the API sends it empty today).
          const block = event.content_block;
          if (block.type === 'text' && block.text !== '') yield { type: 'text-delta', delta: block.text };
          if (block.type === 'thinking' && block.thinking !== '') yield { type: 'reasoning-delta', delta: block.thinking };
          break;
        }
        case 'content_block_delta':
          if (event.delta.type === 'text_delta') yield { type: 'text-delta', delta: event.delta.text };
          else if (event.delta.type === 'thinking_delta') yield { type: 'reasoning-delta', delta: event.delta.thinking };
          break;
        case 'message_delta':
          stopReason = event.delta.stop_reason ?? stopReason;
          usage = mergeUsage(usage, event.usage);
          break;
        case 'message_stop':
          finished = true;
          break;
        default:
          break;
      }
    }
    drained = true;
  } catch (error) {
    // A failure after message_stop loses nothing: the answer is whole.
    if (!finished) {
      yield { type: 'error', error: options.toError(error) };
      return;
    }
  } finally {
    // The consumer stopped early, or the read failed: close the response.
    if (!drained) options.close();
  }
  if (!finished) {
    // The SDK ends the stream quietly when it is aborted; anything else is a cut connection.
    if (options.signal?.aborted === true) {
      yield { type: 'error', error: options.signal.reason };
      return;
    }
    yield {
      type: 'error',
      error: new APICallError({
        message: 'anthropic: the stream ended before message_stop (cut off mid-answer)',
        url: options.url,
        isRetryable: true,
      }),
    };
    return;
  }
  const finishReason: FinishReason = mapFinishReason(stopReason);
  yield { type: 'finish', finishReason, usage: toUsage(usage), response };
}
