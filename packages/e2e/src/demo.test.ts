import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandOnPath } from './system-tool.js';

const WITH_BWRAP = commandOnPath('bwrap');
import { journalLines, ladder, readJson, temporaryDirectory } from './cli.js';

interface Row {
  suite: string;
  model: string;
  metric: string;
  value: number | null;
  ci95: [number, number] | null;
  n: number;
  errors: number;
  chance: number | null;
}

const SUITES = ['demo-math', 'demo-code', 'demo-language', 'demo-translation'];

describe('the Quick start demo', () => {
  const root = temporaryDirectory();
  const cacheDirectory = join(root, 'cache');
  const out = join(root, 'demo');
  const args = ['run', '--suite', SUITES.join(','), '--model', 'builtin/oracle,builtin/random,builtin/echo', '--cache-dir', cacheDirectory];

  it('writes a complete run directory in which the oracle scores 100% and random sits at chance', () => {
    const result = ladder([...args, '--out', out]);
    // Without bubblewrap (outside CI) demo-code runs in plain subprocesses, and says so on stderr.
    if (WITH_BWRAP) expect(result.stderr).toBe('');
    else expect(result.stderr).toMatch(/^ladder: WARNING: code runs WITHOUT a sandbox/);
    expect(result.status).toBe(0);
    for (const file of ['manifest.json', 'samples.jsonl', 'results.json', 'results.csv', 'summary.md']) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }
    const rows = readJson<{ rows: Row[] }>(join(out, 'results.json')).rows;
    expect(rows).toHaveLength(SUITES.length * 3);
    for (const row of rows) expect(row.errors, `${row.suite} ${row.model}`).toBe(0);
    for (const suite of SUITES) {
      const oracle = rows.find((row) => row.suite === suite && row.model === 'builtin/oracle');
      const scale = oracle?.metric.toLowerCase().startsWith('chrf') ? 100 : 1;
      expect(oracle?.value, suite).toBe(scale);
      const random = rows.find((row) => row.suite === suite && row.model === 'builtin/random');
      if (random?.chance !== null && random?.chance !== undefined) {
        expect(random.ci95?.[0], `${suite} random low`).toBeLessThanOrEqual(random.chance);
        expect(random.ci95?.[1], `${suite} random high`).toBeGreaterThanOrEqual(random.chance);
      }
    }
    const csv = readFileSync(join(out, 'results.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe(
      'suite,model,metric,value,ci95_low,ci95_high,n,errors,truncated,unanswered,cached,chance,repeats,samples,cost_usd,groups,macro_value,majority_value,circular_value,' +
        'first_token_ms_p50,first_token_ms_p90,total_ms_p50,total_ms_p90,output_tokens_per_second_p50,output_words_per_second_p50,output_characters_per_second_p50',
    );
    // The calls were timed: every row has its median time.
    const totalColumn = (csv[0] ?? '').split(',').indexOf('total_ms_p50');
    for (const line of csv.slice(1)) expect(Number(line.split(',')[totalColumn]), line).toBeGreaterThanOrEqual(0);
    expect(csv.slice(1).every((line) => line.split(',')[totalColumn] !== '')).toBe(true);
    expect(csv).toHaveLength(rows.length + 1);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain('| builtin/oracle |');
  });

  it('answers a second identical run from the cache: no model calls, every sample flagged', () => {
    const second = join(root, 'demo-again');
    const result = ladder([...args, '--out', second]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/cached, 0 model calls\)/);
    const records = journalLines(join(second, 'samples.jsonl'));
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((record) => record.cached === true && record.timing === null)).toBe(true);
    const first = readJson<{ rows: Row[] }>(join(out, 'results.json')).rows.map(({ suite, model, value }) => ({ suite, model, value }));
    const again = readJson<{ rows: Row[] }>(join(second, 'results.json')).rows.map(({ suite, model, value }) => ({ suite, model, value }));
    expect(again).toEqual(first);
  });
});
