import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRun } from './read-run.js';
import { syntheticRun } from './test-fixtures.js';

function runDirectory(options: { shard?: { index: number; count: number } | null; journal: string }): string {
  const directory = mkdtempSync(join(tmpdir(), 'ladder-gate-'));
  const { manifest } = syntheticRun({ suites: [{ id: 'a', samples: [{ id: 'x', scores: [1] }] }] });
  writeFileSync(join(directory, 'manifest.json'), JSON.stringify({ ...manifest, shard: options.shard ?? null }));
  writeFileSync(join(directory, 'samples.jsonl'), options.journal);
  return directory;
}

describe('readRun', () => {
  it('reads the manifest with prompt hashes and the journal, skipping a torn last line', () => {
    const line = JSON.stringify({ suite: 'a', model: 'test/model', sampleId: 'x', repeat: 0, status: 'ok', score: 1, answer: '1', output: '1' });
    const run = readRun(runDirectory({ journal: `${line}\n{"suite":"a","mod` }), 'baseline');
    expect(run.manifest.suites[0]?.promptHashes).toEqual({ x: 'prompt of x' });
    expect(run.records).toEqual([{ suite: 'a', model: 'test/model', sampleId: 'x', repeat: 0, status: 'ok', score: 1, answer: '1', statistics: undefined }]);
  });

  it('refuses a shard and a folder that holds no run, in one line naming the flag', () => {
    expect(() => readRun(runDirectory({ shard: { index: 2, count: 4 }, journal: '' }), 'candidate')).toThrow(/^--candidate .*: is shard 2\/4 of a run; combine the shards with `ladder merge`/);
    expect(() => readRun(mkdtempSync(join(tmpdir(), 'ladder-gate-empty-')), 'baseline')).toThrow(/not a run directory \(no manifest\.json\)/);
  });
});
