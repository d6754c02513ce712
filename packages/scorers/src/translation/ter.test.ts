import { describe, expect, it } from 'vitest';
import { sacrebleuVectors, type SacrebleuVector } from './sacrebleu-vectors.test-helpers.js';
import { corpusTer, sentenceTer, translationEditRate, type TerOptions } from './ter.js';
import { tercomTokenize } from './tercom-tokenizer.js';

const { vectors, tokenizerVectors } = sacrebleuVectors();

function optionsOf(raw: Record<string, unknown>): TerOptions {
  return {
    normalized: raw.normalized === true,
    noPunct: raw.no_punct === true,
    asianSupport: raw.asian_support === true,
    caseSensitive: raw.case_sensitive === true,
  };
}

describe('TER against sacreBLEU 2.6.0', () => {
  const terVectors = vectors.filter((vector) => vector.metric === 'TER');

  it('has the TER vectors', () => expect(terVectors).toHaveLength(7));

  it.each(terVectors.map((vector) => [vector.id, vector] as const))('%s', (_id, vector: SacrebleuVector) => {
    const score = corpusTer(vector.hyps as string[], vector.refs as (string | null)[][], optionsOf(vector.options));
    expect(Math.abs(score.score - vector.computed)).toBeLessThanOrEqual(1e-9);
    if (vector.expected !== undefined) expect(Math.abs(score.score - vector.expected)).toBeLessThanOrEqual(vector.tolerance ?? 1e-4);
    expect(score.numEdits).toBe(vector.computed_num_edits);
    expect(score.refLength).toBe(vector.computed_ref_length);
  });
});

describe('the Tercom tokenizer against sacreBLEU 2.6.0', () => {
  const tercomVectors = tokenizerVectors.filter((vector) => vector.tokenizer === 'tercom');

  it('has the tokenizer vectors', () => expect(tercomVectors).toHaveLength(11));

  it.each(tercomVectors.map((vector) => [`${JSON.stringify(vector.options)} ${JSON.stringify(vector.input)}`, vector] as const))('%s', (_name, vector) => {
    expect(tercomTokenize(vector.input, optionsOf(vector.options))).toBe(vector.expected);
  });
});

describe('TER details', () => {
  it('counts a block shift as one edit', () => {
    expect(translationEditRate('d e f g h a b c'.split(' '), 'a b c d e f g h'.split(' '))).toEqual({ edits: 1, referenceLength: 8 });
  });

  it('takes the closest reference and the mean reference length', () => {
    expect(sentenceTer('a b c', ['a b c d', 'x y'])).toEqual({ score: 100 * (1 / 3), numEdits: 1, refLength: 3 });
  });
});
