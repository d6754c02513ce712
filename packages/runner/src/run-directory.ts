import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError, type RunManifest } from '@ladder/core';
import { lockRunDirectory } from './run-lock.js';

export const MANIFEST_FILE = 'manifest.json';
export const JOURNAL_FILE = 'samples.jsonl';
export const RESULT_FILES = ['results.json', 'results.csv', 'summary.md'] as const;

/** Writes a file whole or not at all (temp file + rename). */
export function writeFileAtomic(path: string, content: string): void {
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}

/**
 * Reads a run's manifest. `promptHashes: false` leaves each suite's per-sample prompt hashes
 * out (an empty object), for readers that need only the rest: 100,000 of them are 15 MB.
 */
export function readManifest(directory: string, options: { promptHashes?: boolean } = {}): RunManifest {
  const path = join(directory, MANIFEST_FILE);
  if (!existsSync(path)) throw new UsageError(`${directory}: not a run directory (no ${MANIFEST_FILE}); give a folder written by \`ladder run\``);
  const withoutHashes = (key: string, value: unknown) => (key === 'promptHashes' ? {} : value);
  try {
    return JSON.parse(readFileSync(path, 'utf8'), options.promptHashes === false ? withoutHashes : undefined) as RunManifest;
  } catch (error) {
    throw new UsageError(`${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

export function writeManifest(directory: string, manifest: RunManifest): void {
  writeFileAtomic(join(directory, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}

/**
 * Gets a run directory ready and locks it for this process. A new run refuses a folder that
 * already holds a run; `--resume` requires one, of the same plan.
 */
export function openRunDirectory(options: { directory: string; planId: string; resume: boolean }): {
  resumedFrom: RunManifest | null;
  /** Gives up the directory's lock (see `lockRunDirectory`). */
  release: () => void;
} {
  const { directory } = options;
  const manifestPath = join(directory, MANIFEST_FILE);
  if (options.resume) {
    if (!existsSync(manifestPath)) {
      throw new UsageError(`--resume: ${directory} holds no run to resume (no ${MANIFEST_FILE}); run again without --resume`);
    }
    const release = lockRunDirectory(directory);
    try {
      return { resumedFrom: checkResumable(directory, options.planId), release };
    } catch (error) {
      release();
      throw error;
    }
  }
  if (existsSync(manifestPath)) {
    throw new UsageError(`--out ${directory} already holds a run; add --resume to continue it, or choose another --out`);
  }
  mkdirSync(directory, { recursive: true });
  return { resumedFrom: null, release: lockRunDirectory(directory) };
}

/** The previous run's manifest, if the directory holds a run of the same plan; its stale results are removed. */
function checkResumable(directory: string, planId: string): RunManifest {
  const previous = readManifest(directory);
  if (previous.planId !== planId) {
    throw new UsageError(
      `--resume: the run in ${directory} was planned with other suites, data, models, settings, --limit, --repeats, --seed or --shard (plan ${previous.planId}, now ${planId}); repeat its command exactly or choose a new --out`,
    );
  }
  for (const file of RESULT_FILES) rmSync(join(directory, file), { force: true });
  return previous;
}
