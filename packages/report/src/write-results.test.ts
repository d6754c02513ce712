import { describe, expect, it } from 'vitest';
import { neutralizeFormula, renderCsv } from './write-results.js';
import type { ResultRow } from '@ladder/core';

describe('CSV formula neutralising', () => {
  it('prefixes text that a spreadsheet would run, and nothing else', () => {
    for (const text of ['=1+1', '+cmd', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd']) expect(neutralizeFormula(text)).toBe(`'${text}`);
    for (const text of ['gsm8k', 'a=b', 'openai/gpt-4o', '']) expect(neutralizeFormula(text)).toBe(text);
  });

  it('leaves numeric cells numbers, negative ones included', async () => {
    const row: ResultRow = {
      suite: '=evil()',
      model: 'lab/x',
      metric: 'reward',
      value: -0.25,
      ci95: [-0.5, -0.1],
      n: 10,
      errors: 0,
      truncated: 0,
      unanswered: 0,
      cached: 0,
      chance: null,
      repeats: 1,
      samples: 10,
      costUsd: null,
      groups: 0,
      macroValue: null,
      majorityValue: null,
      circularValue: null,
    };
    const [, line] = (await renderCsv([row], { headers: ['delta', 'note'], cells: () => [-0.125, '-not a number'] })).trim().split('\n');
    expect(line).toBe("'=evil(),lab/x,reward,-0.25,-0.5,-0.1,10,0,0,0,0,,1,10,,0,,,,-0.125,'-not a number");
  });
});
