import { join } from 'node:path';
import type { RunManifest, ScorerEnvironment } from '@ladder/core';
import { FileResponseCache } from './cache.js';
import { executePlan, type ExecuteSummary, type RunHooks } from './execute.js';
import { Journal } from './journal.js';
import { buildManifest } from './manifest.js';
import { settingsFor, type Plan } from './plan.js';
import { callModel } from './call-model.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry.js';
import { JOURNAL_FILE, openRunDirectory, writeManifest } from './run-directory.js';

export interface RunOptions {
  plan: Plan;
  directory: string;
  resume?: boolean;
  /** Where the response cache lives; null turns it off (`--no-cache`). */
  cacheDirectory: string | null;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** The `--concurrency` given, for the manifest (the models carry the effective value). */
  concurrency?: number | null;
  limit?: number | null;
  command?: string[];
  hooks?: RunHooks;
  signal?: AbortSignal;
  sleep?: (ms: number) => Promise<void>;
  /**
   * Latency mode: this many warm-up requests per model (the first samples' prompts, sent one at
   * a time) before the run, neither journaled nor cached nor timed. Null or absent: none.
   */
  warmup?: number | null;
  /** `--exec-workers`: programs code scorers run at once (null or absent: one per core). */
  execWorkers?: number | null;
}

export interface RunResult {
  manifest: RunManifest;
  summary: ExecuteSummary;
  directory: string;
}

export const DEFAULT_TIMEOUT_MS = 120_000;

/** Runs (or resumes) a plan into a run directory: manifest first, then the journal, sample by sample. */
export async function runPlan(options: RunOptions): Promise<RunResult> {
  const { resumedFrom, release } = openRunDirectory({ directory: options.directory, planId: options.plan.id, resume: options.resume ?? false });
  try {
    return await runLocked(options, resumedFrom);
  } finally {
    release();
  }
}

async function runLocked(options: RunOptions, resumedFrom: RunManifest | null): Promise<RunResult> {
  const retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const environments = await scorerEnvironments(options.plan, options.execWorkers ?? null);
  const manifest = buildManifest({
    plan: options.plan,
    scorerEnvironments: environments,
    execWorkers: options.execWorkers ?? null,
    command: options.command ?? [],
    limit: options.limit ?? null,
    timeoutMs,
    maxAttempts: retry.maxAttempts,
    concurrency: options.concurrency ?? null,
    cache: options.cacheDirectory !== null,
    warmup: options.warmup ?? null,
  });
  if (resumedFrom !== null) manifest.createdAt = resumedFrom.createdAt;
  writeManifest(options.directory, manifest);
  for (const warning of manifest.warnings ?? []) options.hooks?.onWarning?.(warning);

  if ((options.warmup ?? 0) > 0) await warmUp(options.plan, options.warmup ?? 0, timeoutMs, options.signal);
  const journal = Journal.open(join(options.directory, JOURNAL_FILE), { resume: resumedFrom !== null });
  const cache = options.cacheDirectory === null ? null : new FileResponseCache(options.cacheDirectory);
  let summary: ExecuteSummary;
  try {
    summary = await executePlan({
      plan: options.plan,
      journal,
      cache,
      timeoutMs,
      retry,
      ...(options.hooks === undefined ? {} : { hooks: options.hooks }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
    });
  } finally {
    journal.close();
    cache?.close();
  }
  const finished = summary.executed + summary.resumed;
  manifest.status = !summary.interrupted && finished === options.plan.items.length ? 'complete' : 'incomplete';
  manifest.finishedAt = new Date().toISOString();
  manifest.counts = { planned: options.plan.items.length, finished, resumed: summary.resumed, modelCalls: summary.modelCalls, cacheHits: summary.cacheHits, ...summary.byStatus };
  writeManifest(options.directory, manifest);
  return { manifest, summary, directory: options.directory };
}

/**
 * Each suite's scorer readies what it runs on (a code scorer: its sandbox, with `execWorkers`)
 * and describes it, before any sample; a scorer that cannot get ready stops the run here.
 */
async function scorerEnvironments(plan: Plan, execWorkers: number | null): Promise<(ScorerEnvironment | undefined)[]> {
  const environments: (ScorerEnvironment | undefined)[] = [];
  for (const prepared of plan.suites) {
    environments.push(await prepared.suite.scorer.environment?.(execWorkers === null ? {} : { execWorkers }));
  }
  return environments;
}

/** Sends each model `count` requests (the first samples' prompts) and ignores the answers and errors. */
async function warmUp(plan: Plan, count: number, timeoutMs: number, signal: AbortSignal | undefined): Promise<void> {
  const prepared = plan.suites[0];
  if (prepared === undefined) return;
  for (const planned of plan.models) {
    for (let index = 0; index < count && signal?.aborted !== true; index += 1) {
      const sampleIndex = index % prepared.samples.length;
      try {
        await callModel(planned.model, {
          prompt: prepared.prompt(sampleIndex),
          settings: settingsFor(prepared, plan),
          requestKey: `warmup/${index}`,
          timeoutMs,
          ...(planned.model.wantsReference === true
            ? { reference: { oracleAnswer: prepared.oracleAnswers[sampleIndex] ?? '', chanceAnswers: prepared.chanceAnswers(sampleIndex) } }
            : {}),
          ...(signal === undefined ? {} : { abortSignal: signal }),
        });
      } catch {
        // A failed warm-up request changes nothing: the run's own requests are retried and recorded.
      }
    }
  }
}
