import { sha256, type RunManifest, type ScorerEnvironment } from '@ladder/core';
import { gitRevision, packageVersions } from './environment.js';
import { settingsFor, type Plan } from './plan.js';

export function buildManifest(options: {
  plan: Plan;
  command: string[];
  limit: number | null;
  timeoutMs: number;
  maxAttempts: number;
  concurrency: number | null;
  cache: boolean;
  warmup?: number | null;
  /** What each suite's scorer runs on (`Scorer.environment`), by suite index. */
  scorerEnvironments?: (ScorerEnvironment | undefined)[];
  execWorkers?: number | null;
}): RunManifest {
  const { plan } = options;
  const packages = packageVersions();
  const environments = options.scorerEnvironments ?? [];
  const warnings = [
    ...new Set([
      ...plan.suites.flatMap((prepared) => prepared.dataset.warnings ?? []),
      ...environments.flatMap((environment) => (typeof environment?.warning === 'string' ? [environment.warning] : [])),
    ]),
  ];
  return {
    ladderVersion: packages['@ladder/cli'] ?? '0.0.0',
    planId: plan.id,
    status: 'running',
    createdAt: new Date().toISOString(),
    command: options.command,
    seed: plan.seed,
    limit: options.limit,
    shard: plan.shard,
    gitRevision: gitRevision(),
    nodeVersion: process.version,
    platform: `${process.platform}-${process.arch}`,
    packages,
    options: {
      concurrency: options.concurrency,
      timeoutMs: options.timeoutMs,
      maxAttempts: options.maxAttempts,
      cache: options.cache,
      latencyMode: options.warmup === undefined || options.warmup === null ? null : { warmup: options.warmup },
      execWorkers: options.execWorkers ?? null,
    },
    ...(warnings.length === 0 ? {} : { warnings }),
    suites: plan.suites.map((prepared, index) => ({
      id: prepared.suite.id,
      version: prepared.suite.version,
      capabilities: prepared.suite.capabilities,
      datasetSha256: prepared.dataset.sha256,
      datasetSource: prepared.dataset.source,
      samples: prepared.samples.length,
      repeats: prepared.repeats,
      scorer: prepared.suite.scorer.name,
      metric: prepared.suite.scorer.metric.name,
      metricKind: prepared.suite.scorer.metric.kind,
      metricScale: prepared.suite.scorer.metric.scale ?? 1,
      ...(prepared.suite.scorer.metric.signature === undefined ? {} : { metricSignature: prepared.suite.scorer.metric.signature }),
      ...(prepared.suite.scorer.metric.secondary === undefined ? {} : { secondaryMetrics: prepared.suite.scorer.metric.secondary }),
      chance: prepared.chanceScore,
      generation: settingsFor(prepared, plan),
      promptsSha256: sha256(prepared.promptHashes.join('\n')),
      promptHashes: Object.fromEntries(prepared.samples.map((sample, position) => [sample.id, prepared.promptHashes[position] ?? ''])),
      ...(environments[index] === undefined ? {} : { scorerEnvironment: environments[index] }),
    })),
    models: plan.models.map((model) => ({
      id: model.id,
      concurrency: model.concurrency,
      settings: plan.generation,
      price: model.price ?? null,
      limits: model.limiter === undefined ? null : { ...model.limiter.limits },
    })),
    plannedSamples: plan.items.length,
  };
}
