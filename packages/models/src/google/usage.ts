import type { GenerateContentResponseUsageMetadata } from '@google/genai';
import type { Usage } from '@ladder/core';

/**
 * Ladder's usage from Gemini's `usageMetadata`. `candidatesTokenCount` leaves the thinking
 * out, while Google bills thoughts as output: `outputTokens` is candidates plus thoughts,
 * `reasoningTokens` the thoughts alone. Gemini leaves out counts that are 0 (no
 * `candidatesTokenCount` when the model wrote no answer), so when both are missing the output
 * is what the total leaves after the prompt. `promptTokenCount` already includes the cached tokens.
 */
export function toUsage(metadata: GenerateContentResponseUsageMetadata | undefined): Usage {
  const prompt = metadata?.promptTokenCount;
  const candidates = metadata?.candidatesTokenCount;
  const thoughts = metadata?.thoughtsTokenCount;
  const cached = metadata?.cachedContentTokenCount;
  let output: number | undefined;
  if (candidates !== undefined || thoughts !== undefined) output = (candidates ?? 0) + (thoughts ?? 0);
  else if (metadata?.totalTokenCount !== undefined && prompt !== undefined) {
    output = Math.max(0, metadata.totalTokenCount - prompt - (metadata.toolUsePromptTokenCount ?? 0));
  }
  return {
    inputTokens: prompt,
    outputTokens: output,
    ...(thoughts === undefined ? {} : { reasoningTokens: thoughts }),
    ...(cached === undefined ? {} : { cachedInputTokens: cached }),
  };
}
