import { setTimeout as sleep } from 'node:timers/promises';
import type { LanguageModelV1, StreamPart } from '@ladder/core';
import { describe, expect, it } from 'vitest';
import { callModel } from './call-model.js';

/** A model that streams the deltas with a pause before each. */
function streamingModel(deltas: string[], pauseMs: number): LanguageModelV1 {
  return {
    specificationVersion: 'v1',
    provider: 'test',
    modelId: 'stream',
    doGenerate: () => Promise.reject(new Error('not used')),
    async doStream() {
      async function* stream(): AsyncIterable<StreamPart> {
        for (const delta of deltas) {
          await sleep(pauseMs);
          yield { type: 'text-delta', delta };
        }
        yield { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage: { inputTokens: 3, outputTokens: deltas.length } };
      }
      return { stream: stream() };
    },
  };
}

describe('callModel throughput', () => {
  it('counts output words (each Chinese character one word) and characters per second after the first delta', async () => {
    const deltas = ['我们', '明天', '早上', '八点', '出发。'];
    const answer = await callModel(streamingModel(deltas, 40), { prompt: [], settings: {}, requestKey: 'k', timeoutMs: 10_000 });
    expect(answer.text).toBe('我们明天早上八点出发。');
    const decodeSeconds = (answer.timing.totalMs - (answer.timing.firstTokenMs ?? 0)) / 1000;
    // 10 words and 11 characters, of which the first delta holds 2 of each.
    expect(answer.timing.outputWordsPerSecond).toBeCloseTo(8 / decodeSeconds, 0);
    expect(answer.timing.outputCharactersPerSecond).toBeCloseTo(9 / decodeSeconds, 0);
  });

  it('English words are whitespace and punctuation separated; a single delta gives no rate', async () => {
    const answer = await callModel(streamingModel(['Hello', ', wide', ' world!'], 30), { prompt: [], settings: {}, requestKey: 'k', timeoutMs: 10_000 });
    const decodeSeconds = (answer.timing.totalMs - (answer.timing.firstTokenMs ?? 0)) / 1000;
    expect(answer.timing.outputWordsPerSecond).toBeCloseTo(2 / decodeSeconds, 0);
    const single = await callModel(streamingModel(['Hello.'], 1), { prompt: [], settings: {}, requestKey: 'k', timeoutMs: 10_000 });
    expect(single.timing.outputWordsPerSecond).toBeNull();
  });
});
