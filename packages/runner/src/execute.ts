import { setMaxListeners } from 'node:events';
import type { CallOptions, SampleRecord } from '@ladder/core';
import { accountingFields, askModel, costOf } from './ask-model.js';
import type { ResponseCache } from './cache.js';
import { HeapPacer } from './heap-pacer.js';
import type { PreparedSuite } from './prepare-suite.js';
import type { ModelAnswer } from './call-model.js';
import type { Journal } from './journal.js';
import { itemKey, settingsFor, type Plan, type PlanItem } from './plan.js';
import type { RetryPolicy } from './retry.js';
import { runSession } from './run-session.js';
import { TRUNCATED_ERROR, isTruncated, scoreOutput } from './score-output.js';

export interface RunHooks {
  /** Before any work: the items of this run (shard) and how many the journal already holds. */
  onRunStart?(info: { total: number; resumed: number }): void;
  onSampleEnd?(record: SampleRecord, progress: { done: number; total: number }): void;
  /** Something the user must know about how the numbers are made (e.g. code runs without a sandbox), before any sample. */
  onWarning?(message: string): void;
}

export interface ExecuteOptions {
  plan: Plan;
  journal: Journal;
  cache: ResponseCache | null;
  timeoutMs: number;
  retry: RetryPolicy;
  hooks?: RunHooks;
  signal?: AbortSignal;
  /** For tests: replaces the waits between retries. */
  sleep?: (ms: number) => Promise<void>;
}

export interface ExecuteSummary {
  /** Items done by this invocation (not counting ones resumed from the journal). */
  executed: number;
  /** Items found finished in the journal. */
  resumed: number;
  /** Calls actually sent to models (attempts included). */
  modelCalls: number;
  cacheHits: number;
  byStatus: Record<string, number>;
  interrupted: boolean;
}

/** Asks, scores and journals every item of the plan not already in the journal. */
export async function executePlan(options: ExecuteOptions): Promise<ExecuteSummary> {
  const { plan, journal } = options;
  // Every call in flight listens on the run's signal (for Ctrl-C): that is concurrency x models
  // listeners, not a leak.
  if (options.signal !== undefined) setMaxListeners(0, options.signal);
  const summary: ExecuteSummary = { executed: 0, resumed: 0, modelCalls: 0, cacheHits: 0, byStatus: {}, interrupted: false };
  const queues: PlanItem[][] = plan.models.map(() => []);
  for (const item of plan.items) {
    const suite = plan.suites[item.suiteIndex];
    const model = plan.models[item.modelIndex];
    const sample = suite?.samples[item.sampleIndex];
    if (suite === undefined || model === undefined || sample === undefined) continue;
    if (journal.completed.has(itemKey(suite.suite.id, model.id, sample.id, item.repeat))) summary.resumed += 1;
    else queues[item.modelIndex]?.push(item);
  }
  const total = plan.items.length;
  let done = summary.resumed;
  options.hooks?.onRunStart?.({ total, resumed: summary.resumed });

  const pacer = new HeapPacer();
  pacer.collect();
  const yieldToEventLoop = eventLoopTurns(pacer);
  const runItem = async (item: PlanItem): Promise<void> => {
    const record = await runOne(item, options, summary);
    if (options.signal?.aborted === true) {
      summary.interrupted = true;
      return;
    }
    journal.append(record);
    summary.executed += 1;
    summary.byStatus[record.status] = (summary.byStatus[record.status] ?? 0) + 1;
    done += 1;
    options.hooks?.onSampleEnd?.(record, { done, total });
  };

  await Promise.all(
    plan.models.map(async (model, modelIndex) => {
      const queue = queues[modelIndex] ?? [];
      let next = 0;
      const worker = async () => {
        while (next < queue.length && options.signal?.aborted !== true) {
          const item = queue[next];
          next += 1;
          if (item !== undefined) await runItem(item);
          await yieldToEventLoop();
        }
      };
      await Promise.all(Array.from({ length: Math.max(1, Math.min(model.concurrency, queue.length)) }, worker));
    }),
  );
  if (options.signal?.aborted === true) summary.interrupted = true;
  pacer.collect();
  return summary;
}

/**
 * Fast models (the built-ins, a cache) finish samples without ever waiting on I/O, so a run
 * would be one endless chain of microtasks: no timers (progress, timeouts, signals) and no
 * idle-time garbage collection until it ends. Every few ms give the event loop a turn, and
 * let the pacer collect what the samples left behind.
 */
function eventLoopTurns(pacer: HeapPacer): () => Promise<void> {
  let lastYield = performance.now();
  return async () => {
    const now = performance.now();
    if (now - lastYield < 5) return;
    pacer.check();
    await new Promise<void>((resolve) => setImmediate(resolve));
    lastYield = performance.now();
  };
}

async function runOne(item: PlanItem, options: ExecuteOptions, summary: ExecuteSummary): Promise<SampleRecord> {
  const prepared = options.plan.suites[item.suiteIndex]!;
  const planned = options.plan.models[item.modelIndex]!;
  const sample = prepared.samples[item.sampleIndex]!;
  const settings = settingsFor(prepared, options.plan);
  const requestKey = itemKey(prepared.suite.id, planned.id, sample.id, item.repeat);
  const base = {
    suite: prepared.suite.id,
    model: planned.id,
    sampleId: sample.id,
    repeat: item.repeat,
    promptHash: prepared.promptHashes[item.sampleIndex] ?? '',
    ...groupOf(prepared, sample),
  };
  const ask = (call: CallOptions, cacheScope?: string) =>
    askModel({
      planned,
      call,
      repeat: item.repeat,
      cacheScope,
      cache: options.cache,
      timeoutMs: options.timeoutMs,
      retry: options.retry,
      signal: options.signal,
      sleep: options.sleep,
      counters: summary,
    });
  if (prepared.suite.session !== undefined) {
    return runSession({ session: prepared.suite.session, prepared, planned, sampleIndex: item.sampleIndex, settings, requestKey, base, ask });
  }

  const call: CallOptions = {
    prompt: prepared.prompt(item.sampleIndex),
    settings,
    requestKey,
    ...(planned.model.wantsReference === true
      ? {
          reference: {
            oracleAnswer: prepared.oracleAnswers[item.sampleIndex] ?? '',
            chanceAnswers: prepared.chanceAnswers(item.sampleIndex),
          },
        }
      : {}),
  };
  const asked = await ask(call);
  if (!asked.ok) {
    return { ...base, status: asked.status, score: null, answer: null, output: null, cached: false, timing: null, ...accountingFields(asked.accounting), error: asked.error };
  }
  const { answer, cached } = asked;
  const accounting = {
    ...accountingFields(asked.accounting),
    ...(cached ? {} : costOf(answer.usage, planned.price)),
    ...('warnings' in answer && answer.warnings !== undefined ? { warnings: answer.warnings } : {}),
  };
  const common = {
    ...base,
    ...(answer.reasoning === undefined ? {} : { reasoning: answer.reasoning }),
    cached,
    timing: cached ? null : ((answer as ModelAnswer).timing ?? null),
    usage: answer.usage,
    finishReason: answer.finishReason,
  };

  // Thinking that used the whole token budget left no answer: not a wrong answer, its own status.
  if (isTruncated(answer)) {
    return { ...common, status: 'truncated', score: null, answer: null, output: answer.text, ...accounting, error: TRUNCATED_ERROR };
  }
  return { ...common, ...(await scoreOutput(prepared, sample, answer.text)), ...accounting };
}

function groupOf(prepared: PreparedSuite, sample: PreparedSuite['samples'][number]): { group?: string } {
  const group = prepared.suite.groupOf?.(sample);
  return group === undefined ? {} : { group };
}
