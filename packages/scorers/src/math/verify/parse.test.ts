import { describe, expect, it } from 'vitest';
import { describeExtracted, describeNode } from './describe.js';
import type { MathNode } from './nodes.js';
import { extractAnswers, parseAnswer } from './parse.js';

const first = (text: string, options?: Parameters<typeof parseAnswer>[1]) => {
  const [value] = parseAnswer(text, options);
  return value === undefined ? undefined : typeof value === 'string' ? value : describeNode(value as MathNode);
};

describe('parseAnswer (Math-Verify parse)', () => {
  it('returns the value and the first matched text', () => {
    const values = parseAnswer('The answer is $\\frac{1}{2}$');
    expect(values).toHaveLength(2);
    expect(describeNode(values[0] as MathNode)).toBe('1/2');
    expect(values[1]).toBe('\\frac{1}{2}');
    expect(describeExtracted(values)).toBe('\\frac{1}{2}');
  });

  it('priorities: "final answer is … I hope" first, then boxed (default priority 50), the rightmost match first', () => {
    const text = 'We get $\\boxed{3}$. Final Answer: The final answer is $4$. I hope it is correct.';
    expect(first(text)).toBe('4');
    expect(first('so $x = 2$ and then $y = 7$')).toBe('y = 7');
    expect(first('Thus $\\boxed{5}$, not $6$')).toBe('5');
  });

  it('boxed priority 0 puts boxed answers level with "final answer is": then the later one wins', () => {
    const text = 'The final answer is $4$. I hope it is correct. On second thought, $\\boxed{3}$.';
    expect(first(text)).toBe('4');
    expect(first(text, { extractionConfig: [{ kind: 'latex', boxedMatchPriority: 0 }, { kind: 'expr' }] })).toBe('3');
  });

  it('several formulas joined by "and"/"or"/"," are one set', () => {
    expect(first('the roots are $1$ and $2$')).toBe('{1, 2}');
    expect(first('$21,16$ or $11$')).toBe('{21, 16, 11}');
  });

  it('plain numbers: thousands separators, decimal commas, currency, percent words', () => {
    const expr = { extractionConfig: [{ kind: 'expr' as const }] };
    expect(first('7,425,000', expr)).toBe('7425000');
    expect(first('Soucis : 2,74 $ a..', expr)).toBe('2.74');
    expect(first('the number is not 10 which is 1,000.99€', expr)).toBe('1000.99');
    expect(first('28 percent', expr)).toBe('28·1/100');
    expect(first('AZYUK2A', expr)).toBeUndefined();
  });

  it('a number inside a LaTeX formula that fails to parse is not used, other answers are', () => {
    // upstream tests/test_failed_latex_span.py (after 5d148cf)
    const failing = '\\sum_{k=0}^n\\bigl(k\\bigr)';
    for (const text of [`$${failing}$`, `Final answer is $${failing}$. I hope.`]) {
      expect(parseAnswer(text).every((value) => typeof value === 'string')).toBe(true);
    }
    expect(first(`Final answer is $${failing}$. I hope. 42`)).toBe('42');
    expect(first(`Final answer is $${failing}$. I hope. 42`, { extractionMode: 'first_match' })).not.toBe('42');
    expect(first(`$${failing}$ and $42$`)).toBe('42');
    expect(first(`$42$ and $${failing}$`)).toBe('42');
  });

  it('choice letters with StringExtractionConfig', () => {
    const letters = { extractionConfig: [{ kind: 'string' as const, strings: ['A', 'B', 'C', 'D'] }] };
    expect(parseAnswer('The answer is A.', letters)).toEqual(['a', 'A']);
    expect(parseAnswer('A. Because B is not valid', letters)).toEqual(['a', 'A']);
    expect(parseAnswer('**Final answer is C**', { extractionConfig: [{ kind: 'string', lowercase: false }] })).toEqual(['C', 'C']);
    expect(parseAnswer('No valid answer here', letters)).toEqual([]);
  });

  it('tells "nothing found" from "ran out of time"', () => {
    expect(extractAnswers('no math here')).toEqual({ values: [], failed: false });
    expect(extractAnswers(`${'$1$ '.repeat(2000)}`, { timeoutMs: 0 })).toEqual({ values: [], failed: true });
  });
});
