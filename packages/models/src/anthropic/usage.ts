import type { Usage } from '@ladder/core';

/** The usage fields of `message_start.message.usage`, `message_delta.usage` and a whole Message. */
export interface AnthropicUsage {
  input_tokens?: number | null;
  output_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
  output_tokens_details?: { thinking_tokens?: number | null } | null;
}

/**
 * Merges a later usage report into an earlier one: `message_delta` carries cumulative counts,
 * and a field it leaves out (or sends as null) keeps the value `message_start` gave.
 */
export function mergeUsage(earlier: AnthropicUsage, later: AnthropicUsage | null | undefined): AnthropicUsage {
  if (later === null || later === undefined) return earlier;
  const merged: AnthropicUsage = { ...earlier };
  for (const [key, value] of Object.entries(later) as [keyof AnthropicUsage, AnthropicUsage[keyof AnthropicUsage]][]) {
    if (value !== null && value !== undefined) Object.assign(merged, { [key]: value });
  }
  return merged;
}

/**
 * Ladder's usage. The API's `input_tokens` leaves out the tokens read from and written to the
 * prompt cache; Ladder's `inputTokens` counts every prompt token, with the cache reads also
 * reported as `cachedInputTokens` (the runner prices those at the cached rate).
 */
export function toUsage(usage: AnthropicUsage | undefined): Usage {
  const input = numberOrUndefined(usage?.input_tokens);
  const cacheRead = numberOrUndefined(usage?.cache_read_input_tokens);
  const cacheWrite = numberOrUndefined(usage?.cache_creation_input_tokens);
  const thinking = numberOrUndefined(usage?.output_tokens_details?.thinking_tokens);
  return {
    inputTokens: input === undefined ? undefined : input + (cacheRead ?? 0) + (cacheWrite ?? 0),
    outputTokens: numberOrUndefined(usage?.output_tokens),
    ...(thinking === undefined ? {} : { reasoningTokens: thinking }),
    ...(cacheRead === undefined ? {} : { cachedInputTokens: cacheRead }),
  };
}

function numberOrUndefined(value: number | null | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
