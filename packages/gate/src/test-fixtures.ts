import type { MetricKind, RunManifest, SampleStatus, SuiteManifest } from '@ladder/core';
import type { GateRecord, GateRun } from './types.js';

/** One sample of a synthetic run: a score (or a status) per repeat. */
export interface SyntheticSample {
  id: string;
  scores: (number | SampleStatus)[];
  statistics?: number[][];
  prompt?: string;
}

export interface SyntheticSuite {
  id: string;
  metric?: string;
  metricKind?: MetricKind;
  metricScale?: number;
  version?: string;
  datasetSha256?: string;
  samples: SyntheticSample[];
}

/** A run (manifest and records) made in memory, for the gate's tests and simulations. */
export function syntheticRun(options: { source?: string; model?: string; suites: SyntheticSuite[]; status?: RunManifest['status'] }): GateRun {
  const model = options.model ?? 'test/model';
  const records: GateRecord[] = [];
  const suites: SuiteManifest[] = options.suites.map((suite) => {
    const repeats = Math.max(...suite.samples.map((sample) => sample.scores.length));
    for (const sample of suite.samples) {
      sample.scores.forEach((score, repeat) => {
        const status: SampleStatus = typeof score === 'number' ? 'ok' : score;
        records.push({
          suite: suite.id,
          model,
          sampleId: sample.id,
          repeat,
          status,
          score: typeof score === 'number' ? score : status === 'format_error' ? 0 : null,
          answer: typeof score === 'number' ? String(score) : null,
          statistics: sample.statistics?.[repeat],
        });
      });
    }
    return {
      id: suite.id,
      version: suite.version ?? '1',
      capabilities: [],
      datasetSha256: suite.datasetSha256 ?? 'd'.repeat(64),
      datasetSource: 'memory',
      samples: suite.samples.length,
      repeats,
      scorer: 'exact',
      metric: suite.metric ?? 'accuracy',
      metricKind: suite.metricKind ?? 'proportion',
      metricScale: suite.metricScale ?? 1,
      chance: null,
      generation: {},
      promptHashes: Object.fromEntries(suite.samples.map((sample) => [sample.id, sample.prompt ?? `prompt of ${sample.id}`])),
      promptsSha256: '',
    };
  });
  const manifest: RunManifest = {
    ladderVersion: '0.1.0',
    planId: 'plan',
    status: options.status ?? 'complete',
    createdAt: '2025-01-01T00:00:00.000Z',
    command: [],
    seed: 0,
    limit: null,
    shard: null,
    gitRevision: null,
    nodeVersion: 'v20',
    platform: 'test',
    packages: {},
    options: { concurrency: null, timeoutMs: 1000, maxAttempts: 1, cache: false },
    suites,
    models: [{ id: model, concurrency: 1, settings: {} }],
    plannedSamples: records.length,
  };
  return { source: options.source ?? model, manifest, records };
}
