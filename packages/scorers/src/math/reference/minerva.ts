import { pyStrip } from '../python.js';

/**
 * lm-eval `tasks/minerva_math/utils.py` string handling (Lewkowycz et al. 2022, App. D). The task's
 * equivalence check (`sympy.simplify(parse_latex(a) - parse_latex(b)) == 0`) is not ported.
 * Python `.` (any character but "\n") is written `[^\n]`: JavaScript's `.` also stops at \r, U+2028, U+2029.
 */

export const MINERVA_INVALID = '[invalidanswer]';

const FINAL_ANSWER = /Final Answer: The final answer is([^\n]*?)[^\n] I hope it is correct[^\n]/u;

/** `get_unnormalized_answer`: appends "I hope it is correct." and reads "Final Answer: The final answer is(.*?). I hope it is correct." */
export function getUnnormalizedAnswer(text: string): string {
  const match = FINAL_ANSWER.exec(`${text}I hope it is correct.`);
  return match === null ? MINERVA_INVALID : pyStrip(match[1] ?? '');
}

export const SUBSTITUTIONS: ReadonlyArray<readonly [string, string]> = [
  ['an ', ''],
  ['a ', ''],
  ['.$', '$'],
  ['\\$', ''],
  ['\\ ', ''],
  [' ', ''],
  ['mbox', 'text'],
  [',\\text{and}', ','],
  ['\\text{and}', ','],
  ['\\text{m}', '\\text{}'],
];

export const REMOVED_EXPRESSIONS: readonly string[] = [
  'square', 'ways', 'integers', 'dollars', 'mph', 'inches', 'ft', 'hours', 'km', 'units', '\\ldots', 'sue',
  'points', 'feet', 'minutes', 'digits', 'cents', 'degrees', 'cm', 'gm', 'pounds', 'meters', 'meals', 'edges',
  'students', 'childrentickets', 'multiples', '\\text{s}', '\\text{.}', '\\text{\ns}', '\\text{}^2', '\\text{}^3',
  '\\text{\n}', '\\text{}', '\\mathrm{th}', '^\\circ', '^{\\circ}', '\\;', ',\\!', '{,}', '"', '\\dots',
];

/**
 * Python `str.isdigit()`: Unicode Numeric_Type Decimal or Digit. JavaScript has no Numeric_Type property;
 * this is \p{Nd} plus the common Digit-type characters (super/subscripts, circled and dingbat digits).
 */
const PY_ISDIGIT = /^[\p{Nd}\u00b2\u00b3\u00b9\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468\u2474-\u247c\u2488-\u2490\u24ea\u24f5-\u24fd\u24ff\u2776-\u277e\u2780-\u2788\u278a-\u2792\u1369-\u1371\u19da]+$/u;

/** `normalize_final_answer`, in upstream order. */
export function normalizeFinalAnswer(finalAnswer: string): string {
  let s = finalAnswer.split('=').at(-1) ?? '';
  for (const [before, after] of SUBSTITUTIONS) s = s.replaceAll(before, after);
  for (const expression of REMOVED_EXPRESSIONS) s = s.replaceAll(expression, '');
  s = s.replace(/([^\n]*?)(\$)([^\n]*?)(\$)([^\n]*)/gu, (_m, _a: string, _d: string, inner: string) => `$${inner}$`);
  s = s.replace(/(\\text\{)([^\n]*?)(\})/gu, (_m, _a: string, inner: string) => inner);
  s = s.replace(/(\\textbf\{)([^\n]*?)(\})/gu, (_m, _a: string, inner: string) => inner);
  s = s.replace(/(\\overline\{)([^\n]*?)(\})/gu, (_m, _a: string, inner: string) => inner);
  s = s.replace(/(\\boxed\{)([^\n]*)(\})/gu, (_m, _a: string, inner: string) => inner);
  s = s.replace(/(frac)([^{])([^\n])/gu, (_m, _f: string, a: string, b: string) => `frac{${a}}{${b}}`);
  s = s.replace(/(sqrt)([^{])/gu, (_m, _f: string, a: string) => `sqrt{${a}}`);
  s = s.replaceAll('$', '');
  if (PY_ISDIGIT.test(s.replaceAll(',', ''))) s = s.replaceAll(',', '');
  return pyStrip(s);
}
