import { describe, expect, it } from 'vitest';
import { extractMathAnswer, lastBoxedContent, lastBoxedOnlyString } from './extract.js';

describe('extractMathAnswer', () => {
  it.each([
    ['nested boxed', 'So we get \\boxed{\\frac{1}{\\sqrt{2}}} in the end.', '\\frac{1}{\\sqrt{2}}'],
    ['the last boxed wins', 'First \\boxed{1}, then corrected: \\boxed{2}.', '2'],
    ['boxed beats a later "The answer is"', '\\boxed{7}. The answer is 8', '7'],
    ['\\boxed with a space', 'Thus $\\boxed 5$.', '5'],
    ['\\fbox when there is no boxed', 'Answer: \\fbox{12}', '12'],
    ['dfrac normalised inside boxed', '\\boxed{\\dfrac{3}{4}}', '\\frac{3}{4}'],
    ['The answer is', 'We add them. The answer is 42.', '42'],
    ['final answer is', 'My final answer is 17', '17'],
    ['Minerva form', 'Final Answer: The final answer is $\\frac{1}{2}$. I hope it is correct.', '\\frac{1}{2}'],
    ['答案是 (first occurrence, up to a blank line)', '所以答案是 36。\n\n验证：答案是 35', '36。'],
    ['#### via the last number', 'She pays 3 + 4 = 7 dollars.\n#### 7', '7'],
    ['last number, commas removed', 'We had 1,234 apples and then 5,678', '5678'],
    ['last number with Unicode digits (Python \\d)', 'x = ٤٢', '42'],
    ['a decimal', 'about 3.75 m', '3.75'],
    ['think block stripped', '<think>maybe \\boxed{3}</think>The total is 4', '4'],
    ['text after a dangling </think>', 'reasoning \\boxed{1} ... </think> so 9', '9'],
    ['units and \\text removed', '\\boxed{5\\text{ cm}}', '5'],
    ['degrees removed', '\\boxed{30^\\circ}', '30'],
  ])('%s', (_name, text, expected) => expect(extractMathAnswer(text)).toBe(expected));

  it('gives undefined when there is nothing to extract', () => {
    expect(extractMathAnswer('I cannot solve this.')).toBeUndefined();
    expect(extractMathAnswer('<think>the answer is 5</think>')).toBeUndefined();
    expect(extractMathAnswer('no number', { useLastNumber: false })).toBeUndefined();
  });

  it('can keep the think block and skip normalisation', () => {
    expect(extractMathAnswer('<think>\\boxed{3}</think>', { stripThinking: false })).toBe('3');
    expect(extractMathAnswer('\\boxed{\\dfrac{1}{2}}', { normalize: false })).toBe('\\dfrac{1}{2}');
  });
});

describe('boxed helpers', () => {
  it('reads the last boxed content with nested braces', () => {
    expect(lastBoxedContent('\\boxed{a{b}c} \\boxed{{x}}')).toBe('{x}');
    expect(lastBoxedContent('none')).toBeUndefined();
    expect(lastBoxedContent('\\boxed{open')).toBe('open');
  });

  it('last_boxed_only_string keeps the command and needs closed braces', () => {
    expect(lastBoxedOnlyString('x \\boxed{\\frac{1}{2}}.')).toBe('\\boxed{\\frac{1}{2}}');
    expect(lastBoxedOnlyString('\\fbox{3}')).toBe('\\fbox{3}');
    expect(lastBoxedOnlyString('\\boxed{open')).toBeUndefined();
  });
});

describe('choiceAnswerClean (Qwen2.5-Math, for its multiple-choice sets)', () => {
  it('takes the last standalone option letter, else the cleaned text', async () => {
    const { choiceAnswerClean, extractMathAnswer } = await import('./extract.js');
    expect(choiceAnswerClean('The answer is (B).')).toBe('B');
    expect(choiceAnswerClean('Between A and C, the answer is c.')).toBe('C');
    expect(choiceAnswerClean('ÉA is not an option, so 42.')).toBe('ÉA is not an option, so 42');
    expect(choiceAnswerClean('\n: 17./')).toBe('17');
    expect(extractMathAnswer('The answer is (D)', { dataName: 'aqua' })).toBe('D');
    expect(extractMathAnswer('The answer is (D)', { dataName: 'math' })).not.toBe('D');
  });
});
