import { describe, expect, it } from 'vitest';
import { describeNode } from './describe.js';
import { parseLatexFormula } from './latex-parser.js';
import { tokenize } from './latex-tokens.js';

const read = (latex: string) => describeNode(parseLatexFormula(latex));

describe('parseLatexFormula (latex2sympy2_extended grammar and conversions)', () => {
  it('numbers: integers, decimals as floats, thousands separators, mixed numbers, percentages', () => {
    expect(read('-5')).toBe('-5');
    expect(read('\\frac{10}{9}')).toBe('10/9');
    expect(read('1,000')).toBe('1000');
    expect(read('2\\frac{1}{2}')).toBe('5/2');
    expect(read('28\\%')).toBe('28·1/100');
    expect(parseLatexFormula('0.25')).toMatchObject({ kind: 'number', float: true });
  });

  it('comma lists are sets, semicolons separate tuples, \\pm gives both signs', () => {
    expect(read('32, 349')).toBe('{32, 349}');
    expect(read('p=5,q=2;p=7,q=2')).toBe('{(p = 5, q = 2), (p = 7, q = 2)}');
    expect(read('1 \\pm \\sqrt{19}')).toBe('{1 + 19^1/2, 1 - 1·19^1/2}');
    expect(read('\\pm 2021')).toBe('{-2021, 2021}');
  });

  it('brackets: intervals (open at infinity), tuples when reversed or longer, unions', () => {
    expect(read('[0,1)')).toBe('[0, 1)');
    expect(read('[1, \\infty]')).toBe('[1, ∞)');
    expect(read('(3, 1)')).toBe('(3, 1)');
    expect(parseLatexFormula('(3, 1)').kind).toBe('tuple');
    expect(read('(6,31,-1)')).toBe('(6, 31, -1)');
    expect(read('(2,12) \\cup (12,102)')).toBe('(2, 12) ∪ (12, 102)');
  });

  it('relations: chains become And, "x = 1, 2" and "x \\in [a, b]" are equations with a set', () => {
    expect(read('-2 \\le x \\le 7')).toBe('-2 ≤ x and x ≤ 7');
    expect(read('x = 5+5+1 = 7 =11')).toBe('x = 5 + 5 + 1 and 5 + 5 + 1 = 7 and 7 = 11');
    expect(read('n=1, 2, 3')).toBe('n = {1, 2, 3}');
    expect(read('x \\in [-2,7]')).toBe('x = [-2, 7]');
    expect(read('x\\approx11')).toBe('11');
  });

  it('symbols are lower-cased, \\text{} is one symbol, letters juxtapose, e is Euler\'s number', () => {
    expect(read('\\text{Evelyn}')).toBe('evelyn');
    expect(read('Even')).toBe('e·v·e·n');
    expect(parseLatexFormula('Even')).toMatchObject({ kind: 'mul', args: [{ kind: 'symbol', name: 'e' }, { kind: 'symbol', name: 'v' }, { kind: 'constant', name: 'E' }, { kind: 'symbol', name: 'n' }] });
    expect(read('F_{n-k-1}')).toBe('f_{n-k-1}');
    expect(read('\\pi r^2')).toBe('π·r^2');
  });

  it('functions: f(x) is applied, a(b+2) is a product, powers of trig functions, inverse by ^{-1}', () => {
    expect(parseLatexFormula('f(x)')).toMatchObject({ kind: 'function', name: 'f', applied: true });
    expect(read('a(b+2)')).toBe('a·(b + 2)');
    expect(read('\\sec^2(y)')).toBe('(sec(y))^2');
    expect(read('\\sin^{-1} x')).toBe('asin(x)');
    expect(read('\\sqrt[3]{x}^2')).toBe('(x^1/3)^2');
    expect(read('e^{x}')).toBe('exp(x)');
  });

  it('matrices', () => {
    expect(read('\\begin{pmatrix} 0 & 3 \\\\ 0 & -1 \\end{pmatrix}')).toBe('[0, 3; 0, -1]');
    expect(() => parseLatexFormula('\\begin{pmatrix} 0 & 3 \\\\ 0 \\end{pmatrix}')).toThrow(/ragged/u);
  });

  it('fails on what upstream cannot parse: unknown commands, a \\pm inside a fraction', () => {
    expect(tokenize('1 = \\zzz')).toBeUndefined();
    expect(() => parseLatexFormula('1 = \\zzz = x')).toThrow();
    expect(() => parseLatexFormula('\\frac{-1 \\pm \\sqrt{13}}{4}')).toThrow(/no parse/u);
  });

  it('lexes the longest token (\\neq is one token, not \\ne and q)', () => {
    expect(tokenize('x \\neq 3')?.map((token) => token.type)).toEqual(['LETTER_NO_E', 'UNEQUAL', 'NUMBER']);
    expect(tokenize('\\sinh x')?.[0]).toEqual({ type: 'FUNC_SINGLE', text: '\\sinh' });
  });
});
