import { aggregateRun } from '../aggregate.js';
import type { LoadedRun } from './combine-runs.js';

/** Reads each run directory once (manifest and journal), keeping per-sample scores for paired deltas. */
export function loadRuns(directories: readonly string[]): LoadedRun[] {
  return directories.map((directory) => ({ directory, aggregate: aggregateRun(directory, { keepScores: true }) }));
}
