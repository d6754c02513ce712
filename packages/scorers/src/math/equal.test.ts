import type { Sample } from '@ladder/core';
import { describe, expect, it } from 'vitest';
import { resolveScorer } from '../registry.js';
import { mathEqual, parseDigits } from './equal.js';
import { normalizeMathAnswer } from './normalize.js';
import { mathAnswer } from './scorer.js';
import { symbolicEqual, tooCostly } from './symbolic.js';

const eq = (prediction: string, reference: string) => mathEqual(normalizeMathAnswer(prediction), normalizeMathAnswer(reference));

describe('mathEqual (Qwen2.5-Math math_equal)', () => {
  it.each([
    ['fraction vs decimal', '\\frac{1}{2}', '0.5', true],
    ['repeating decimal within 1e-4', '0.3333', '\\frac{1}{3}', true],
    ['decimal outside 1e-4', '0.33', '\\frac{1}{3}', false],
    ['percent variants', '50', '0.5', true],
    ['percent sign', '10\\%', '0.1', true],
    ['thousands separator', '1,000', '1000', true],
    ['radicals', '2\\sqrt{2}', '\\sqrt{8}', true],
    ['rationalised', '\\frac{\\sqrt{3}}{3}', '\\frac{1}{\\sqrt{3}}', true],
    ['pi expressions', '\\frac{2\\pi}{4}', '\\frac{\\pi}{2}', true],
    ['different pi multiples', '2\\pi', '\\pi', false],
    ['pi is a symbol upstream (SymPy parse_latex)', '3.14159', '\\pi', false],
    ['polynomial identity', '(x+1)^2', 'x^2+2x+1', true],
    ['rational functions', '\\frac{x}{7}+\\frac{2}{7}', '\\frac{x+2}{7}', true],
    ['different variables', 'x', 'y', false],
    ['tuple element-wise', '(3, \\frac{1}{2})', '(3, 0.5)', true],
    ['tuple order matters', '(\\frac{1}{2}, 3)', '(3, 0.5)', false],
    ['interval', '(1, \\frac{3}{2}]', '(1, 1.5]', true],
    ['interval brackets ignored upstream', '[1, 2)', '(1, 2]', true],
    ['sets ignore order', '\\{3, 1, 2\\}', '\\{1, 2, 3\\}', true],
    ['sets differ', '\\{1, 2\\}', '\\{1, 3\\}', false],
    ['pmatrix element-wise', '\\begin{pmatrix} 0.5 & 1 \\\\ 2 & 3 \\end{pmatrix}', '\\begin{bmatrix} \\frac{1}{2} & 1 \\\\ 2 & 3 \\end{bmatrix}', true],
    ['pmatrix differs', '\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}', '\\begin{pmatrix} 1 \\\\ 3 \\end{pmatrix}', false],
    ['equation vs value', 'x = 3', '3', true],
    ['complex numbers', '3+4i', '4i+3', true],
    ['comma list is order-sensitive (commas are thousands separators upstream)', '2, 1', '1, 2', false],
    ['empty prediction', '', '5', false],
  ])('%s: %s vs %s', (_name, prediction, reference, expected) => expect(eq(prediction, reference)).toBe(expected));

  it('compares equations symbolically, either sign', () => {
    expect(mathEqual('2a+b=1', '1=b+2a')).toBe(true);
    expect(mathEqual('2a+b=1', '2a+b=2')).toBe(false);
    expect(mathEqual('k=5', '5')).toBe(true);
    expect(mathEqual('5', 'k=5')).toBe(true);
  });

  it('follows the reference argument order for choices', () => {
    expect(mathEqual('The answer is (B)', 'B')).toBe(true);
  });

  it('can require interval brackets to match', () => {
    expect(mathEqual('[1,2)', '(1,2]', { strictIntervals: true })).toBe(false);
    expect(mathEqual('(1,2]', '(1,2]', { strictIntervals: true })).toBe(true);
  });

  it('parses numbers like Python float()', () => {
    expect(parseDigits('1,234.5')).toBe(1234.5);
    expect(parseDigits('50\\%')).toBe(0.5);
    expect(parseDigits('1e3')).toBe(1000);
    expect(parseDigits('0x10')).toBeUndefined();
    expect(parseDigits('')).toBeUndefined();
  });
});

describe('symbolic comparison limits', () => {
  it('refuses numerically unbounded work instead of hanging', () => {
    const started = performance.now();
    expect(mathEqual('100000!', '5')).toBe(false);
    expect(mathEqual('9^{9^{9^{9}}}', '9^{9^{9^{9}}}+1')).toBe(false);
    expect(tooCostly(['Factorial', 100000])).toBe(true);
    expect(tooCostly(['Sum', 'n', ['Tuple', 'n', 1, 10]])).toBe(true);
    expect(tooCostly(['Factorial', 'n'])).toBe(false);
    // generous bound: the point is "not seconds"
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('does not parse inputs over the size cap, and honours an expired deadline', () => {
    const long = `${'x+'.repeat(400)}1`;
    expect(symbolicEqual(long, long.split('').reverse().join(''))).toBe(false);
    expect(mathEqual('\\frac{x+2}{7}', '\\frac{x}{7}+\\frac{2}{7}', { timeoutMs: -1 })).toBe(false);
  });
});

describe('the math scorer', () => {
  const sample = (targets: string[]): Sample => ({ id: 's', input: '', targets, metadata: {} });

  it('scores, explains and flags unanswered outputs', async () => {
    const scorer = mathAnswer();
    expect(scorer.name).toBe('math');
    expect(scorer.metric).toEqual({ name: 'accuracy', kind: 'proportion', scale: 1 });
    expect(await scorer.score({ sample: sample(['\\frac{1}{2}']), output: 'So \\boxed{0.5}.' })).toEqual({ value: 1, answer: '0.5' });
    const wrong = await scorer.score({ sample: sample(['3']), output: 'The answer is 4.' });
    expect(wrong).toMatchObject({ value: 0, answer: '4' });
    expect(wrong.explanation).toContain('expected "3"');
    expect(await scorer.score({ sample: sample(['3']), output: 'no idea' })).toMatchObject({ value: 0, unanswered: true });
    expect(await scorer.score({ sample: sample(['7', '\\dfrac{9}{2}']), output: '\\boxed{4.5}' })).toMatchObject({ value: 1 });
  });

  it('is registered as "math"', () => expect(resolveScorer('math').name).toBe('math'));
});
