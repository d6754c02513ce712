import { describe, expect, it } from 'vitest';
import { chrfCorpus, chrfSentence, type ChrfOptions } from './chrf.js';
import { chrf } from './chrf-scorer.js';
import { sacrebleuVectors, type SacrebleuVector } from './sacrebleu-vectors.test-helpers.js';

const chrfVectors = sacrebleuVectors().vectors.filter((vector) => vector.metric === 'chrF');

function optionsOf(vector: SacrebleuVector): ChrfOptions {
  const options = vector.options as { char_order: number; word_order: number; beta: number; lowercase: boolean; whitespace: boolean; eps_smoothing: boolean };
  return {
    charOrder: options.char_order,
    wordOrder: options.word_order,
    beta: options.beta,
    lowercase: options.lowercase,
    whitespace: options.whitespace,
    epsSmoothing: options.eps_smoothing,
  };
}

describe('chrF / chrF++ against sacreBLEU', () => {
  it('has the vectors', () => expect(chrfVectors.length).toBeGreaterThanOrEqual(40));

  it.each(chrfVectors.map((vector) => [vector.id, vector] as const))('%s', (_id, vector) => {
    const options = optionsOf(vector);
    const score =
      vector.level === 'sentence'
        ? chrfSentence(vector.hyps as string, vector.refs as string[], options)
        : chrfCorpus(vector.hyps as string[], vector.refs as (string | null)[][], options);
    expect(Math.abs(score - vector.computed)).toBeLessThanOrEqual(1e-9);
    if (vector.expected !== undefined) expect(Math.abs(score - vector.expected)).toBeLessThanOrEqual(vector.tolerance ?? 1e-4);
  });
});

describe('the chrf scorer', () => {
  const sample = { id: 'x', input: '', targets: ['The cat is sitting on the mat.'], metadata: {} };

  it('scores 100 for the reference and less for a paraphrase', async () => {
    expect((await chrf().score({ sample, output: 'The cat is sitting on the mat.' })).value).toBeCloseTo(100, 9);
    expect((await chrf().score({ sample, output: 'The cat sat on the mat.' })).value).toBeCloseTo(49.6485170311433, 9);
    expect((await chrf({ wordOrder: 2 }).score({ sample, output: 'The cat sat on the mat.' })).value).toBeCloseTo(54.2551855194941, 9);
  });

  it('counts Chinese by code point, with no tokenizer', async () => {
    const chinese = { id: 'z', input: '', targets: ['我们明天早上八点出发。'], metadata: {} };
    expect((await chrf().score({ sample: chinese, output: '我们明天早上八点出发。' })).value).toBeCloseTo(100, 9);
    const partial = (await chrf().score({ sample: chinese, output: '我们明天出发。' })).value;
    expect(partial).toBeGreaterThan(20);
    expect(partial).toBeLessThan(80);
  });

  it('marks an empty translation unanswered', async () => {
    expect(await chrf().score({ sample, output: '  ' })).toMatchObject({ value: 0, unanswered: true });
  });
});
