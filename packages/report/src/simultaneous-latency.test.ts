import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SampleRecord, SimultaneousRecord } from '@ladder/core';
import { bleuSegmentStatistics } from '@ladder/scorers';
import { describe, expect, it } from 'vitest';
import { aggregateRun } from './aggregate.js';
import { sampleLatency } from './simultaneous-latency.js';
import { renderSummary } from './summary-markdown.js';

const REFERENCE = 'Heute spreche ich zu Ihnen über Energie und Klima.';

/** wait-3 on sentence 1 of SimulEval's TED example (9 words heard at these ms), each call 10 ms. */
function waitThree(options: { cachedFrom?: number } = {}): SimultaneousRecord {
  const words = [3, 4, 5, 6, 7, 8, 9, 9, 9];
  const ms = [813, 1194, 1844, 2370, 3133, 3291, 3787, 3787, 3787];
  const call = [1, 2, 3, 4, 5, 6, 7, 7, 7];
  return {
    baseSuite: 'simul-ted-en-de',
    policy: 'wait-3',
    targetUnit: 'word',
    source: { units: 9, ms: 3787 },
    referenceLength: 9,
    emitted: REFERENCE.split(' ').map((unit, index) => ({
      unit,
      words: words[index] as number,
      ms: ms[index] as number,
      msComputationAware: options.cachedFrom !== undefined && (call[index] as number) >= options.cachedFrom ? null : (ms[index] as number) + 10 * (call[index] as number),
    })),
    steps: [],
  };
}

function record(sampleId: string, model: string, simultaneous: SimultaneousRecord, output = REFERENCE): Partial<SampleRecord> {
  return { sampleId, model, suite: 'simul-ted-en-de@wait-3', status: 'ok', score: 100, output, statistics: bleuSegmentStatistics(output, [REFERENCE]), simultaneous };
}

function runDirectory(records: Partial<SampleRecord>[]): string {
  const directory = mkdtempSync(join(tmpdir(), 'ladder-simultaneous-'));
  const suite = { id: 'simul-ted-en-de@wait-3', version: '1', capabilities: ['translation'], metric: 'BLEU', metricKind: 'corpus', chance: null, repeats: 1, samples: 2, promptHashes: {}, datasetSha256: 'a'.repeat(64) };
  const manifest = { planId: 'p', status: 'complete', seed: 0, ladderVersion: '0', gitRevision: null, nodeVersion: 'v20', suites: [suite], models: [{ id: 'builtin/oracle' }, { id: 'test/slow' }], plannedSamples: records.length };
  writeFileSync(join(directory, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(directory, 'samples.jsonl'), `${records.map((line) => JSON.stringify({ repeat: 0, cached: false, timing: null, ...line })).join('\n')}\n`);
  return directory;
}

describe('simultaneous latency in results', () => {
  it("computes a sample's SimulEval latency from its emitted units: in words, in ms, and with computation", () => {
    const latency = sampleLatency(waitThree());
    // AL in words: tau = 7 (the first delay reaching |X| = 9), each term d_i - (i - 1) = 3.
    expect(latency.words).toEqual({ AL: 3, LAAL: 3, DAL: 3, AP: 60 / 81, startOffset: 3, endOffset: 0 });
    // AL in ms: gamma = 9 / 3787, so word i is ideally at (i - 1) x 3787 / 9 ms.
    const ideal = (index: number) => (index * 3787) / 9;
    const ms = [813, 1194, 1844, 2370, 3133, 3291, 3787];
    expect(latency.ms?.AL).toBeCloseTo(ms.reduce((total, delay, index) => total + delay - ideal(index), 0) / 7, 9);
    expect(latency.ms).toMatchObject({ startOffset: 813, endOffset: 0 });
    expect(latency.msComputationAware?.startOffset).toBe(823);
    expect(latency.msComputationAware?.endOffset).toBe(70);
  });

  it('gives each suite x model row its mean latency, with computation over the samples timed in full', () => {
    const directory = runDirectory([
      record('ted-1', 'builtin/oracle', waitThree()),
      record('ted-2', 'builtin/oracle', waitThree({ cachedFrom: 2 })),
      record('ted-1', 'test/slow', waitThree()),
      { ...record('ted-2', 'test/slow', { ...waitThree(), emitted: [] }, ''), status: 'format_error', score: 0 },
    ]);
    const [oracle, slow] = aggregateRun(directory).rows;
    const one = sampleLatency(waitThree());
    expect(oracle?.value).toBe(100);
    expect(oracle?.simultaneous).toMatchObject({ baseSuite: 'simul-ted-en-de', policy: 'wait-3', samples: 2, timedSamples: 1 });
    expect(oracle?.simultaneous?.words.AL).toBe(3);
    expect(oracle?.simultaneous?.msComputationAware.AL).toBeCloseTo(one.msComputationAware?.AL ?? 0, 5);
    // The empty translation has no latency: SimulEval skips it.
    expect(slow?.simultaneous).toMatchObject({ samples: 1, timedSamples: 1 });
    expect(slow?.simultaneous?.ms.AL).toBeCloseTo(one.ms?.AL ?? 0, 5);

    const summary = renderSummary(aggregateRun(directory));
    expect(summary).toContain('## Quality and latency: simul-ted-en-de');
    expect(summary).toContain('| model | policy | BLEU | 95% CI | chrF | AL (words) |');
    const lines = summary.split('\n').filter((line) => line.startsWith('| builtin/oracle | wait-3') || line.startsWith('| test/slow | wait-3'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\| builtin\/oracle \| wait-3 \| 100\.00 \| .* \| — \| 3\.00 \| 3\.00 \| 3\.00 \| 0\.741 \| \d+ \| \d+ \| \d+\* \|/);
    expect(summary).toContain('over the samples whose calls were all timed');
  });

  it('adds no quality-latency table to a run without simultaneous suites', () => {
    const directory = runDirectory([{ sampleId: 'a', model: 'builtin/oracle', status: 'ok', score: 100, statistics: bleuSegmentStatistics(REFERENCE, [REFERENCE]) }]);
    expect(aggregateRun(directory).rows[0]?.simultaneous).toBeUndefined();
    expect(renderSummary(aggregateRun(directory))).not.toContain('Quality and latency');
  });
});
