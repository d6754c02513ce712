import { describe, expect, it } from 'vitest';
import { Deadline } from '../symbolic.js';
import { expressionsEqual } from './grader.js';
import { numberNode } from './nodes.js';
import { parseAnswer } from './parse.js';
import { fromDecimalString, rational } from './rational.js';
import { verifyAnswer, type VerifyOptions } from './verify.js';

/** verify(parse(gold), parse(prediction)) with parse's defaults. */
const same = (gold: string, prediction: string, options?: VerifyOptions) => verifyAnswer(parseAnswer(gold), parseAnswer(prediction), options);

describe('verifyAnswer (Math-Verify verify semantics)', () => {
  it('numbers: exact for rationals, rounded to floatRounding decimals when a float is involved', () => {
    expect(same('$\\frac{1}{3}$', '$\\frac{2}{6}$')).toBe(true);
    expect(same('$\\frac{1}{3}$', '$0.333333$')).toBe(true);
    expect(same('$\\frac{1}{3}$', '$0.3333$')).toBe(false);
    expect(same('$\\frac{1}{3}$', '$0.3333$', { floatRounding: 4 })).toBe(true);
    expect(same('$4.123105625617661$', '$\\sqrt{17}$', { floatRounding: 5 })).toBe(true);
    expect(same('$2$', '$\\frac{1+\\sqrt{5}}{2}$')).toBe(false);
    expect(same('$2\\sqrt{2}$', '$\\sqrt{8}$')).toBe(true);
  });

  it('sympy_expr_eq(Rational, Float, float_rounding) as the vector file notes (1/3 vs 0.333, 4/3 vs 1.333)', () => {
    const options = (floatRounding: number) => ({ floatRounding, strict: true, allowSetRelationComparison: false, deadline: new Deadline(5000) });
    const float = (text: string) => numberNode(fromDecimalString(text) ?? rational(0n), true);
    expect(expressionsEqual(numberNode(rational(1n, 3n)), float('0.333'), options(3))).toBe(true);
    expect(expressionsEqual(numberNode(rational(1n, 3n)), float('0.333'), options(4))).toBe(false);
    expect(expressionsEqual(numberNode(rational(4n, 3n)), float('1.333'), options(3))).toBe(true);
    expect(expressionsEqual(numberNode(rational(4n, 3n)), float('1.333'), options(4))).toBe(false);
  });

  it('percentages are hundredths: 28% = 28 percent = 0.28, but 28% ≠ 28', () => {
    expect(same('$28\\%$', '$\\boxed{28 percent}')).toBe(true);
    expect(same('$28\\%$', '$0.28$')).toBe(true);
    expect(same('$28\\%$', '$28$')).toBe(false);
  });

  it('the gold decides how an equation is read: "x = 5" vs "5" and "5" vs "x = 5" match, "2x + z = 1" vs "1" does not', () => {
    expect(same('$x = 5$', '$5$')).toBe(true);
    expect(same('$5$', 'so $x = 5$')).toBe(true);
    expect(same('$2x + z = 1$', '$1$')).toBe(false);
    expect(same('$x = 1$', '$y = 1$')).toBe(false);
  });

  it('relations up to rearrangement: mirrored, negated, and proportional equations', () => {
    expect(same('$x \\leq 5$', '$5 \\geq x$')).toBe(true);
    expect(same('$x <= 1$', '$-x >= -1$')).toBe(true);
    expect(same('$x < 1$', '$x > -1$')).toBe(false);
    expect(same('$2x+4y-3=0$', '$y=-\\frac{1}{2}x+\\frac{3}{4}$')).toBe(true);
    expect(same('$x^2/4 + y^2/3 = 1$', '$x^2/16 + y^2/12 = 1/4$')).toBe(true);
  });

  it('sets ignore order, tuples do not; intervals compare ends and brackets', () => {
    expect(same('$\\{1, 2, 3\\}$', '$\\{3, 1, 2\\}$')).toBe(true);
    expect(same('$(1, 2, 3)$', '$(3, 1, 2)$')).toBe(false);
    expect(same('$[0, 1)$', '$[0, 1)$')).toBe(true);
    expect(same('$(0, 9)$', '$[0, 9)$')).toBe(false);
    expect(same('$(\\frac{3}{5},\\frac{8}{3}]$', '$(0.6,2.6667]$', { floatRounding: 2 })).toBe(true);
    expect(same('$\\pm 2021$', '${-2021, 2021}$')).toBe(true);
  });

  it('a relation gold against a set prediction is solved; the reverse only with allowSetRelationComparison', () => {
    expect(same('$-2 \\le x \\le 7$', '$x \\in [-2,7]$')).toBe(true);
    expect(same('$1\\leq|z|\\leq \\frac{3}{2}$', '$z \\in [-\\frac{3}{2}, -1] \\cup [1, \\frac{3}{2}]$')).toBe(true);
    expect(same('$x \\in [-2,7]$', '$-2 \\le x \\le 7$')).toBe(false);
    expect(same('$x \\in [-2,7]$', '$-2 \\le x \\le 7$', { allowSetRelationComparison: true })).toBe(true);
  });

  it('matrices, evaluated', () => {
    expect(same('$\\begin{pmatrix}6 & 8 \\\\ 10 & 12\\end{pmatrix}$', '$\\begin{pmatrix}1 & 2 \\\\ 3 & 4\\end{pmatrix} + \\begin{pmatrix}5 & 6 \\\\ 7 & 8\\end{pmatrix}$')).toBe(true);
    expect(same('$\\begin{pmatrix}1 & 2 \\\\ 3 & 4\\end{pmatrix}$', '$\\begin{pmatrix}1 & 2 \\\\ 3 & 5\\end{pmatrix}$')).toBe(false);
  });

  it('symbolic equality, text answers, and strict mode for variable names', () => {
    expect(same('$\\tan^2(y)+1$', '$\\sec^2(y)$')).toBe(true);
    expect(same('$x+2n+1$', '$x+1$')).toBe(false);
    expect(same('$\\text{odd}$', '$odd$')).toBe(true);
    expect(same('$f(x)$', '$f(y)$')).toBe(false);
    expect(same('$f(x)$', '$f(y)$', { strict: false })).toBe(true);
  });

  it('does not compute unbounded constants (a huge power or factorial is just unequal)', () => {
    expect(same('$\\frac{1}{2}$', '$\\boxed{9^{9^{9^{9}}}}$')).toBe(false);
    expect(same('$\\frac{1}{2}$', '$\\boxed{100000!}$')).toBe(false);
    expect(same('$120$', '$\\boxed{5!}$')).toBe(true);
  });

  it('a comparison out of time is unequal', () => {
    expect(same('$\\tan^2(y)+1$', '$\\sec^2(y)$', { timeoutMs: 0 })).toBe(false);
  });
});
