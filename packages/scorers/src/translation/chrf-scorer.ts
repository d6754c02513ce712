import type { Scorer } from '@ladder/core';
import { chrfFromStatistics, chrfSegmentStatistics, chrfSentence, type ChrfOptions } from './chrf.js';

export interface ChrfScorerOptions extends ChrfOptions {
  /**
   * `sentence` (default): the suite value is the mean of sentence scores. `corpus`: each sample
   * keeps its n-gram statistics and the suite value is corpus chrF, as sacreBLEU reports it
   * (only with the default character order, beta and no eps smoothing, the corpus metrics' settings).
   */
  level?: 'sentence' | 'corpus';
}

/**
 * chrF (sacreBLEU defaults; `wordOrder: 2` for chrF++) of the answer against the sample's
 * references, 0..100.
 */
export function chrf(options: ChrfScorerOptions = {}): Scorer {
  const { level = 'sentence', ...chrfOptions } = options;
  const name = (chrfOptions.wordOrder ?? 0) > 0 ? 'chrf++' : 'chrf';
  const metricName = name === 'chrf' ? 'chrF' : 'chrF++';
  if (level === 'corpus') {
    return {
      name: `${name}-corpus`,
      metric: { name: metricName, kind: 'corpus', scale: 100 },
      score({ sample, output }) {
        const answer = output.trim();
        const statistics = chrfSegmentStatistics(answer, sample.targets, chrfOptions);
        if (answer === '') return { value: 0, answer: '', unanswered: true, explanation: 'empty translation', statistics };
        return { value: chrfFromStatistics(statistics, chrfOptions), answer, statistics };
      },
    };
  }
  return {
    name,
    metric: { name: metricName, kind: 'mean', scale: 100 },
    score({ sample, output }) {
      const answer = output.trim();
      if (answer === '') return { value: 0, answer: '', unanswered: true, explanation: 'empty translation' };
      return { value: chrfSentence(answer, sample.targets, chrfOptions), answer };
    },
  };
}
