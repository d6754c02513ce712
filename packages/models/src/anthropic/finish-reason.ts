import type { FinishReason } from '@ladder/core';

const UNIFIED: Record<string, FinishReason['unified']> = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  max_tokens: 'length',
  model_context_window_exceeded: 'length',
  refusal: 'content-filter',
  tool_use: 'tool-calls',
  pause_turn: 'other',
};

/** Reads a Messages API `stop_reason`; the raw value is kept as the API sent it. */
export function mapFinishReason(stopReason: string | null | undefined): FinishReason {
  if (stopReason === null || stopReason === undefined) return { unified: 'unknown', raw: undefined };
  return { unified: UNIFIED[stopReason] ?? 'other', raw: stopReason };
}
