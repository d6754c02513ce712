import { APICallError, type StreamPart } from '@ladder/core';
import { describe, expect, it } from 'vitest';
import { convertRequest } from './convert-request.js';
import { ChunkMapper } from './map-stream.js';
import { mapResponse } from './map-response.js';
import { DEFAULT_QUIRKS, resolveQuirks } from './quirks.js';

const delta = (fields: Record<string, unknown>, finishReason: string | null = null) => ({
  id: 'chatcmpl-1',
  model: 'm-1',
  choices: [{ index: 0, delta: fields, finish_reason: finishReason }],
});

function run(chunks: unknown[], quirks = DEFAULT_QUIRKS): StreamPart[] {
  const mapper = new ChunkMapper(quirks, 'test');
  return [...chunks.flatMap((chunk) => mapper.map(chunk)), ...mapper.end()];
}

describe('ChunkMapper', () => {
  it('maps content, reasoning fields in the preset order, the finish and the usage of a later chunk', () => {
    const parts = run([
      delta({ role: 'assistant', content: '' }),
      delta({ reasoning_content: 'a', reasoning: 'a' }),
      delta({ content: null, reasoning: 'b' }),
      delta({ content: 'Yes' }),
      delta({}, 'stop'),
      { id: 'chatcmpl-1', choices: [], usage: { prompt_tokens: 5, completion_tokens: 3, completion_tokens_details: { reasoning_tokens: 2 }, prompt_cache_hit_tokens: 4 } },
    ]);
    expect(parts).toEqual([
      { type: 'reasoning-delta', delta: 'a' },
      { type: 'reasoning-delta', delta: 'b' },
      { type: 'text-delta', delta: 'Yes' },
      {
        type: 'finish',
        finishReason: { unified: 'stop', raw: 'stop' },
        usage: { inputTokens: 5, outputTokens: 3, reasoningTokens: 2, cachedInputTokens: 4 },
        response: { id: 'chatcmpl-1', modelId: 'm-1' },
      },
    ]);
  });

  it('reads only the reasoning fields the provider uses, and leaves <think> alone without thinkTags', () => {
    const quirks = resolveQuirks({ reasoningFields: ['reasoning'], thinkTags: false });
    const parts = run([delta({ reasoning_content: 'ignored', content: '<think>x</think>y' }, 'stop')], quirks);
    expect(parts.slice(0, -1)).toEqual([{ type: 'text-delta', delta: '<think>x</think>y' }]);
  });

  it('leaves usage undefined when the provider does not report it, never 0', () => {
    const finish = run([delta({ content: 'x' }, 'stop')]).at(-1);
    expect(finish).toMatchObject({ type: 'finish', usage: { inputTokens: undefined, outputTokens: undefined } });
    const partial = run([delta({ content: 'x' }, 'stop'), { choices: [], usage: { prompt_tokens: 1, completion_tokens: 0 } }]).at(-1);
    expect(partial).toMatchObject({ usage: { inputTokens: 1, outputTokens: 0, reasoningTokens: undefined, cachedInputTokens: undefined } });
  });

  it('maps finish reasons, keeping the raw one', () => {
    const reasonOf = (raw: string) => (run([delta({ content: 'x' }, raw)]).at(-1) as { finishReason?: unknown }).finishReason;
    expect(reasonOf('length')).toEqual({ unified: 'length', raw: 'length' });
    expect(reasonOf('content_filter')).toEqual({ unified: 'content-filter', raw: 'content_filter' });
    expect(reasonOf('sensitive')).toEqual({ unified: 'content-filter', raw: 'sensitive' });
    expect(reasonOf('tool_calls')).toEqual({ unified: 'tool-calls', raw: 'tool_calls' });
    expect(reasonOf('abort')).toEqual({ unified: 'other', raw: 'abort' });
  });

  it('ends with a retryable error when no finish_reason came, or when it says the provider failed', () => {
    for (const [chunks, message] of [
      [[delta({ content: 'half an ans' })], /without a finish_reason after 11 characters/],
      [[{ choices: [] }, { choices: [] }], /no content and no finish_reason/],
      [[delta({ content: 'x' }, 'insufficient_system_resource')], /insufficient_system_resource/],
    ] as const) {
      const last = run([...chunks]).at(-1);
      expect(last?.type).toBe('error');
      const error = (last as { error: unknown }).error;
      expect(APICallError.isInstance(error) && error.isRetryable).toBe(true);
      expect((error as Error).message).toMatch(message);
    }
  });
});

describe('mapResponse', () => {
  it('maps a non-streaming completion, <think> block and reasoning field included', () => {
    const mapped = mapResponse(
      { id: 'c1', model: 'm', choices: [{ index: 0, message: { role: 'assistant', content: '<think>hm</think>\n42' }, finish_reason: 'stop' }], usage: { prompt_tokens: 3, completion_tokens: 4 } },
      { quirks: DEFAULT_QUIRKS, providerId: 'test' },
    );
    expect(mapped).toEqual({
      text: '42',
      reasoning: 'hm',
      finishReason: { unified: 'stop', raw: 'stop' },
      usage: { inputTokens: 3, outputTokens: 4, reasoningTokens: undefined, cachedInputTokens: undefined },
      response: { id: 'c1', modelId: 'm' },
    });
  });

  it('rejects a body without choices, or that is not JSON, as retryable', () => {
    for (const body of [{ choices: [] }, '<html>bad gateway</html>']) {
      let caught: unknown;
      try {
        mapResponse(body, { quirks: DEFAULT_QUIRKS, providerId: 'test' });
      } catch (error) {
        caught = error;
      }
      expect(APICallError.isInstance(caught) && caught.isRetryable).toBe(true);
    }
  });
});

describe('convertRequest', () => {
  const call = (settings: Record<string, unknown>, providerOptions?: Record<string, unknown>) => ({
    prompt: [
      { role: 'system' as const, content: 'Be brief.' },
      { role: 'user' as const, content: 'Hi' },
    ],
    settings,
    requestKey: 'k',
    ...(providerOptions === undefined ? {} : { providerOptions }),
  });

  it('maps settings onto the dialect, with stream options when the provider takes them', () => {
    const { body, warnings } = convertRequest(call({ temperature: 0, topP: 0.9, seed: 7, maxOutputTokens: 64, stopSequences: ['\n\n'] }), {
      providerId: 'openai',
      modelId: 'gpt-4o',
      quirks: resolveQuirks({ maxTokensField: 'max_completion_tokens' }),
      stream: true,
    });
    expect(body).toEqual({
      model: 'gpt-4o',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
      ],
      temperature: 0,
      top_p: 0.9,
      seed: 7,
      max_completion_tokens: 64,
      stop: ['\n\n'],
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(warnings).toEqual([]);
  });

  it('warns about topK and an unsupported seed instead of dropping them silently; merges providerOptions', () => {
    const { body, warnings } = convertRequest(call({ topK: 40, seed: 1, maxOutputTokens: 10 }, { mistral: { safe_prompt: true }, other: { x: 1 } }), {
      providerId: 'mistral',
      modelId: 'mistral-small',
      quirks: resolveQuirks({ seed: false, streamUsage: false }),
      stream: true,
    });
    expect(body).toEqual({ model: 'mistral-small', messages: expect.any(Array), max_tokens: 10, stream: true, safe_prompt: true });
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/topK/);
    expect(warnings[1]).toMatch(/seed/);
  });
});
