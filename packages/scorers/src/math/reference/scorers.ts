import type { Scorer } from '@ladder/core';
import { pyStrip } from '../python.js';
import { lmEvalLastBoxedOnlyString, lmEvalRemoveBoxed } from './boxed.js';
import { GSM8K_INVALID, gsm8kExtractAnswer } from './gsm8k.js';
import { hendrycksIsEquiv } from './hendrycks.js';

const ACCURACY = { name: 'accuracy', kind: 'proportion', scale: 1 } as const;

/**
 * Reproduces Hendrycks MATH scoring: the last boxed answer (lm-eval variant, "\boxed " supported),
 * unboxed, compared with each target by `hendrycksIsEquiv`. No `\boxed` answer is `unanswered`.
 */
export function mathHendrycks(): Scorer {
  return {
    name: 'math-hendrycks',
    metric: ACCURACY,
    score({ sample, output }) {
      const boxed = lmEvalLastBoxedOnlyString(output);
      const answer = boxed === undefined ? undefined : lmEvalRemoveBoxed(boxed);
      if (answer === undefined) return { value: 0, unanswered: true, explanation: 'no closed \\boxed{} answer' };
      return sample.targets.some((target) => hendrycksIsEquiv(answer, target))
        ? { value: 1, answer }
        : { value: 0, answer, explanation: `expected ${sample.targets.map((t) => JSON.stringify(t)).join(' or ')}, got ${JSON.stringify(answer)}` };
    },
  };
}

/**
 * Reproduces grade-school-math scoring: `gsm8kExtractAnswer` (first "#### <number>", commas removed)
 * equals a target (stripped, commas removed) as a string. "[invalid]" is `unanswered`.
 */
export function gsm8kStrict(): Scorer {
  return {
    name: 'gsm8k-strict',
    metric: ACCURACY,
    score({ sample, output }) {
      const answer = gsm8kExtractAnswer(output);
      if (answer === GSM8K_INVALID) return { value: 0, unanswered: true, explanation: 'no "#### <number>" line' };
      const targets = sample.targets.map((target) => pyStrip(target).replaceAll(',', ''));
      return targets.includes(answer)
        ? { value: 1, answer }
        : { value: 0, answer, explanation: `expected ${targets.join(' or ')}, got ${answer}` };
    },
  };
}
