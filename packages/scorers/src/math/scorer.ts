import type { Scorer } from '@ladder/core';
import { mathEqual, type MathEqualOptions } from './equal.js';
import { extractMathAnswer, type ExtractMathOptions } from './extract.js';
import { normalizeMathAnswer } from './normalize.js';

export interface MathAnswerOptions extends ExtractMathOptions, MathEqualOptions {}

/**
 * Competition math (MATH, AIME, …), graded as Qwen2.5-Math does: the answer is extracted
 * (`extractMathAnswer`: last `\boxed{}`, "The answer is", "答案是", else the last number) and compared with
 * each target (normalised the same way) by `mathEqual`: normalised strings, numbers within 1e-4, then
 * symbolic equivalence. Nothing extracted is `unanswered`.
 */
export function mathAnswer(options: MathAnswerOptions = {}): Scorer {
  const skipUnits = options.skipUnits === true;
  return {
    name: 'math',
    metric: { name: 'accuracy', kind: 'proportion', scale: 1 },
    score({ sample, output }) {
      let answer = extractMathAnswer(output, options);
      let keepUnits = skipUnits;
      if (answer === undefined && !skipUnits) {
        // Qwen's unit list removes whole answers such as \text{east} or "b > a > c" (its "east",
        // "a", "c" ...): compare those without unit stripping, so a right answer still matches.
        answer = extractMathAnswer(output, { ...options, skipUnits: true });
        keepUnits = true;
      }
      if (answer === undefined) return { value: 0, unanswered: true, explanation: 'no answer found (no \\boxed{}, "The answer is" or number)' };
      const targets = sample.targets.map((target) => normalizeMathAnswer(target, { skipUnits: keepUnits }));
      const hit = targets.some((target) => mathEqual(answer, target, options));
      return hit
        ? { value: 1, answer }
        : { value: 0, answer, explanation: `expected ${targets.map((target) => JSON.stringify(target)).join(' or ')}, got ${JSON.stringify(answer)}` };
    },
  };
}
