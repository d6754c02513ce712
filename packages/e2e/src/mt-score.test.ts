import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ladder, SHARED, temporaryDirectory } from './cli.js';

const WMT23 = join(SHARED, 'datasets', 'wmt23');
const GPT4 = join(WMT23, 'generaltest2023.zh-en.hyp.GPT4-5shot.en');
const NLLB = join(WMT23, 'generaltest2023.zh-en.hyp.NLLB_Greedy.en');
const REFERENCE = join(WMT23, 'generaltest2023.zh-en.ref.refA.en');

function json(result: ReturnType<typeof ladder>): Record<string, Record<string, unknown>> {
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as Record<string, Record<string, unknown>>;
}

function expectOneLineError(result: ReturnType<typeof ladder>, pattern: RegExp) {
  expect(result.status).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.split('\n').filter((line) => line.trim() !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^ladder: /);
  expect(lines[0]).toMatch(pattern);
}

describe('ladder mt-score', () => {
  it('scores the WMT23 zh-en GPT4-5shot output as sacreBLEU 2.6.0 does (BLEU, chrF, chrF++ by default)', () => {
    const scores = json(ladder(['mt-score', '--hyp', GPT4, '--ref', REFERENCE]));
    expect(Object.keys(scores)).toEqual(['bleu', 'chrf', 'chrf++']);
    // sacreBLEU 2.6.0 (pip, throwaway venv): BLEU 26.761240160026357, chrF 53.13325383986711, chrF++ 50.85680778289687.
    expect(scores.bleu).toMatchObject({ counts: [31555, 16795, 10352, 6835], totals: [54998, 53022, 51051, 49111], bp: 1, sys_len: 54998, ref_len: 54398 });
    expect(scores.bleu?.score).toBeCloseTo(26.761240160026357, 9);
    expect(scores.bleu?.signature).toBe('nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0-ladder');
    expect(scores.chrf?.score).toBeCloseTo(53.13325383986711, 9);
    expect(scores.chrf?.signature).toBe('nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0-ladder');
    expect(scores['chrf++']?.score).toBeCloseTo(50.85680778289687, 9);
    expect(scores['chrf++']?.word_ngrams).toEqual({ hypothesis: [54332, 52346], reference: [53631, 51655], matches: [30635, 16098] });
  });

  it('reads files as sacreBLEU does (CRLF, trailing spaces), takes several references, TER and the zh tokenizer', () => {
    const directory = temporaryDirectory();
    const hypothesis = join(directory, 'hyp.txt');
    const first = join(directory, 'ref1.txt');
    const second = join(directory, 'ref2.txt');
    writeFileSync(hypothesis, 'The dog bit the man.\r\nIt wasn\'t surprising.  \r\nThe man had just bitten him.\r\n');
    writeFileSync(first, 'The dog bit the man.\nIt was not unexpected.\nThe man bit him first.');
    writeFileSync(second, 'The dog had bit the man.\nNo one was surprised.\nThe man had bitten the dog.\n');
    const scores = json(ladder(['mt-score', '--hyp', hypothesis, '--ref', first, '--ref', second, '--metrics', 'bleu,ter', '--tokenize', 'intl']));
    // sacreBLEU's README example: intl BLEU 43.91623493.
    expect(scores.bleu?.score).toBeCloseTo(43.91623493336995, 8);
    expect(scores.bleu?.signature).toBe('nrefs:2|case:mixed|eff:no|tok:intl|smooth:exp|version:2.6.0-ladder');
    expect(scores.ter?.signature).toBe('nrefs:2|case:lc|tok:tercom|norm:no|punct:yes|asian:no|version:2.6.0-ladder');
    expect(typeof scores.ter?.score).toBe('number');

    const chinese = join(directory, 'zh.txt');
    writeFileSync(chinese, '我们都是中国人。\n');
    const zh = json(ladder(['mt-score', '--hyp', chinese, '--ref', chinese, '--tokenize', 'zh', '--metrics', 'bleu']));
    expect(zh.bleu).toMatchObject({ sys_len: 8, signature: 'nrefs:1|case:mixed|eff:no|tok:zh|smooth:exp|version:2.6.0-ladder' });
    expect(zh.bleu?.score).toBeCloseTo(100, 9);
  });

  it('--paired-bs compares two outputs on the same resampled segments', () => {
    const result = json(ladder(['mt-score', '--hyp', GPT4, '--hyp', NLLB, '--ref', REFERENCE, '--paired-bs', '--paired-bs-n', '200', '--metrics', 'bleu']));
    expect(result.baseline).toBe(GPT4);
    const bleu = result.bleu as { system: { score: number; p_value: number }; difference: number; signature: string };
    expect(bleu.system.score).toBeCloseTo(20.48595538496908, 9);
    expect(bleu.system.p_value).toBe(1 / 201);
    expect(bleu.difference).toBeLessThan(-6);
    expect(bleu.signature).toBe('nrefs:1|bs:200|seed:12345|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0-ladder');
  });

  it('rejects bad input with one line', () => {
    const directory = temporaryDirectory();
    const short = join(directory, 'short.txt');
    writeFileSync(short, 'one line\n');
    expectOneLineError(ladder(['mt-score', '--hyp', join(directory, 'missing.txt'), '--ref', REFERENCE]), /--hyp .*missing\.txt: no such file/);
    expectOneLineError(ladder(['mt-score', '--hyp', GPT4, '--ref', short]), /--ref .*short\.txt has 1 lines but --hyp .*GPT4-5shot\.en has 1976; the files must be aligned line by line/);
    expectOneLineError(ladder(['mt-score', '--hyp', GPT4, '--ref', REFERENCE, '--metrics', 'bleu,meteor']), /--metrics: unknown metric "meteor"; known: bleu, chrf, chrf\+\+, ter/);
    expectOneLineError(ladder(['mt-score', '--hyp', GPT4, '--ref', REFERENCE, '--tokenize', 'mecab']), /--tokenize mecab: unknown tokenizer; known: 13a, intl, zh, char, none/);
  });

  it('--help', () => {
    const result = ladder(['mt-score', '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Usage: ladder mt-score --hyp FILE --ref FILE/);
  });
});
