import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ResultRow } from '@ladder/core';
import { describe, expect, it } from 'vitest';
import { ladder, readJson, SHARED, temporaryDirectory } from './cli.js';

interface Results {
  rows: ResultRow[];
  suites: { id: string; metric: string; metricSignature?: string }[];
}

function expectOneLineError(result: ReturnType<typeof ladder>, pattern: RegExp, out: string) {
  expect(result.status).not.toBe(0);
  const lines = result.stderr.split('\n').filter((line) => line.trim() !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(existsSync(out)).toBe(false);
}

describe('translation suites through ladder run', () => {
  it('flores-en-zh: oracle BLEU and chrF 100, random near chance, zh tokenizer in the signature, chrF and throughput in summary.md', () => {
    const out = join(temporaryDirectory(), 'run');
    const result = ladder(['run', '--suite', 'flores-en-zh', '--model', 'builtin/oracle,builtin/random', '--data', join(SHARED, 'datasets', 'flores200'), '--limit', '300', '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    const results = readJson<Results>(join(out, 'results.json'));
    expect(results.suites[0]).toMatchObject({ metric: 'BLEU', metricSignature: 'nrefs:1|case:mixed|eff:no|tok:zh|smooth:exp|version:2.6.0-ladder' });
    const [oracle, random] = results.rows;
    expect(oracle).toMatchObject({ model: 'builtin/oracle', value: 100, n: 300, metrics: { chrF: { value: 100 } } });
    expect(random?.value).toBeLessThan(3);
    expect(Math.abs((random?.value ?? 0) - (random?.chance ?? 0))).toBeLessThan(1.5);
    expect(random?.metrics?.chrF?.value).toBeLessThan(25);
    const summary = readFileSync(join(out, 'summary.md'), 'utf8');
    expect(summary).toContain('| model | chrF | 95% CI |');
    expect(summary).toContain('tok:zh');
    expect(summary).toContain('| model | output words/s (p50) | output chars/s (p50) | timed calls |');
    // results.csv: chrF and its interval beside BLEU, and the throughput.
    const [header, oracleLine] = readFileSync(join(out, 'results.csv'), 'utf8').trim().split('\n');
    const columns = (header ?? '').split(',');
    const cell = (name: string) => (oracleLine ?? '').split(',')[columns.indexOf(name)];
    expect([cell('metric'), cell('value'), cell('chrF'), cell('chrF_ci95_low')]).toEqual(['BLEU', '100', '100', '100']);
    expect(Number(cell('output_words_per_second_p50'))).toBeGreaterThan(0);
  });

  it('translation: your own files with --source, --reference (twice) and --pair', () => {
    const directory = temporaryDirectory();
    const source = join(directory, 'news.de');
    const first = join(directory, 'news.en.1');
    const second = join(directory, 'news.en.2');
    writeFileSync(source, 'Der Hund biss den Mann.\nEs war nicht überraschend.\nDer Mann hatte ihn gerade gebissen.\n');
    writeFileSync(first, 'The dog bit the man.\nIt was not unexpected.\nThe man bit him first.\n');
    writeFileSync(second, 'The dog had bit the man.\nNo one was surprised.\nThe man had bitten the dog.\n');
    const out = join(directory, 'run');
    const result = ladder(['run', '--suite', 'translation', '--source', source, '--reference', first, '--reference', second, '--pair', 'de-en', '--model', 'builtin/oracle', '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    const results = readJson<Results>(join(out, 'results.json'));
    expect(results.suites[0]?.metricSignature).toBe('nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0-ladder');
    expect(results.rows[0]).toMatchObject({ suite: 'translation', value: 100, n: 3 });
  });

  it('one-line errors for the translation flags', () => {
    const directory = temporaryDirectory();
    const out = join(directory, 'run');
    const source = join(directory, 'source.zh');
    writeFileSync(source, '你好。\n');
    expectOneLineError(ladder(['run', '--suite', 'demo-translation', '--source', source, '--model', 'builtin/oracle', '--out', out]), /^ladder: --source: only with --suite translation/, out);
    expectOneLineError(ladder(['run', '--suite', 'translation', '--source', source, '--reference', source, '--model', 'builtin/oracle', '--out', out]), /^ladder: --suite translation: --pair is missing/, out);
    expectOneLineError(ladder(['run', '--suite', 'translation', '--source', source, '--reference', source, '--pair', 'zh-xx', '--model', 'builtin/oracle', '--out', out]), /^ladder: --pair zh-xx: expected <source>-<target>/, out);
    expectOneLineError(ladder(['run', '--suite', 'translation', '--model', 'builtin/oracle', '--out', out]), /^ladder: --suite translation: give --source <file> --reference <file>/, out);
    expectOneLineError(ladder(['run', '--suite', 'flores-zh-en', '--data', source, '--model', 'builtin/oracle', '--out', out]), /^ladder: --data .*source\.zh: is a file; flores-zh-en reads a folder holding zho_Hans\.devtest, eng_Latn\.devtest/, out);
  });
});
