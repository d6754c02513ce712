import type { Scorer } from '@ladder/core';
import { bleuFromStatistics, bleuSegmentStatistics, type BleuOptions } from './bleu.js';
import { chrfSegmentStatistics } from './chrf.js';
import { bleuSignature, chrfSignature } from './sacrebleu-signature.js';

export interface BleuScorerOptions extends Pick<BleuOptions, 'tokenize' | 'lowercase'> {
  /** References per sample, for the signature (default 1). */
  references?: number;
  /** Corpus metrics reported beside BLEU from the same answers: `chrF`, `chrF++` (sacreBLEU defaults). */
  secondary?: ('chrF' | 'chrF++')[];
}

/**
 * Corpus BLEU (metric `BLEU`, kind `corpus`): each sample keeps its BLEU statistics, the suite
 * value is BLEU of their sum, as sacreBLEU reports it (`exp` smoothing, no effective order, max
 * order 4: the corpus metric's settings). Each sample's own value is its sentence BLEU with
 * effective order, for drill-down. `tokenize` picks the tokenizer (`zh` for Chinese output); the
 * metric's signature records it. `secondary` adds corpus chrF / chrF++ from the same answers.
 */
export function bleu(options: BleuScorerOptions = {}): Scorer {
  const tokenize = options.tokenize ?? '13a';
  const bleuOptions: BleuOptions = { tokenize, ...(options.lowercase === true ? { lowercase: true } : {}) };
  const context = { nrefs: options.references ?? 1 };
  const secondary = options.secondary ?? [];
  const wordOrder = (name: 'chrF' | 'chrF++') => (name === 'chrF++' ? 2 : 0);
  return {
    name: tokenize === '13a' ? 'bleu' : `bleu-${tokenize}`,
    metric: {
      name: 'BLEU',
      kind: 'corpus',
      scale: 100,
      signature: bleuSignature(context, bleuOptions),
      ...(secondary.length === 0 ? {} : { secondary: secondary.map((name) => ({ name, signature: chrfSignature(context, { wordOrder: wordOrder(name) }) })) }),
    },
    score({ sample, output }) {
      const answer = output.trim();
      const statistics = bleuSegmentStatistics(answer, sample.targets, bleuOptions);
      const metrics =
        secondary.length === 0 ? {} : { metrics: Object.fromEntries(secondary.map((name) => [name, chrfSegmentStatistics(answer, sample.targets, { wordOrder: wordOrder(name) })])) };
      if (answer === '') return { value: 0, answer: '', unanswered: true, explanation: 'empty translation', statistics, ...metrics };
      return { value: bleuFromStatistics(statistics, { effectiveOrder: true }).score, answer, statistics, ...metrics };
    },
  };
}
