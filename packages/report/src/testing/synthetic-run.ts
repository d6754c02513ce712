import { mkdirSync, openSync, closeSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { sha256, stableStringify, type Capability, type ChatMessage, type MetricKind, type RunManifest, type SampleRecord } from '@ladder/core';

export interface SyntheticSuite {
  id: string;
  capabilities: Capability[];
  metric?: string;
  metricKind?: MetricKind;
  /** The metric's scale in the manifest; left out (as in runs written before it was recorded) when absent and the metric is not a proportion. */
  metricScale?: number;
  samples: number;
  repeats?: number;
  chance?: number | null;
}

export interface SyntheticSample {
  score: number | null;
  status?: SampleRecord['status'];
  output?: string | null;
  answer?: string | null;
  statistics?: number[];
  totalMs?: number;
  firstTokenMs?: number;
  outputTokensPerSecond?: number | null;
}

/**
 * Writes a run directory (manifest.json and samples.jsonl) as `ladder run` would, from a
 * function giving each suite x model x sample x repeat its result: for tests and benchmarks of
 * the reports, without running models.
 */
export function writeSyntheticRun(options: {
  directory: string;
  suites: SyntheticSuite[];
  models: string[];
  sample: (context: { suite: SyntheticSuite; model: string; index: number; repeat: number }) => SyntheticSample;
  sampleId?: (suite: SyntheticSuite, index: number) => string;
  /** The prompt of each sample: its sha256 goes into the manifest and the records, as in a real run. */
  prompt?: (suite: SyntheticSuite, index: number) => ChatMessage[];
  status?: RunManifest['status'];
}): void {
  const { directory } = options;
  mkdirSync(directory, { recursive: true });
  const sampleId = options.sampleId ?? ((_suite, index) => `q${String(index).padStart(4, '0')}`);
  let planned = 0;
  const promptHash = (suite: SyntheticSuite, index: number) => (options.prompt === undefined ? '' : sha256(stableStringify(options.prompt(suite, index))));
  const hashes = new Map(options.suites.map((suite) => [suite.id, Array.from({ length: suite.samples }, (_, index) => promptHash(suite, index))]));
  const manifest: RunManifest = {
    ladderVersion: '0.1.0',
    planId: `synthetic-${options.suites.map((suite) => suite.id).join('+')}-${options.models.join('+')}`,
    status: options.status ?? 'complete',
    createdAt: new Date(0).toISOString(),
    command: ['ladder', 'run', '(synthetic)'],
    seed: 0,
    limit: null,
    shard: null,
    gitRevision: null,
    nodeVersion: process.version,
    platform: `${process.platform}-${process.arch}`,
    packages: {},
    options: { concurrency: null, timeoutMs: 60_000, maxAttempts: 4, cache: false },
    suites: options.suites.map((suite) => {
      planned += suite.samples * (suite.repeats ?? 1) * options.models.length;
      return {
        id: suite.id,
        version: '1',
        capabilities: suite.capabilities,
        datasetSha256: `${'0'.repeat(56)}${suite.samples.toString(16).padStart(8, '0')}`,
        datasetSource: `synthetic/${suite.id}.jsonl`,
        samples: suite.samples,
        repeats: suite.repeats ?? 1,
        scorer: suite.metric ?? 'exact',
        metric: suite.metric ?? 'accuracy',
        metricKind: suite.metricKind ?? 'proportion',
        ...(suite.metricScale !== undefined ? { metricScale: suite.metricScale } : suite.metricKind === undefined || suite.metricKind === 'proportion' ? { metricScale: 1 } : {}),
        chance: suite.chance ?? null,
        generation: {},
        promptHashes: Object.fromEntries((hashes.get(suite.id) ?? []).map((hash, index) => [sampleId(suite, index), hash])),
        promptsSha256: `synthetic-${suite.id}-${suite.samples}`,
      };
    }),
    models: options.models.map((id) => ({ id, concurrency: 4, settings: {} })),
    plannedSamples: 0,
  };
  manifest.plannedSamples = planned;
  writeFileSync(join(directory, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const fd = openSync(join(directory, 'samples.jsonl'), 'w');
  try {
    let buffer = '';
    for (const suite of options.suites) {
      for (const model of options.models) {
        for (let index = 0; index < suite.samples; index += 1) {
          for (let repeat = 0; repeat < (suite.repeats ?? 1); repeat += 1) {
            const result = options.sample({ suite, model, index, repeat });
            const record: SampleRecord = {
              suite: suite.id,
              model,
              sampleId: sampleId(suite, index),
              repeat,
              status: result.status ?? (result.score === null ? 'model_error' : 'ok'),
              score: result.score,
              answer: result.answer ?? null,
              output: result.output ?? null,
              cached: false,
              timing:
                result.totalMs === undefined
                  ? null
                  : {
                      firstTokenMs: result.firstTokenMs ?? null,
                      firstAnswerTokenMs: result.firstTokenMs ?? null,
                      totalMs: result.totalMs,
                      interTokenMs: null,
                      outputTokensPerSecond: result.outputTokensPerSecond ?? null,
                    },
              attempts: 1,
              retryWaitMs: 0,
              promptHash: hashes.get(suite.id)?.[index] ?? '',
              ...(result.statistics === undefined ? {} : { statistics: result.statistics }),
            };
            buffer += `${JSON.stringify(record)}\n`;
            if (buffer.length > 1 << 20) {
              writeSync(fd, buffer);
              buffer = '';
            }
          }
        }
      }
    }
    writeSync(fd, buffer);
  } finally {
    closeSync(fd);
  }
}
