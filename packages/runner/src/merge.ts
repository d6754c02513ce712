import { existsSync, mkdirSync, openSync, closeSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError, type RunManifest } from '@ladder/core';
import { iterateJournal, recordKey } from './journal.js';
import { JOURNAL_FILE, MANIFEST_FILE, readManifest, writeManifest } from './run-directory.js';

/**
 * Combines the run directories of the shards of one plan into one run directory. Refuses
 * shards of different plans, repeated or missing shards, and unfinished shards.
 */
export function mergeRuns(options: { directories: string[]; out: string }): { manifest: RunManifest; records: number } {
  if (options.directories.length === 0) throw new UsageError('ladder merge: give the shard run directories to combine');
  if (existsSync(join(options.out, MANIFEST_FILE))) {
    throw new UsageError(`--out ${options.out} already holds a run; choose another folder`);
  }
  const manifests = options.directories.map((directory) => ({ directory, manifest: readManifest(directory) }));
  const first = manifests[0]!;
  const seen = new Map<number, string>();
  for (const { directory, manifest } of manifests) {
    if (manifest.planId !== first.manifest.planId) {
      throw new UsageError(
        `${directory}: shard of another plan (${manifest.planId}, not ${first.manifest.planId} as ${first.directory}); merge only shards of one command`,
      );
    }
    if (manifest.shard === null) throw new UsageError(`${directory}: not a shard (it was run without --shard)`);
    if (manifest.shard.count !== first.manifest.shard?.count) {
      throw new UsageError(`${directory}: shard ${manifest.shard.index}/${manifest.shard.count} does not match ${first.directory}'s count`);
    }
    const previous = seen.get(manifest.shard.index);
    if (previous !== undefined) throw new UsageError(`${directory}: shard ${manifest.shard.index} given twice (also ${previous})`);
    seen.set(manifest.shard.index, directory);
    if (manifest.status !== 'complete') {
      throw new UsageError(`${directory}: shard ${manifest.shard.index}/${manifest.shard.count} is ${manifest.status}; finish it with --resume first`);
    }
  }
  const count = first.manifest.shard!.count;
  const missing = Array.from({ length: count }, (_, index) => index + 1).filter((index) => !seen.has(index));
  if (missing.length > 0) throw new UsageError(`ladder merge: shard(s) ${missing.map((index) => `${index}/${count}`).join(', ')} missing`);

  mkdirSync(options.out, { recursive: true });
  const keys = new Set<string>();
  const fd = openSync(join(options.out, JOURNAL_FILE), 'w');
  try {
    for (const { directory } of manifests) {
      for (const record of iterateJournal(join(directory, JOURNAL_FILE))) {
        const key = recordKey(record);
        if (keys.has(key)) continue;
        keys.add(key);
        writeSync(fd, `${JSON.stringify(record)}\n`);
      }
    }
  } finally {
    closeSync(fd);
  }
  const counts: Record<string, number> = {};
  for (const { manifest } of manifests) {
    for (const [name, value] of Object.entries(manifest.counts ?? {})) counts[name] = (counts[name] ?? 0) + value;
  }
  const merged: RunManifest = {
    ...first.manifest,
    status: 'complete',
    shard: null,
    mergedFrom: manifests.map(({ directory }) => resolve(directory)),
    plannedSamples: manifests.reduce((total, { manifest }) => total + manifest.plannedSamples, 0),
    finishedAt: new Date().toISOString(),
    counts,
  };
  writeManifest(options.out, merged);
  return { manifest: merged, records: keys.size };
}
