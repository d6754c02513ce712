import type { Sample } from '@ladder/core';
import { describe, expect, it } from 'vitest';
import { choiceMatch } from './choice-match.js';
import { exactMatch } from './exact-match.js';
import { extractChoice } from './extract-choice.js';
import { extractAnswerNumber, parseNumber } from './extract-number.js';
import { numericMatch } from './numeric-match.js';

const sample = (targets: string[], choices?: string[]): Sample => ({ id: 's', input: '', targets, metadata: {}, ...(choices ? { choices } : {}) });

describe('extractAnswerNumber', () => {
  it.each([
    ['Step 1: 3 + 4 = 7. Step 2: 7 * 2 = 14.\nThe answer is 14.', '14'],
    ['She pays $1,250 in total. #### 1,250', '1,250'],
    ['先算 12 × 3 = 36，再减 6。答案是 30。', '30'],
    ['So the final value is \\boxed{-3.5} (check: 2 - 5.5 = -3.5)', '-3.5'],
    ['The answer is: 42 apples, not 41.', '42'],
    ['I think 3, then 4, then 5', '5'],
    ['答案：７', '7'],
  ])('%s → %s', (text, expected) => expect(extractAnswerNumber(text)).toBe(expected));

  it('finds nothing when there is no number', () => expect(extractAnswerNumber('I do not know.')).toBeUndefined());

  it('parses thousands, fractions, percents and signs', () => {
    expect(parseNumber('1,250')).toBe(1250);
    expect(parseNumber('3/4')).toBe(0.75);
    expect(parseNumber('−2')).toBe(-2);
    expect(parseNumber('15%')).toBe(15);
    expect(parseNumber('abc')).toBeNaN();
  });
});

describe('numericMatch', () => {
  const scorer = numericMatch();
  it('compares values, not strings', async () => {
    expect((await scorer.score({ sample: sample(['1250']), output: 'The answer is 1,250.' })).value).toBe(1);
    expect((await scorer.score({ sample: sample(['0.5']), output: 'The answer is 1/2.' })).value).toBe(1);
    expect((await scorer.score({ sample: sample(['12']), output: 'The answer is 12.5' })).value).toBe(0);
  });
  it('marks a numberless answer unanswered', async () => {
    expect(await scorer.score({ sample: sample(['3']), output: 'No idea' })).toMatchObject({ value: 0, unanswered: true });
  });
});

describe('extractChoice', () => {
  it.each([
    ['Answer: C', 'C'],
    ['The answer is (B).', 'B'],
    ['Let me think. A is wrong because ... so the answer is D', 'D'],
    ['答案是 B', 'B'],
    ['答案：Ｃ', 'C'],
    ['我选 A。', 'A'],
    ['\\boxed{D}', 'D'],
    ['(A)', 'A'],
    ['B.', 'B'],
    ['<think>maybe Answer: A</think>Answer: B', 'B'],
  ])('%s → %s', (text, expected) => expect(extractChoice(text)).toBe(expected));

  it.each([['I am not sure.'], ['A good question.'], ['Answer: E'], ['Option A is wrong.'], ['<think>Answer: B</think>'], ['']])('%j → nothing', (text) =>
    expect(extractChoice(text)).toBeUndefined(),
  );

  it.each([
    ['reasoning only closed: ... Answer: A</think>\nAnswer: C', 'C'],
    ['<think>\nLet me see, option B looks plausible.\n</think>\n\n**Answer: D**', 'D'],
    ['The answer is $\\boxed{\\text{C}}$.', 'C'],
    ['Looking at each option... A is wrong, B is wrong.\n\nAnswer: (C)', 'C'],
    ['The correct option is B because the others fail.', 'B'],
    ['Final answer: D', 'D'],
    ['选 C', 'C'],
    ['正确答案为Ｃ', 'C'],
    ['分析：A项错误，B项错误，所以应选D。', 'D'],
    ['选项A是错的，选项B正确', 'B'],
    ['C. The mitochondria', 'C'],
    ['(B) 37.8°C', 'B'],
    ['Ａ', 'A'],
    ['First I considered A, then B.\nC', 'C'],
    ['answer is (a)', 'A'],
  ])('%j → %s', (text, expected) => expect(extractChoice(text)).toBe(expected));

  it('accepts only the first optionCount letters', () => {
    expect(extractChoice('Answer: E', 5)).toBe('E');
    expect(extractChoice('Answer: E', 4)).toBeUndefined();
    expect(extractChoice('Answer: C', 2)).toBeUndefined();
    expect(extractChoice('The answer is J', 10)).toBe('J');
  });
});

describe('choiceMatch and exactMatch', () => {
  it('scores letters and flags unanswered', async () => {
    const item = sample(['B'], ['x', 'y', 'z', 'w']);
    expect((await choiceMatch().score({ sample: item, output: 'Answer: B' })).value).toBe(1);
    expect((await choiceMatch().score({ sample: item, output: 'Answer: C' })).value).toBe(0);
    expect(await choiceMatch().score({ sample: item, output: 'Hmm' })).toMatchObject({ value: 0, unanswered: true });
  });

  it('folds case, width, whitespace and a final period', async () => {
    expect((await exactMatch().score({ sample: sample(['Paris']), output: '  paris. ' })).value).toBe(1);
    expect((await exactMatch().score({ sample: sample(['Paris']), output: 'Lyon' })).value).toBe(0);
    expect((await exactMatch({ caseSensitive: true }).score({ sample: sample(['Paris']), output: 'paris' })).value).toBe(0);
  });
});
