import type { FinishReason } from '@ladder/core';

const UNIFIED: Record<string, FinishReason['unified']> = {
  stop: 'stop',
  eos: 'stop',
  stop_sequence: 'stop',
  end_turn: 'stop',
  length: 'length',
  max_tokens: 'length',
  model_length: 'length',
  content_filter: 'content-filter',
  // Zhipu GLM and some Chinese providers.
  sensitive: 'content-filter',
  tool_calls: 'tool-calls',
  function_call: 'tool-calls',
};

/**
 * Finish reasons that mean the provider failed mid-answer rather than that the model
 * finished: DeepSeek's `insufficient_system_resource`, Zhipu's `network_error`. The call
 * is retried like a dropped connection.
 */
export const FAILED_FINISH_REASONS: ReadonlySet<string> = new Set(['insufficient_system_resource', 'network_error']);

/** The provider's `finish_reason`, read into Ladder's terms (the raw value is kept). */
export function mapFinishReason(raw: string): FinishReason {
  return { unified: UNIFIED[raw] ?? 'other', raw };
}
