import { describe, expect, it } from 'vitest';
import { corpusBleu } from './bleu.js';
import { chrfCorpus } from './chrf.js';
import { compareTranslations, scoreTranslations } from './score-translations.js';
import { corpusTer } from './ter.js';

const hypotheses = ['The dog bit the man.', "It wasn't surprising.", 'The man had just bitten him.'];
const first = ['The dog bit the man.', 'It was not unexpected.', 'The man bit him first.'];
const second = ['The dog had bit the man.', 'No one was surprised.', 'The man had bitten the dog.'];

describe('scoreTranslations', () => {
  it('gives each metric its corpus score, statistics and signature', () => {
    const scores = scoreTranslations(hypotheses, [first], { metrics: ['bleu', 'chrf', 'chrf++', 'ter'] });
    expect(scores.bleu?.score).toBe(corpusBleu(hypotheses, [first]).score);
    expect(scores.chrf?.score).toBe(chrfCorpus(hypotheses, [first]));
    expect(scores['chrf++']?.score).toBe(chrfCorpus(hypotheses, [first], { wordOrder: 2 }));
    expect(scores.ter?.score).toBe(corpusTer(hypotheses, [first]).score);
    expect(scores.chrf).toMatchObject({ char_order: 6, word_order: 0, beta: 2 });
    expect(scores.chrf).not.toHaveProperty('word_ngrams');
    expect(scores.bleu?.signature).toBe('nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0-ladder');
  });

  it('with several references chrF is computed on its own (its best reference may differ from chrF++)', () => {
    const scores = scoreTranslations(hypotheses, [first, second], { metrics: ['chrf', 'chrf++'] });
    expect(scores.chrf?.score).toBe(chrfCorpus(hypotheses, [first, second]));
    expect(scores['chrf++']?.score).toBe(chrfCorpus(hypotheses, [first, second], { wordOrder: 2 }));
    expect(scores.chrf?.signature).toMatch(/^nrefs:2\|/);
  });

  it('compares two systems with the paired bootstrap', () => {
    const result = compareTranslations(hypotheses, first, [first], { metrics: ['bleu', 'chrf'], resamples: 50 });
    expect(result.bleu?.system.score).toBeCloseTo(100, 9);
    expect(result.bleu?.difference).toBeGreaterThan(0);
    expect(result.chrf?.signature).toBe('nrefs:1|bs:50|seed:12345|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0-ladder');
  });
});
