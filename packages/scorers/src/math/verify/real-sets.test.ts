import { describe, expect, it } from 'vitest';
import { describeNode } from './describe.js';
import { parseLatexFormula } from './latex-parser.js';
import { relationAsSet, sameRealSet, unwrapFunctions } from './real-sets.js';

const asSet = (latex: string) => {
  const set = relationAsSet(unwrapFunctions(parseLatexFormula(latex)));
  return set === undefined ? undefined : describeNode(set);
};

describe('relationAsSet (SymPy as_set for one real variable)', () => {
  it('linear and quadratic inequalities, chains, ≠', () => {
    expect(asSet('-2 \\le x \\le 7')).toBe('[-2, 7]');
    expect(asSet('x < 1')).toBe('(-∞, 1)');
    expect(asSet('x \\geq 2')).toBe('[2, ∞)');
    expect(asSet('x^2 \\le 4')).toBe('[-2, 2]');
    expect(asSet('x^2 > 4')).toBe('(-∞, -2) ∪ (2, ∞)');
    expect(asSet('x \\neq 3')).toBe('(-∞, 3) ∪ (3, ∞)');
    expect(asSet('x^2 + 1 < 0')).toBe('∅');
  });

  it('absolute values and functions of the variable', () => {
    expect(asSet('1\\leq|z|\\leq \\frac{3}{2}')).toBe('[-3/2, -1] ∪ [1, 3/2]');
    expect(asSet('|x - 1| < 2')).toBe('(-1, 3)');
    expect(asSet('0<f(x)<1')).toBe('(0, 1)');
  });

  it('leaves alone what it cannot solve: several variables, higher degrees', () => {
    expect(asSet('x < y')).toBeUndefined();
    expect(asSet('x^3 < 1')).toBeUndefined();
  });
});

describe('sameRealSet', () => {
  it('compares unions, intersections and points of the real line', () => {
    const read = (latex: string) => parseLatexFormula(latex);
    expect(sameRealSet(read('[0, 2] \\cup [1, 3]'), read('[0, 3]'))).toBe(true);
    expect(sameRealSet(read('(0, 2) \\cup \\{2\\}'), read('(0, 2]'))).toBe(true);
    expect(sameRealSet(read('[0, 2] \\cap [1, 3]'), read('[1, 2]'))).toBe(true);
    expect(sameRealSet(read('[0, 3] \\setminus \\{1\\}'), read('[0, 1) \\cup (1, 3]'))).toBe(true);
    expect(sameRealSet(read('(0, 1)'), read('[0, 1)'))).toBe(false);
    expect(sameRealSet(read('\\{x, 1\\}'), read('\\{1\\}'))).toBeUndefined();
  });
});
