import type Anthropic from '@anthropic-ai/sdk';
import type { GenerateResult } from '@ladder/core';
import { mapFinishReason } from './finish-reason.js';
import { toUsage } from './usage.js';

/** A whole (non-streamed) Message: text blocks make the answer, thinking blocks the reasoning. */
export function mapResponse(message: Anthropic.Message): Pick<GenerateResult, 'text' | 'reasoning' | 'finishReason' | 'usage' | 'response'> {
  let text = '';
  let reasoning: string | undefined;
  for (const block of message.content) {
    if (block.type === 'text') text += block.text;
    else if (block.type === 'thinking') reasoning = (reasoning ?? '') + block.thinking;
  }
  return {
    text,
    ...(reasoning === undefined ? {} : { reasoning }),
    finishReason: mapFinishReason(message.stop_reason),
    usage: toUsage(message.usage),
    response: { id: message.id, modelId: message.model },
  };
}
