import type { Scorer } from '@ladder/core';
import { extractAnswerNumber, parseNumber } from './extract-number.js';

export interface NumericMatchOptions {
  /** Relative tolerance of the comparison (default 1e-9). */
  relativeTolerance?: number;
}

/**
 * For numeric answers: extracts the answer number (see `extractAnswerNumber`) and compares its
 * value with each target's. No number in the answer is `unanswered`.
 */
export function numericMatch(options: NumericMatchOptions = {}): Scorer {
  const tolerance = options.relativeTolerance ?? 1e-9;
  return {
    name: 'number',
    metric: { name: 'accuracy', kind: 'proportion', scale: 1 },
    score({ sample, output }) {
      const answer = extractAnswerNumber(output);
      if (answer === undefined) return { value: 0, unanswered: true, explanation: 'no number in the answer' };
      const value = parseNumber(answer);
      const right = sample.targets.some((target) => {
        const expected = parseNumber(target);
        return Number.isFinite(expected) && Math.abs(value - expected) <= tolerance * Math.max(1, Math.abs(expected));
      });
      return right
        ? { value: 1, answer }
        : { value: 0, answer, explanation: `expected ${sample.targets.join(' or ')}, got ${answer}` };
    },
  };
}
