import { describe, expect, it } from 'vitest';
import { countWords } from './count-words.js';

describe('countWords', () => {
  it('counts English words without their punctuation, and numbers', () => {
    expect(countWords('Hello, world! It costs 3.50 dollars.')).toBe(6);
    expect(countWords("It wasn't e-mail.")).toBe(3);
  });

  it('counts each Chinese character as a word, and no punctuation', () => {
    expect(countWords('我们明天早上八点出发。')).toBe(10);
    expect(countWords('2019年10月1日，北京')).toBe(8);
  });

  it('is 0 for empty or punctuation-only text', () => {
    expect(countWords('')).toBe(0);
    expect(countWords(' … — 。')).toBe(0);
  });
});
