import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SampleRecord } from '@ladder/core';
import { chrfCorpus, chrfSegmentStatistics, chrfSentence, clusteredStandardError, wilsonInterval } from '@ladder/scorers';
import { describe, expect, it } from 'vitest';
import { aggregateRun } from './aggregate.js';

function runDirectory(options: { repeats: number; records: Partial<SampleRecord>[]; metric?: string; metricKind?: string; capabilities?: string[] }): string {
  const directory = mkdtempSync(join(tmpdir(), 'ladder-report-'));
  const suite = { id: 's', version: '1', metric: options.metric ?? 'accuracy', metricKind: options.metricKind ?? 'proportion', chance: 0.25, repeats: options.repeats, samples: 10, promptHashes: {}, capabilities: options.capabilities };
  const manifest = { planId: 'p', status: 'complete', suites: [suite], models: [{ id: 'm/x' }], plannedSamples: options.records.length };
  writeFileSync(join(directory, 'manifest.json'), JSON.stringify(manifest));
  const lines = options.records.map((record) => JSON.stringify({ suite: 's', model: 'm/x', repeat: 0, cached: false, timing: null, ...record }));
  writeFileSync(join(directory, 'samples.jsonl'), `${lines.join('\n')}\n`);
  return directory;
}

describe('aggregateRun', () => {
  it('gives code suites the unbiased pass@k for every k the repeats allow, and the per-problem pass counts', () => {
    // openai/human-eval's corpus vector: tasks with (n, c) = (5, 2), (5, 0), (5, 5), (5, 1).
    const passed = [2, 0, 5, 1];
    const records = passed.flatMap((count, task) => Array.from({ length: 5 }, (_, repeat) => ({ sampleId: `t${task}`, repeat, status: 'ok' as const, score: repeat < count ? 1 : 0 })));
    const [row] = aggregateRun(runDirectory({ repeats: 5, records, capabilities: ['code'] })).rows;
    expect(row?.passAtK).toEqual({ '1': 0.4, '5': 0.75 });
    expect(row?.passCounts).toEqual({ t0: { n: 5, passed: 2 }, t1: { n: 5, passed: 0 }, t2: { n: 5, passed: 5 }, t3: { n: 5, passed: 1 } });
    // An infrastructure error leaves t3 with 4 scored samples (1 passed): pass@5 is no longer defined, pass@1 = (0.4 + 0 + 1 + 0.25) / 4.
    const withError = records.map((record) => (record.sampleId === 't3' && record.repeat === 4 ? { ...record, status: 'scorer_error' as const, score: null } : record));
    expect(aggregateRun(runDirectory({ repeats: 5, records: withError, capabilities: ['code'] })).rows[0]?.passAtK).toEqual({ '1': 0.4125 });
    expect(aggregateRun(runDirectory({ repeats: 5, records })).rows[0]?.passAtK).toBeNull();
  });

  it('keeps infrastructure errors out of the denominator, counts unanswered as wrong, and ignores a duplicate line', () => {
    const records: Partial<SampleRecord>[] = [
      ...Array.from({ length: 6 }, (_, index) => ({ sampleId: `ok${index}`, status: 'ok' as const, score: index < 4 ? 1 : 0 })),
      { sampleId: 'ok0', status: 'ok', score: 0 },
      { sampleId: 'fmt', status: 'format_error', score: 0 },
      { sampleId: 'down', status: 'model_error', score: null },
      { sampleId: 'slow', status: 'timeout', score: null },
    ];
    const [row] = aggregateRun(runDirectory({ repeats: 1, records })).rows;
    expect(row).toMatchObject({ n: 7, errors: 2, unanswered: 1, value: 0.571429 });
    const [low, high] = wilsonInterval(4, 7);
    expect(row?.ci95?.[0]).toBeCloseTo(low, 4);
    expect(row?.ci95?.[1]).toBeCloseTo(high, 4);
  });

  it('clusters repeats of one sample', () => {
    const scores = [1, 1, 1, 0, 0, 0, 1, 0, 1, 1, 0, 1];
    const records = scores.map((score, index) => ({ sampleId: `q${Math.floor(index / 3)}`, repeat: index % 3, status: 'ok' as const, score }));
    const [row] = aggregateRun(runDirectory({ repeats: 3, records })).rows;
    const mean = 7 / 12;
    const standardError = clusteredStandardError(scores, records.map((record) => record.sampleId));
    expect(row?.value).toBeCloseTo(mean, 4);
    expect(row?.ci95?.[0]).toBeCloseTo(mean - 1.959963984540054 * standardError, 4);
    expect(row?.ci95?.[1]).toBeCloseTo(Math.min(1, mean + 1.959963984540054 * standardError), 4);
  });

  it('adds the unweighted mean over groups beside the sample-weighted value', () => {
    // Subject a: 3 of 4 right; subject b: 0 of 1 right. Over samples 3/5, over subjects (0.75 + 0) / 2.
    const records = [1, 1, 1, 0].map((score, index) => ({ sampleId: `a${index}`, group: 'a', status: 'ok' as const, score }));
    records.push({ sampleId: 'b0', group: 'b', status: 'ok' as const, score: 0 });
    const [row] = aggregateRun(runDirectory({ repeats: 1, records })).rows;
    expect(row).toMatchObject({ value: 0.6, groups: 2, macroValue: 0.375, majorityValue: null });
  });

  it('computes maj@k from the answers given over the repeats', () => {
    // q0: answers 7, 7, 8 (7 right) -> right; q1: 5, 6, 6 (5 right) -> wrong; q2: 1, 2, 3 (first, 1, right) -> right.
    const answers = [['7', 1], ['7', 1], ['8', 0], ['5', 1], ['6', 0], ['6', 0], ['1', 1], ['2', 0], ['3', 0]] as const;
    const records = answers.map(([answer, score], index) => ({ sampleId: `q${Math.floor(index / 3)}`, repeat: index % 3, status: 'ok' as const, score, answer }));
    const [row] = aggregateRun(runDirectory({ repeats: 3, records })).rows;
    expect(row?.value).toBeCloseTo(4 / 9, 5);
    expect(row?.majorityValue).toBeCloseTo(2 / 3, 5);
  });

  it('counts a question right under CircularEval only when every rotation is right', () => {
    // q0: all four rotations right; q1: one rotation wrong.
    const scores = [1, 1, 1, 1, 1, 0, 1, 1];
    const records = scores.map((score, index) => ({ sampleId: `q${Math.floor(index / 4)}#rot${index % 4}`, status: 'ok' as const, score }));
    const [row] = aggregateRun(runDirectory({ repeats: 1, records })).rows;
    expect(row).toMatchObject({ value: 0.875, circularValue: 0.5 });
  });

  it('computes a corpus metric once from the summed statistics, not as a mean of sentence scores', () => {
    const pairs = [
      ['The cat sat on the mat.', 'The cat sat on the mat.'],
      ['A dog.', 'A large brown dog barked at the postman all morning.'],
      ['Rain is expected tomorrow in the north.', 'Rain is expected in the north tomorrow.'],
      ['', 'Nothing came back for this one.'],
    ] as const;
    const records = pairs.map(([hypothesis, reference], index) => ({
      sampleId: `t${index}`,
      status: hypothesis === '' ? ('format_error' as const) : ('ok' as const),
      score: chrfSentence(hypothesis, [reference]),
      statistics: chrfSegmentStatistics(hypothesis, [reference]),
    }));
    const [row] = aggregateRun(runDirectory({ repeats: 1, records, metric: 'chrF', metricKind: 'corpus' })).rows;
    const corpus = chrfCorpus(pairs.map(([hypothesis]) => hypothesis), [pairs.map(([, reference]) => reference)]);
    const meanOfSentences = records.reduce((total, record) => total + record.score, 0) / records.length;
    expect(row?.value).toBeCloseTo(corpus, 5);
    expect(Math.abs(corpus - meanOfSentences)).toBeGreaterThan(1);
    expect(row?.n).toBe(4);
    expect(row?.ci95?.[0]).toBeLessThanOrEqual(corpus);
    expect(row?.ci95?.[1]).toBeGreaterThanOrEqual(corpus);
    expect(row?.ci95?.[1]).toBeGreaterThan(row?.ci95?.[0] ?? Infinity);
  });

  it('refuses a corpus row whose samples carry no statistics', () => {
    const records = [{ sampleId: 't0', status: 'ok' as const, score: 50 }];
    expect(() => aggregateRun(runDirectory({ repeats: 1, records, metric: 'chrF', metricKind: 'corpus' }))).toThrow(/t0 has no statistics/);
  });
});
