import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pythonRstrip } from '../text/python-strings.js';
import { pairedBootstrap } from '../stats/paired-bootstrap.js';
import { bleuFromStatistics, bleuSegmentStatistics, corpusBleu } from './bleu.js';
import type { BleuTokenizerName } from './bleu-tokenizers.js';
import { chrfCorpus, chrfFromStatistics, chrfSegmentStatistics } from './chrf.js';
import { corpusTer, type TerOptions } from './ter.js';

/**
 * Corpus scores of real system outputs against sacreBLEU 2.6.0. The reference values were produced
 * by `sacrebleu.BLEU(tokenize=…).corpus_score(hyps, [refs]).score` and `sacrebleu.CHRF(word_order=…)`
 * with sacreBLEU 2.6.0 from PyPI in a throwaway virtualenv (not a dependency of Ladder), reading
 * the files as its CLI does (lines split on "\n", each `rstrip()`ped). Ladder's values are the
 * same doubles, to the last bit.
 */
const DATA = new URL('../../../../../shared/datasets/', import.meta.url);

function readLines(path: string): string[] {
  const lines = readFileSync(new URL(path, DATA), 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map(pythonRstrip);
}

const reference = readLines('wmt23/generaltest2023.zh-en.ref.refA.en');
const systems = {
  'GPT4-5shot': { bleu: 26.761240160026357, intl: 27.656215425150357, chrf: 53.13325383986711, chrfPlusPlus: 50.85680778289687 },
  NLLB_Greedy: { bleu: 20.48595538496908, intl: 21.33595260502926, chrf: 46.099501038876056, chrfPlusPlus: 43.982559975745325 },
};

describe('WMT23 zh-en (1,976 segments, refA) against sacreBLEU 2.6.0', () => {
  it.each(Object.entries(systems))('%s: BLEU, intl BLEU, chrF, chrF++', (name, expected) => {
    const hypotheses = readLines(`wmt23/generaltest2023.zh-en.hyp.${name}.en`);
    expect(hypotheses).toHaveLength(1976);
    expect(corpusBleu(hypotheses, [reference]).score).toBe(expected.bleu);
    expect(corpusBleu(hypotheses, [reference], { tokenize: 'intl' }).score).toBe(expected.intl);
    expect(chrfCorpus(hypotheses, [reference])).toBe(expected.chrf);
    expect(chrfCorpus(hypotheses, [reference], { wordOrder: 2 })).toBe(expected.chrfPlusPlus);
  });

  it('two reference streams (refA and NLLB_Greedy as a second reference)', () => {
    const hypotheses = readLines('wmt23/generaltest2023.zh-en.hyp.GPT4-5shot.en');
    const second = readLines('wmt23/generaltest2023.zh-en.hyp.NLLB_Greedy.en');
    expect(corpusBleu(hypotheses, [reference, second]).score).toBe(43.60594361339149);
    expect(chrfCorpus(hypotheses, [reference, second])).toBe(64.80557202007043);
  });
});

describe('Chinese output: FLORES-200 devtest zho_Hant scored against zho_Hans', () => {
  const hypotheses = readLines('flores200/zho_Hant.devtest');
  const references = readLines('flores200/zho_Hans.devtest');
  const expected: Record<BleuTokenizerName, number> = { zh: 15.620646161936952, '13a': 9.052350062713508, intl: 5.394727522094961, char: 17.398735546293544, none: Number.NaN };

  it.each(['zh', '13a', 'intl', 'char'] as const)('BLEU tok:%s', (tokenize) => {
    expect(corpusBleu(hypotheses, [references], { tokenize }).score).toBe(expected[tokenize]);
  });

  it('chrF', () => expect(chrfCorpus(hypotheses, [references])).toBe(16.21132721061194));
});

/**
 * sacreBLEU 2.6.0 `PairedTest([('base', GPT4-5shot), ('sys', …)], {BLEU, CHRF}, [refA], test_type='bs',
 * n_samples=1000)` with its default seed 12345, same venv. Ladder draws the same resamples (numpy's
 * generator reproduced); sacreBLEU computes the resampled scores in float32, hence the 1e-5.
 */
describe('paired bootstrap on WMT23 zh-en, as sacreBLEU --paired-bs', () => {
  const baseline = readLines('wmt23/generaltest2023.zh-en.hyp.GPT4-5shot.en');
  const nllb = readLines('wmt23/generaltest2023.zh-en.hyp.NLLB_Greedy.en');
  const bleuRows = (hypotheses: string[]) => hypotheses.map((hypothesis, index) => bleuSegmentStatistics(hypothesis, [reference[index] as string]));
  const chrfRows = (hypotheses: string[]) => hypotheses.map((hypothesis, index) => chrfSegmentStatistics(hypothesis, [reference[index] as string]));
  const bleuScore = (totals: readonly number[]) => bleuFromStatistics(totals).score;
  const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThan(1e-5);

  it('GPT4-5shot vs NLLB_Greedy: the p-value, means and half-widths of sacreBLEU', () => {
    const result = pairedBootstrap({ baseline: bleuRows(baseline), system: bleuRows(nllb), score: bleuScore });
    expect(result.pValue).toBe(0.000999000999000999);
    expect(result.baseline.score).toBeCloseTo(26.761240160026357, 9);
    close(result.baseline.mean, 26.756338641144946);
    close(result.baseline.ci, 1.04220538419389);
    close(result.system.mean, 20.475609587803703);
    close(result.system.ci, 0.9356638964273589);
    expect(result.differenceInterval[1]).toBeLessThan(0);
  });

  it('a system differing in 150 of 1,976 lines: BLEU p = 0.045 and chrF p = 0.002, as sacreBLEU', () => {
    const mixed = [...nllb.slice(0, 150), ...baseline.slice(150)];
    const bleu = pairedBootstrap({ baseline: bleuRows(baseline), system: bleuRows(mixed), score: bleuScore });
    expect(bleu.system.score).toBeCloseTo(26.24882690993886, 9);
    expect(bleu.pValue).toBe(0.04495504495504495);
    close(bleu.system.mean, 26.23689740266069);
    close(bleu.system.ci, 1.1578977499180922);
    const chrf = pairedBootstrap({ baseline: chrfRows(baseline), system: chrfRows(mixed), score: (totals) => chrfFromStatistics(totals) });
    expect(chrf.system.score).toBeCloseTo(52.757256920382154, 9);
    expect(chrf.pValue).toBe(0.001998001998001998);
    close(chrf.baseline.mean, 53.133934020996094);
    close(chrf.system.ci, 0.9218063354492188);
  });
});

/**
 * TER on real outputs (a prefix of each file: sacreBLEU's TER takes ~100 s for the whole set).
 * Reference values: sacreBLEU 2.6.0 `TER(...).corpus_score(hyps[:n], [refs[:n]])`, same venv.
 */
describe('TER against sacreBLEU 2.6.0 on real outputs', () => {
  const nllb = readLines('wmt23/generaltest2023.zh-en.hyp.NLLB_Greedy.en').slice(0, 300);
  const references = reference.slice(0, 300);
  const cases: [string, TerOptions, [number, number, number]][] = [
    ['default', {}, [92.47587157770337, 4695, 5077]],
    ['normalized, case-sensitive', { normalized: true, caseSensitive: true }, [88.52621167161226, 5370, 6066]],
    ['no punctuation', { noPunct: true }, [89.71023063276168, 4551, 5073]],
  ];
  it.each(cases)('WMT23 zh-en NLLB_Greedy, first 300 segments, %s', (_name, options, [score, edits, length]) => {
    expect(corpusTer(nllb, [references], options)).toEqual({ score, numEdits: edits, refLength: length });
  });

  it('Chinese with asian support: FLORES zho_Hant against zho_Hans, first 150 sentences', () => {
    const hypotheses = readLines('flores200/zho_Hant.devtest').slice(0, 150);
    const chinese = [readLines('flores200/zho_Hans.devtest').slice(0, 150)];
    expect(corpusTer(hypotheses, chinese, { normalized: true, asianSupport: true })).toEqual({ score: 66.47350993377484, numEdits: 4015, refLength: 6040 });
    expect(corpusTer(hypotheses, chinese, { normalized: true, asianSupport: true, noPunct: true })).toEqual({ score: 68.9313389799964, numEdits: 3825, refLength: 5549 });
  });
});
