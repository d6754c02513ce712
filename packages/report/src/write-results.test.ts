import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, neutralizeFormula, renderCsv } from './write-results.js';
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
    const [header, line] = (await renderCsv([row], { headers: ['delta', 'note'], cells: () => [-0.125, '-not a number'] })).trim().split('\n');
    const columns = (header ?? '').split(',');
    const cells = (line ?? '').split(',');
    const cell = (name: string) => cells[columns.indexOf(name)];
    expect(columns.slice(0, CSV_COLUMNS.length)).toEqual([...CSV_COLUMNS]);
    expect([cell('suite'), cell('value'), cell('ci95_low'), cell('ci95_high'), cell('delta'), cell('note')]).toEqual(["'=evil()", '-0.25', '-0.5', '-0.1', '-0.125', "'-not a number"]);
  });
});
