import type { GenerateContentResponse } from '@google/genai';
import type { GenerateResult } from '@ladder/core';
import { blockedPromptReason, mapFinishReason } from './finish-reason.js';
import { toUsage } from './usage.js';

/** A whole (non-streamed) response: thought parts make the reasoning, other text parts the answer. */
export function mapResponse(response: GenerateContentResponse): Pick<GenerateResult, 'text' | 'reasoning' | 'finishReason' | 'usage' | 'response'> {
  const candidate = response.candidates?.[0];
  let text = '';
  let reasoning: string | undefined;
  for (const part of candidate?.content?.parts ?? []) {
    if (typeof part.text !== 'string') continue;
    if (part.thought === true) reasoning = (reasoning ?? '') + part.text;
    else text += part.text;
  }
  const blocked = response.promptFeedback?.blockReason;
  return {
    text,
    ...(reasoning === undefined ? {} : { reasoning }),
    finishReason: candidate === undefined && blocked !== undefined ? blockedPromptReason(blocked) : mapFinishReason(candidate?.finishReason),
    usage: toUsage(response.usageMetadata),
    response: {
      ...(response.responseId === undefined ? {} : { id: response.responseId }),
      ...(response.modelVersion === undefined ? {} : { modelId: response.modelVersion }),
    },
  };
}
