import type { Usage } from '@ladder/core';

/**
 * The provider's `usage` in Ladder's terms. A count the provider did not report stays
 * undefined (never 0). `outputTokens` is `completion_tokens`, which includes the reasoning
 * tokens; cached input comes from `prompt_tokens_details.cached_tokens`, or DeepSeek's
 * `prompt_cache_hit_tokens`.
 */
export function mapUsage(usage: unknown): Usage {
  if (typeof usage !== 'object' || usage === null) return { inputTokens: undefined, outputTokens: undefined };
  const fields = usage as Record<string, unknown>;
  const completionDetails = fields['completion_tokens_details'] as Record<string, unknown> | null | undefined;
  const promptDetails = fields['prompt_tokens_details'] as Record<string, unknown> | null | undefined;
  return {
    inputTokens: count(fields['prompt_tokens']),
    outputTokens: count(fields['completion_tokens']),
    reasoningTokens: count(completionDetails?.['reasoning_tokens']),
    cachedInputTokens: count(promptDetails?.['cached_tokens']) ?? count(fields['prompt_cache_hit_tokens']),
  };
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}
