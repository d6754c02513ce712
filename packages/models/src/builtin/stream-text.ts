import type { FinishReason, GenerateResult, StreamPart, StreamResult, Usage } from '@ladder/core';

const STOP: FinishReason = { unified: 'stop', raw: 'stop' };

/** Streams `text` in word-sized deltas, the way a remote model's tokens arrive. */
export function streamText(text: string, usage: Usage): StreamResult {
  async function* parts(): AsyncGenerator<StreamPart> {
    const pieces = text.match(/\s*\S+|\s+$/g) ?? [];
    for (const piece of pieces) yield { type: 'text-delta', delta: piece };
    yield { type: 'finish', finishReason: STOP, usage };
  }
  return { stream: parts() };
}

export function generated(text: string, usage: Usage): GenerateResult {
  return { text, finishReason: STOP, usage };
}

