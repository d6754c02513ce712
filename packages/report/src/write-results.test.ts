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

  it('gives each secondary metric its value and interval columns, empty on rows without it', async () => {
    const base: ResultRow = {
      suite: 'wmt23-zh-en', model: 'a', metric: 'BLEU', value: 26.76, ci95: [25.1, 28.4], n: 1976, errors: 0, truncated: 0, unanswered: 0, cached: 0, chance: null,
      repeats: 1, samples: 1976, costUsd: null, groups: 0, macroValue: null, majorityValue: null, circularValue: null,
    };
    const rows: ResultRow[] = [
      { ...base, metrics: { chrF: { value: 53.13, ci95: [52.2, 54.0] }, '=cmd': { value: 1, ci95: null } } },
      { ...base, suite: 'gsm8k', metric: 'accuracy', value: 0.5, ci95: [0.4, 0.6] },
    ];
    const [header, first, second] = (await renderCsv(rows)).trim().split('\n');
    const columns = (header ?? '').split(',');
    expect(columns.slice(CSV_COLUMNS.length)).toEqual(['chrF', 'chrF_ci95_low', 'chrF_ci95_high', "'=cmd", "'=cmd_ci95_low", "'=cmd_ci95_high"]);
    expect((first ?? '').split(',').slice(CSV_COLUMNS.length)).toEqual(['53.13', '52.2', '54', '1', '', '']);
    expect((second ?? '').split(',').slice(CSV_COLUMNS.length)).toEqual(['', '', '', '', '', '']);
  });
});
