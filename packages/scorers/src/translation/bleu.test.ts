import { describe, expect, it } from 'vitest';
import { bleu } from './bleu-scorer.js';
import { corpusValue } from './corpus-metric.js';
import { bleuFromStatistics, corpusBleu, sentenceBleu, type BleuOptions, type BleuScore, type BleuSmoothMethod } from './bleu.js';
import { bleuTokenizer, type BleuTokenizerName } from './bleu-tokenizers.js';
import { sacrebleuVectors, type SacrebleuVector } from './sacrebleu-vectors.test-helpers.js';

const { vectors, tokenizerVectors } = sacrebleuVectors();
const bleuVectors = vectors.filter((vector) => vector.metric === 'BLEU');

function optionsOf(vector: SacrebleuVector): BleuOptions {
  const options = vector.options as {
    lowercase?: boolean;
    tokenize?: BleuTokenizerName;
    smooth_method: BleuSmoothMethod;
    smooth_value: number | null;
    max_ngram_order: number;
    effective_order: boolean;
  };
  return {
    ...(options.tokenize === undefined ? {} : { tokenize: options.tokenize }),
    lowercase: options.lowercase ?? false,
    smoothMethod: options.smooth_method,
    ...(options.smooth_value === null ? {} : { smoothValue: options.smooth_value }),
    maxNgramOrder: options.max_ngram_order,
    effectiveOrder: options.effective_order,
  };
}

function scoreOf(vector: SacrebleuVector): BleuScore {
  const options = optionsOf(vector);
  if (vector.level === 'sentence') return sentenceBleu(vector.hyps as string, vector.refs as string[], options);
  if (vector.level === 'corpus') return corpusBleu(vector.hyps as string[], vector.refs as (string | null)[][], options);
  const correct = vector.correct as number[];
  const total = vector.total as number[];
  return bleuFromStatistics([vector.sys_len as number, vector.ref_len as number, ...correct, ...total], options);
}

describe('BLEU against sacreBLEU 2.6.0', () => {
  it('has every BLEU vector', () => expect(bleuVectors.length).toBe(61));

  it.each(bleuVectors.map((vector) => [vector.id, vector] as const))('%s', (_id, vector) => {
    const score = scoreOf(vector);
    expect(Math.abs(score.score - vector.computed)).toBeLessThanOrEqual(1e-9);
    if (vector.expected !== undefined) expect(Math.abs(score.score - vector.expected)).toBeLessThanOrEqual(vector.tolerance ?? 1e-4);
    const stats = vector.computed_stats;
    if (stats !== undefined) {
      // sacreBLEU's add-k adds k to the count and total lists in place (orders >= 2), so its
      // BLEUScore reports them smoothed; Ladder reports the raw sums.
      const options = optionsOf(vector);
      const added = options.smoothMethod === 'add-k' && score.counts[0] !== 0 ? (options.smoothValue ?? 1) : 0;
      expect(score.counts.map((count, index) => (index > 0 ? count + added : count))).toEqual(stats.counts);
      expect(score.totals.map((total, index) => (index > 0 ? total + added : total))).toEqual(stats.totals);
      expect(score.sysLen).toBe(stats.sys_len);
      expect(score.refLen).toBe(stats.ref_len);
      expect(Math.abs(score.bp - stats.bp)).toBeLessThanOrEqual(1e-12);
    }
    if (vector.expected_counts !== undefined) expect(score.counts).toEqual(vector.expected_counts);
    if (vector.expected_totals !== undefined) expect(score.totals).toEqual(vector.expected_totals);
  });
});

describe('BLEU tokenizers against sacreBLEU 2.6.0', () => {
  const bleuTokenizerVectors = tokenizerVectors.filter((vector) => vector.tokenizer !== 'tercom');

  it('has the 13a, intl, zh and char vectors', () => expect(bleuTokenizerVectors.length).toBe(112));

  it.each(bleuTokenizerVectors.map((vector) => [`${vector.tokenizer}: ${JSON.stringify(vector.input)}`, vector] as const))('%s', (_name, vector) => {
    expect(bleuTokenizer(vector.tokenizer as BleuTokenizerName)(vector.input)).toBe(vector.expected);
  });

  it('splits Python whitespace only (not U+FEFF or U+200B), and `none` leaves the line alone', () => {
    expect(bleuTokenizer('13a')('a\u001cb\u0085c\ufeffd\u200be')).toBe('a b c\ufeffd\u200be');
    expect(bleuTokenizer('none')('  a  b ')).toBe('  a  b ');
  });

  // Expected values produced by sacreBLEU 2.6.0's TokenizerZh (pip, in a throwaway venv).
  it('zh: the upstream range bug splits U+2001..U+2A6D, but not CJK Extension B', () => {
    expect(bleuTokenizer('zh')('a\u2010b\u2a6dd\u2a6ee')).toBe('a \u2010 b \u2a6d d\u2a6ee');
    expect(bleuTokenizer('zh')('a\u200bb\ufeffc\u2028d')).toBe('a \u200b b\ufeffc d');
    expect(bleuTokenizer('zh')('\u{20000}\u{2a6d6}')).toBe('\u{20000}\u{2a6d6}');
  });
});

describe('BLEU details', () => {
  it('lowercases before tokenizing and strips only the right side', () => {
    expect(sentenceBleu('THE CAT', ['the cat'], { lowercase: true }).score).toBeCloseTo(100, 9);
    expect(sentenceBleu('the cat \u3000', ['the cat']).score).toBeCloseTo(100, 9);
  });

  it('refuses statistics of the wrong length and a segment without references', () => {
    expect(() => bleuFromStatistics([1, 2, 3], {})).toThrow(/expected 10 statistics/);
    expect(() => corpusBleu(['a'], [[null]])).toThrow(/segment 1 has no reference/);
  });
});

describe('the bleu scorer and the BLEU corpus metric', () => {
  const sample = (targets: string[]) => ({ id: 'x', input: '', targets, metadata: {} });

  it('keeps segment statistics whose sum gives corpus BLEU', async () => {
    const hypotheses = ['The dog bit the man.', "It wasn't surprising.", 'The man had just bitten him.'];
    const references = [['The dog bit the man.', 'The dog had bit the man.'], ['It was not unexpected.', 'No one was surprised.'], ['The man bit him first.', 'The man had bitten the dog.']];
    const scorer = bleu();
    expect(scorer.metric).toEqual({ name: 'BLEU', kind: 'corpus', scale: 100, signature: 'nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0-ladder' });
    const rows = await Promise.all(hypotheses.map(async (output, index) => (await scorer.score({ sample: sample(references[index] as string[]), output })).statistics as number[]));
    expect(corpusValue('BLEU', rows)).toBeCloseTo(48.530827009929865, 9);
  });

  it('tokenizes Chinese with zh when asked, and marks an empty translation unanswered', async () => {
    const chinese = sample(['我们都是中国人。']);
    expect((await bleu({ tokenize: 'zh' }).score({ sample: chinese, output: '我们是中国人。' })).value).toBeCloseTo(61.29752413741059, 9);
    expect((await bleu({ tokenize: 'zh' }).score({ sample: chinese, output: '我们都是中国人。' })).value).toBeCloseTo(100, 9);
    expect(await bleu().score({ sample: chinese, output: ' ' })).toMatchObject({ value: 0, unanswered: true });
  });
});
