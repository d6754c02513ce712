import type { Scorer } from '@ladder/core';
import { bleuFromStatistics, bleuSegmentStatistics, type BleuOptions } from './bleu.js';

/**
 * Corpus BLEU (metric `BLEU`, kind `corpus`): each sample keeps its BLEU statistics, the suite
 * value is BLEU of their sum, as sacreBLEU reports it (`exp` smoothing, no effective order, max
 * order 4: the corpus metric's settings). Each sample's own value is its sentence BLEU with
 * effective order, for drill-down. `tokenize` picks the tokenizer (`zh` for Chinese output).
 */
export function bleu(options: Pick<BleuOptions, 'tokenize' | 'lowercase'> = {}): Scorer {
  const tokenize = options.tokenize ?? '13a';
  return {
    name: tokenize === '13a' ? 'bleu' : `bleu-${tokenize}`,
    metric: { name: 'BLEU', kind: 'corpus', scale: 100 },
    score({ sample, output }) {
      const answer = output.trim();
      const statistics = bleuSegmentStatistics(answer, sample.targets, options);
      const value = bleuFromStatistics(statistics, { effectiveOrder: true }).score;
      if (answer === '') return { value: 0, answer: '', unanswered: true, explanation: 'empty translation', statistics };
      return { value, answer, statistics };
    },
  };
}
