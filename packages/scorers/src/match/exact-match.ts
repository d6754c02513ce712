import type { Scorer } from '@ladder/core';
import { foldText } from '../text/normalize.js';

export interface ExactMatchOptions {
  /** Compare case-sensitively (default false). */
  caseSensitive?: boolean;
}

/**
 * Right when the whole answer equals one of the targets after folding width, whitespace,
 * (by default) case, and trailing sentence punctuation.
 */
export function exactMatch(options: ExactMatchOptions = {}): Scorer {
  const normalize = (text: string) => {
    const folded = foldText(text).replace(/[.!?。！？]+$/u, '').trim();
    return options.caseSensitive === true ? folded : folded.toLowerCase();
  };
  return {
    name: 'exact',
    metric: { name: 'accuracy', kind: 'proportion', scale: 1 },
    score({ sample, output }) {
      const answer = normalize(output);
      if (answer === '') return { value: 0, answer: '', unanswered: true, explanation: 'empty answer' };
      const hit = sample.targets.find((target) => normalize(target) === answer);
      return hit === undefined
        ? { value: 0, answer, explanation: `expected ${sample.targets.map((target) => JSON.stringify(target)).join(' or ')}` }
        : { value: 1, answer };
    },
  };
}
