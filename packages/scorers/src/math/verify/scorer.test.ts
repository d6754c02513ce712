import type { Sample } from '@ladder/core';
import { describe, expect, it } from 'vitest';
import { readMathCot100 } from '../data.test-helpers.js';
import { resolveScorer } from '../../registry.js';
import { mathVerify, parseGold } from './scorer.js';

const sample = (targets: string[], id = 's1'): Sample => ({ id, input: '', targets, metadata: {} });

describe('the math-verify scorer', () => {
  const scorer = resolveScorer('math-verify');

  it('is registered under its name with an accuracy metric', () => {
    expect(scorer.name).toBe('math-verify');
    expect(scorer.metric).toEqual({ name: 'accuracy', kind: 'proportion', scale: 1 });
  });

  it('reads bare targets as formulas: \\sqrt{2} is not the number 2', async () => {
    expect(parseGold('\\sqrt{2}')[1]).toBe('\\sqrt{2}');
    expect((await scorer.score({ sample: sample(['\\sqrt{2}']), output: 'So the answer is $\\boxed{\\sqrt 2}$.' })).value).toBe(1);
    expect((await scorer.score({ sample: sample(['\\sqrt{2}']), output: 'So the answer is $\\boxed{2}$.' })).value).toBe(0);
    expect((await scorer.score({ sample: sample(['\\$6']), output: 'It costs $\\boxed{6}$ dollars.' })).value).toBe(1);
  });

  it('grades against any of several targets and reports what it read', async () => {
    const score = await scorer.score({ sample: sample(['(-\\infty, 3]', 'x \\le 3']), output: 'Therefore $x \\in \\boxed{(-\\infty, 3]}$' });
    expect(score).toEqual({ value: 1, answer: '(-\\infty, 3]' });
    const wrong = await scorer.score({ sample: sample(['\\frac{1}{2}']), output: 'The final answer is $\\frac{1}{3}$. I hope it is correct.' });
    expect(wrong).toEqual({ value: 0, answer: '\\frac{1}{3}', explanation: 'expected "\\\\frac{1}{2}", got "\\\\frac{1}{3}"' });
  });

  it('an output that is exactly a target is right (the oracle baseline)', async () => {
    expect((await scorer.score({ sample: sample(['(-\\infty, 3]']), output: '(-\\infty, 3]' })).value).toBe(1);
  });

  it('nothing extracted is unanswered; a target that cannot be read is a scorer error naming the sample', async () => {
    expect(await scorer.score({ sample: sample(['5']), output: 'I do not know.' })).toMatchObject({ value: 0, unanswered: true });
    await expect(async () => scorer.score({ sample: sample(['a\nb $'], 'item-7'), output: '$5$' })).rejects.toThrow(/math-verify: sample item-7: target "a\\nb \$" cannot be read/u);
  });

  it('takes Math-Verify options: float rounding', async () => {
    const loose = mathVerify({ floatRounding: 2 });
    expect((await loose.score({ sample: sample(['\\frac{1}{3}']), output: '$0.33$' })).value).toBe(1);
    expect((await scorer.score({ sample: sample(['\\frac{1}{3}']), output: '$0.33$' })).value).toBe(0);
  });

  it('on the 800 graded responses of math_cot_100, agrees with the Qwen2.5-Math verdicts 782 times', async () => {
    // The 18 disagreements: 17 answers "25"/"198" to targets "25\%"/"198\%" (Math-Verify reads 25\% as
    // 1/4; Qwen drops the %), and idx 72/7, where Qwen's own grader misreads 10{,}000 (DISAGREEMENTS.md).
    const disagreements: string[] = [];
    for (const row of readMathCot100()) {
      for (const [k, response] of row.code.entries()) {
        const score = await scorer.score({ sample: sample([row.answer], String(row.idx)), output: response });
        if ((score.value === 1) !== row.score[k]) disagreements.push(`${row.idx}/${k} ${row.answer} ${score.answer ?? ''}`);
      }
    }
    expect(disagreements).toHaveLength(18);
    expect(disagreements.filter((line) => /\\%/u.test(line))).toHaveLength(17);
    expect(disagreements).toContain('72/7 10{,}000 10000');
  });
});
