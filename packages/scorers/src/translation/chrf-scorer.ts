import type { Scorer } from '@ladder/core';
import { chrfSentence, type ChrfOptions } from './chrf.js';

/**
 * Sentence-level chrF (sacreBLEU defaults; `wordOrder: 2` for chrF++) of the answer against
 * the sample's references, 0..100. The suite value is the mean of sentence scores.
 */
export function chrf(options: ChrfOptions = {}): Scorer {
  const name = (options.wordOrder ?? 0) > 0 ? 'chrf++' : 'chrf';
  return {
    name,
    metric: { name: name === 'chrf' ? 'chrF' : 'chrF++', kind: 'mean', scale: 100 },
    score({ sample, output }) {
      const answer = output.trim();
      if (answer === '') return { value: 0, answer: '', unanswered: true, explanation: 'empty translation' };
      return { value: chrfSentence(answer, sample.targets, options), answer };
    },
  };
}
