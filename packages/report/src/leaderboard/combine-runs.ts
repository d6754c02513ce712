import { basename, resolve } from 'node:path';
import { UsageError, type SuiteManifest } from '@ladder/core';
import type { RunAggregate } from '../aggregate.js';
import { siteSlug } from '../site-paths.js';
import type { BoardRun, BoardSuite } from './board-types.js';
import { metricScaleOf } from './metric-scale.js';

/** A run directory with its aggregate (`aggregateRun(directory, { keepScores: true })`). */
export interface LoadedRun {
  directory: string;
  aggregate: RunAggregate;
}

/** What must agree for two runs' numbers on one suite to be compared. */
const SAME_SUITE_FIELDS = ['version', 'datasetSha256', 'promptsSha256', 'metric', 'metricKind'] as const;

/**
 * The runs and suites of a board. Refuses (one line each) a directory given twice, a suite
 * whose version, data, prompts or metric differ between runs (their numbers would not be
 * comparable), and a suite x model present in more than one run: a board takes each number
 * from exactly one run, so re-running a model means leaving its older run directory out.
 */
export function combineRuns(runs: readonly LoadedRun[]): { runs: BoardRun[]; suites: BoardSuite[] } {
  if (runs.length === 0) throw new UsageError('ladder report: give at least one run directory');
  const seenDirectories = new Map<string, number>();
  const boardRuns = runs.map((run, index): BoardRun => {
    const absolute = resolve(run.directory);
    if (seenDirectories.has(absolute)) throw new UsageError(`ladder report: ${run.directory} is given twice`);
    seenDirectories.set(absolute, index);
    const { manifest, finished, planned } = run.aggregate;
    return {
      directory: run.directory,
      name: basename(absolute),
      manifest,
      finished,
      planned,
      complete: manifest.status === 'complete' && finished >= planned,
      siteId: `${index + 1}-${siteSlug(basename(absolute))}`,
    };
  });

  const suites = new Map<string, { suite: BoardSuite; manifest: SuiteManifest; run: number }>();
  const owners = new Map<string, number>();
  runs.forEach((run, runIndex) => {
    const { manifest } = run.aggregate;
    for (const suiteManifest of manifest.suites) {
      const known = suites.get(suiteManifest.id);
      if (known === undefined) {
        suites.set(suiteManifest.id, { suite: boardSuite(suiteManifest, runIndex), manifest: suiteManifest, run: runIndex });
      } else {
        for (const field of SAME_SUITE_FIELDS) {
          if (known.manifest[field] !== suiteManifest[field]) {
            throw new UsageError(
              `ladder report: suite ${suiteManifest.id} has ${field} ${short(known.manifest[field])} in ${runs[known.run]?.directory} but ${short(suiteManifest[field])} in ${run.directory}; ` +
                'models are compared only on the same suite version, data and prompts: re-run one of them or report them separately',
            );
          }
        }
        known.suite.runs.push(runIndex);
      }
      for (const model of manifest.models) {
        const key = `${suiteManifest.id}\u0000${model.id}`;
        const owner = owners.get(key);
        if (owner !== undefined) {
          const other = runs[owner] as LoadedRun;
          const shards = other.aggregate.manifest.planId === manifest.planId && manifest.shard !== null;
          throw new UsageError(
            `ladder report: ${suiteManifest.id} x ${model.id} is in both ${other.directory} and ${run.directory}; ` +
              (shards ? 'they are shards of one plan: combine them with `ladder merge` first' : 'a board takes each suite x model from one run: leave one of the directories out'),
          );
        }
        owners.set(key, runIndex);
      }
    }
  });
  return { runs: boardRuns, suites: [...suites.values()].map((entry) => entry.suite) };
}

function boardSuite(manifest: SuiteManifest, run: number): BoardSuite {
  return {
    id: manifest.id,
    version: manifest.version,
    capabilities: [...manifest.capabilities],
    metric: manifest.metric,
    metricKind: manifest.metricKind,
    scale: metricScaleOf(manifest),
    samples: manifest.samples,
    repeats: manifest.repeats,
    chance: manifest.chance,
    datasetSha256: manifest.datasetSha256,
    datasetSource: manifest.datasetSource,
    promptsSha256: manifest.promptsSha256,
    runs: [run],
  };
}

function short(value: unknown): string {
  const text = String(value);
  return /^[0-9a-f]{64}$/.test(text) ? text.slice(0, 12) : JSON.stringify(text);
}
