import { join } from 'node:path';
import { UsageError } from '@ladder/core';
import { JOURNAL_FILE, iterateJournal, readManifest } from '@ladder/runner';
import type { GateRecord, GateRun } from './types.js';

/** Reads a run directory (manifest with prompt hashes, and the journal's scores) for the gate. */
export function readRun(directory: string, role: 'baseline' | 'candidate'): GateRun {
  const manifest = readManifest(directory);
  if (!Array.isArray(manifest.suites) || !Array.isArray(manifest.models)) {
    throw new UsageError(`--${role} ${directory}: manifest.json has no suites or models; give a folder written by \`ladder run\``);
  }
  if (manifest.shard !== null && manifest.shard !== undefined) {
    throw new UsageError(
      `--${role} ${directory}: is shard ${manifest.shard.index}/${manifest.shard.count} of a run; combine the shards with \`ladder merge\` and gate the merged directory`,
    );
  }
  const records: GateRecord[] = [];
  for (const record of iterateJournal(join(directory, JOURNAL_FILE))) {
    records.push({
      suite: record.suite,
      model: record.model,
      sampleId: record.sampleId,
      repeat: record.repeat,
      status: record.status,
      score: record.score,
      answer: record.answer,
      statistics: record.statistics,
    });
  }
  return { source: directory, manifest, records };
}
