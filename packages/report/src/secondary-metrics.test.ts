import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SampleRecord } from '@ladder/core';
import { bleuSegmentStatistics, chrfCorpus, chrfSegmentStatistics, corpusBleu } from '@ladder/scorers';
import { describe, expect, it } from 'vitest';
import { aggregateRun } from './aggregate.js';
import { renderSummary } from './summary-markdown.js';

const PAIRS = [
  ['The cat is sitting on the mat.', 'The cat sat on the mat.'],
  ['He went to the market yesterday.', 'Yesterday he went to the market.'],
  ['Rain is expected tomorrow in the north.', 'Rain is expected in the north tomorrow.'],
  ['A completely different sentence.', 'The meeting starts at nine.'],
] as const;
const BLEU_SIGNATURE = 'nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0-ladder';
const CHRF_SIGNATURE = 'nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0-ladder';

/** A run directory of a BLEU suite that reports chrF beside it, as the translation suites write it. */
function translationRun(): string {
  const directory = mkdtempSync(join(tmpdir(), 'ladder-report-'));
  const suite = {
    id: 'flores-zh-en',
    version: '1',
    capabilities: ['translation'],
    metric: 'BLEU',
    metricKind: 'corpus',
    metricSignature: BLEU_SIGNATURE,
    secondaryMetrics: [{ name: 'chrF', signature: CHRF_SIGNATURE }],
    chance: 0.5,
    repeats: 1,
    samples: PAIRS.length,
    datasetSha256: 'a'.repeat(64),
    promptHashes: {},
  };
  const manifest = { planId: 'p', status: 'complete', seed: 0, ladderVersion: '0', gitRevision: null, nodeVersion: 'v20', suites: [suite], models: [{ id: 'm/x' }], plannedSamples: PAIRS.length };
  writeFileSync(join(directory, 'manifest.json'), JSON.stringify(manifest));
  const records: Partial<SampleRecord>[] = PAIRS.map(([hypothesis, reference], index) => ({
    sampleId: String(index + 1),
    status: 'ok',
    score: 0,
    statistics: bleuSegmentStatistics(hypothesis, [reference]),
    metrics: { chrF: chrfSegmentStatistics(hypothesis, [reference]) },
    timing: { firstTokenMs: 5, firstAnswerTokenMs: 5, totalMs: 100, interTokenMs: null, outputTokensPerSecond: null, outputCharactersPerSecond: 100 * (index + 1), outputWordsPerSecond: 10 * (index + 1) },
  }));
  const lines = records.map((record) => JSON.stringify({ suite: suite.id, model: 'm/x', repeat: 0, cached: false, ...record }));
  writeFileSync(join(directory, 'samples.jsonl'), `${lines.join('\n')}\n`);
  return directory;
}

describe('secondary corpus metrics and throughput', () => {
  const aggregate = aggregateRun(translationRun());
  const hypotheses = PAIRS.map(([hypothesis]) => hypothesis);
  const references = [PAIRS.map(([, reference]) => reference)];

  it('aggregates chrF beside BLEU, each from its own summed statistics, with an interval', () => {
    const [row] = aggregate.rows;
    expect(row?.value).toBeCloseTo(corpusBleu(hypotheses, references).score, 5);
    const chrf = row?.metrics?.chrF;
    expect(chrf?.value).toBeCloseTo(chrfCorpus(hypotheses, references), 5);
    expect(chrf?.ci95?.[0]).toBeLessThanOrEqual(chrf?.value ?? Number.NaN);
    expect(chrf?.ci95?.[1]).toBeGreaterThanOrEqual(chrf?.value ?? Number.NaN);
  });

  it('takes the median words and characters per second of the timed calls', () => {
    expect(aggregate.latency[0]).toMatchObject({ outputWordsPerSecondP50: 25, outputCharactersPerSecondP50: 250 });
  });

  it('shows chrF, the signatures and the throughput in summary.md', () => {
    const summary = renderSummary(aggregate);
    expect(summary).toContain('| model | chrF | 95% CI |');
    expect(summary).toMatch(new RegExp(`\\| m/x \\| ${chrfCorpus(hypotheses, references).toFixed(2)} \\| \\[`));
    expect(summary).toContain(`Signatures: BLEU \`${BLEU_SIGNATURE}\`, chrF \`${CHRF_SIGNATURE}\`.`);
    expect(summary).toContain('| model | output words/s (p50) | output chars/s (p50) | timed calls |');
    expect(summary).toContain('| m/x | 25.0 | 250.0 | 4 |');
  });
});
