import type { Scorer } from '@ladder/core';
import { extractChoice } from './extract-choice.js';

/**
 * Multiple choice: extracts the chosen letter (`extractChoice`) and compares it with the
 * target letter. No letter found is `unanswered`, its own status, never a silent guess.
 */
export function choiceMatch(): Scorer {
  return {
    name: 'choice',
    metric: { name: 'accuracy', kind: 'proportion', scale: 1 },
    score({ sample, output }) {
      const answer = extractChoice(output, sample.choices?.length ?? 4);
      if (answer === undefined) return { value: 0, unanswered: true, explanation: 'no option letter found in the answer' };
      const targets = sample.targets.map((target) => target.trim().toUpperCase());
      return targets.includes(answer)
        ? { value: 1, answer }
        : { value: 0, answer, explanation: `expected ${targets.join(' or ')}, got ${answer}` };
    },
  };
}
