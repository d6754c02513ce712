import { describe, expect, it } from 'vitest';
import { gsm8kStrict, mathHendrycks } from './scorers.js';

type Args = Parameters<ReturnType<typeof mathHendrycks>['score']>[0];
const args = (output: string, targets: string[]) => ({ sample: { targets }, output }) as unknown as Args;

describe('reference math scorers', () => {
  it('math-hendrycks: last boxed answer under is_equiv', async () => {
    const scorer = mathHendrycks();
    expect(await scorer.score(args('so \\boxed{\\dfrac12}.', ['\\frac{1}{2}']))).toMatchObject({ value: 1, answer: '\\dfrac12' });
    expect(await scorer.score(args('\\boxed{10.0}', ['10']))).toMatchObject({ value: 0 });
    expect(await scorer.score(args('the answer is 5', ['5']))).toMatchObject({ value: 0, unanswered: true });
  });

  it('gsm8k-strict: first #### number, commas removed', async () => {
    const scorer = gsm8kStrict();
    expect(await scorer.score(args('x\n#### 1,000', ['1,000']))).toMatchObject({ value: 1, answer: '1000' });
    expect(await scorer.score(args('#### 7.', ['7']))).toMatchObject({ value: 0, answer: '7.' });
    expect(await scorer.score(args('The answer is 5', ['5']))).toMatchObject({ value: 0, unanswered: true });
  });
});
