import { type Scorer } from '@ladder/core';
import { jsFunctionTests } from './code/js-function-tests.js';
import { pythonFunctionTests } from './code/python-function-tests.js';
import { choiceMatch } from './match/choice-match.js';
import { exactMatch } from './match/exact-match.js';
import { mathAnswer } from './math/scorer.js';
import { gsm8kStrict, mathHendrycks } from './math/reference/scorers.js';
import { mathVerify } from './math/verify/scorer.js';
import { numericMatch } from './match/numeric-match.js';
import { bleu } from './translation/bleu-scorer.js';
import { chrf } from './translation/chrf-scorer.js';

export interface ScorerEntry {
  description: string;
  create(): Scorer;
}

/** The scorers a suite can name with a string (`defineSuite({ scorer: 'number' })`). */
export const builtinScorers = {
  exact: { description: 'the whole answer equals a target (case, width and whitespace folded)', create: () => exactMatch() },
  number: { description: 'the answer number ("The answer is 42", "答案是 42", "#### 42", else the last number) equals the target', create: () => numericMatch() },
  choice: { description: 'the chosen option letter ("Answer: C", "答案是 C", "(C)") equals the target letter', create: () => choiceMatch() },
  chrf: { description: 'sentence chrF against the reference(s), 0..100 (sacreBLEU defaults)', create: () => chrf() },
  'chrf++': { description: 'sentence chrF++ (chrF plus word bigrams), 0..100', create: () => chrf({ wordOrder: 2 }) },
  'chrf-corpus': { description: 'corpus chrF (n-gram statistics summed over the suite, as sacreBLEU reports it), 0..100', create: () => chrf({ level: 'corpus' }) },
  'chrf++-corpus': { description: 'corpus chrF++, 0..100', create: () => chrf({ level: 'corpus', wordOrder: 2 }) },
  bleu: { description: 'corpus BLEU as sacreBLEU 2.6 (13a tokenizer), with corpus chrF beside it, 0..100', create: () => bleu({ secondary: ['chrF'] }) },
  'bleu-zh': { description: 'corpus BLEU with the zh tokenizer (Chinese output), with corpus chrF beside it, 0..100', create: () => bleu({ tokenize: 'zh', secondary: ['chrF'] }) },
  'js-tests': { description: 'the JavaScript in the answer passes the item\'s "tests" (run with node in the sandbox)', create: () => jsFunctionTests() },
  'python-tests': {
    description: 'the Python function in the answer passes the item\'s "tests" (fields entryPoint, tests; optional prompt, setup), run with /usr/bin/python3 in the sandbox',
    create: () => pythonFunctionTests(),
  },
  math: { description: 'the final math answer (last \\boxed{}, "The answer is", else the last number) equals a target: Qwen2.5-Math normalisation, numbers within 1e-4, symbolic equivalence', create: () => mathAnswer() },
  'math-hendrycks': { description: 'reproduces Hendrycks MATH: the last \\boxed{} (lm-eval variant) equals a target under hendrycks/math is_equiv string normalisation (no numeric or symbolic equivalence)', create: () => mathHendrycks() },
  'math-verify': { description: 'reproduces Hugging Face Math-Verify: answer extracted by priority (final answer, \\boxed{}, last LaTeX or number) and compared as a value — floats to 6 decimals, sets, intervals, tuples, relations, matrices', create: () => mathVerify() },
  'gsm8k-strict': { description: 'reproduces grade-school-math: the first "#### <number>" (commas removed) equals the target string; none is unanswered', create: () => gsm8kStrict() },
} satisfies Record<string, ScorerEntry>;

export type BuiltinScorerName = keyof typeof builtinScorers;

/** A built-in scorer by name; an Error naming the known ones otherwise. */
export function resolveScorer(name: string): Scorer {
  const entry = (builtinScorers as Record<string, ScorerEntry>)[name];
  if (entry === undefined) {
    throw new Error(`unknown scorer "${name}"; known: ${Object.keys(builtinScorers).join(', ')}`);
  }
  return entry.create();
}
