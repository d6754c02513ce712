import { describe, expect, it } from 'vitest';
import { fixFracs, fixSlash, fixSqrt, normalizeMathAnswer } from './normalize.js';
import { convertWordNumber } from './word-to-number.js';

describe('normalizeMathAnswer (Qwen strip_string)', () => {
  it.each([
    ['\\dfrac{1}{2}', '\\frac{1}{2}'],
    ['\\tfrac12', '\\frac{1}{2}'],
    ['\\left( 1, 2 \\right)', '(1,2)'],
    ['x = 5', '5'],
    ['k=5', '5'],
    ['5\\text{ cm}', '5'],
    ['10 meters', '10'],
    ['90^\\circ', '90'],
    ['50\\%', '50'],
    ['\\$12', '12'],
    ['2.000', '2'],
    ['.5', '0.5'],
    ['007', '7'],
    ['twenty-one', '21'],
    ['1/2', '\\frac{1}{2}'],
    ['\\sqrt2', '\\sqrt{2}'],
    ['\\begin{bmatrix}1&2\\end{bmatrix}', '\\begin{pmatrix}1&2\\end{pmatrix}'],
    ['\\emptyset', '{}'],
    ['(-\\infty,\\infty)', '\\mathbb{R}'],
    ['x\\in [1, 2]', '[1,2]'],
    ['x \\in [1, 2]', 'x\\in[1,2]'], // upstream removes "x\\in" only without a space
    ['\\{1, 2\\}', '{1,2}'],
    ['3.', '3'],
    ['a \\le b', '\\leb'],
    ['1,000', '1,000'],
  ])('%s → %s', (input, expected) => expect(normalizeMathAnswer(input)).toBe(expected));

  it('keeps upstream quirks: every "and" and unit words like "a" are removed', () => {
    expect(normalizeMathAnswer('a and b')).toBe('b');
    expect(normalizeMathAnswer('5 hours', { skipUnits: true })).toBe('5hours');
  });

  it('fixes fracs, slashes and square roots like upstream', () => {
    expect(fixFracs('\\frac1{72}')).toBe('\\frac{1}{72}');
    expect(fixFracs('\\frac1')).toBe('\\frac1');
    expect(fixSlash('-1/2')).toBe('\\frac{-1}{2}');
    expect(fixSlash('01/2')).toBe('01/2');
    expect(fixSlash('\\sqrt{2}/2')).toBe('\\frac{\\sqrt{2}}{2}');
    expect(fixSqrt('\\sqrt3x')).toBe('\\sqrt{3x}');
  });

  it('converts number words like word2number', () => {
    expect(convertWordNumber('two hundred and five')).toBe('205');
    expect(convertWordNumber('one thousand')).toBe('1000');
    expect(convertWordNumber('three point one four')).toBe('3.14');
    expect(convertWordNumber('one one thousand thousand')).toBe('one one thousand thousand');
    expect(convertWordNumber('\\frac{1}{2}')).toBe('\\frac{1}{2}');
  });
});
