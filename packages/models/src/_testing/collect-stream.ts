import { APICallError, type CallOptions, type LanguageModelV1, type StreamPart } from '@ladder/core';
import { expect } from 'vitest';

/** For the adapter tests: everything a stream produced. */
export interface Collected {
  text: string;
  reasoning: string;
  parts: StreamPart[];
  finish?: Extract<StreamPart, { type: 'finish' }>;
  error?: unknown;
  warnings: string[];
  requestBody: unknown;
}

/** Reads a whole stream the way the runner does; an error (thrown or as a part) is kept, not thrown. */
export async function collect(model: LanguageModelV1, options: CallOptions): Promise<Collected> {
  const collected: Collected = { text: '', reasoning: '', parts: [], warnings: [], requestBody: undefined };
  try {
    const result = await model.doStream(options);
    collected.warnings = result.warnings ?? [];
    collected.requestBody = result.request?.body;
    for await (const part of result.stream) {
      collected.parts.push(part);
      if (part.type === 'text-delta') collected.text += part.delta;
      else if (part.type === 'reasoning-delta') collected.reasoning += part.delta;
      else if (part.type === 'finish') collected.finish = part;
      else collected.error = part.error;
    }
  } catch (error) {
    collected.error = error;
  }
  return collected;
}

/** The APICallError a failed stream ended with (and no finish). */
export function callError(collected: Collected): APICallError {
  expect(collected.finish).toBeUndefined();
  expect(APICallError.isInstance(collected.error), `expected an APICallError, got ${String(collected.error)}`).toBe(true);
  return collected.error as APICallError;
}

/**
 * Aborts `controller` with `reason` as soon as `server` has received a request (a fixed delay can
 * come before the request on a loaded machine). Resolves to the time of the abort.
 */
export function abortOnceReceived(server: { readonly requestCount: number }, controller: AbortController, reason: Error): { abortedAt: () => number; cancel: () => void } {
  let abortedAt = 0;
  const poll = setInterval(() => {
    if (server.requestCount === 0) return;
    clearInterval(poll);
    abortedAt = performance.now();
    controller.abort(reason);
  }, 20);
  return { abortedAt: () => abortedAt, cancel: () => clearInterval(poll) };
}
