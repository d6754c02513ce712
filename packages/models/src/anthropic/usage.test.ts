import { describe, expect, test } from 'vitest';
import { mergeUsage, toUsage } from './usage.js';

describe('anthropic usage', () => {
  test('message_delta counts replace message_start ones; nulls and missing fields keep them', () => {
    const start = { input_tokens: 12, cache_read_input_tokens: 100, cache_creation_input_tokens: 20, output_tokens: 1 };
    const merged = mergeUsage(start, { input_tokens: null, cache_read_input_tokens: null, output_tokens: 57 });
    expect(merged).toEqual({ input_tokens: 12, cache_read_input_tokens: 100, cache_creation_input_tokens: 20, output_tokens: 57 });
  });

  test('inputTokens counts cache reads and writes, cachedInputTokens the reads; thinking tokens are reasoning', () => {
    expect(
      toUsage({ input_tokens: 12, cache_read_input_tokens: 100, cache_creation_input_tokens: 20, output_tokens: 57, output_tokens_details: { thinking_tokens: 40 } }),
    ).toEqual({ inputTokens: 132, outputTokens: 57, reasoningTokens: 40, cachedInputTokens: 100 });
  });

  test('counts the API did not send stay undefined, never 0', () => {
    expect(toUsage({})).toEqual({ inputTokens: undefined, outputTokens: undefined });
    expect(toUsage(undefined)).toEqual({ inputTokens: undefined, outputTokens: undefined });
  });
});
