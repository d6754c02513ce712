import { setMaxListeners } from 'node:events';
import {
  TimeoutError,
  describeError,
  type CallOptions,
  type ModelPrice,
  type SampleRecord,
  type SampleStatus,
  type Score,
  type Usage,
} from '@ladder/core';
import { cacheKeyFor, type ResponseCache } from './cache.js';
import { HeapPacer } from './heap-pacer.js';
import type { PreparedSuite } from './prepare-suite.js';
import { estimateTokens } from './rate-limiter.js';
import { callModel, type ModelAnswer } from './call-model.js';
import type { Journal } from './journal.js';
import { itemKey, settingsFor, type Plan, type PlanItem } from './plan.js';
import { withRetry, type RetryPolicy } from './retry.js';

export interface RunHooks {
  /** Before any work: the items of this run (shard) and how many the journal already holds. */
  onRunStart?(info: { total: number; resumed: number }): void;
  onSampleEnd?(record: SampleRecord, progress: { done: number; total: number }): void;
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
  const prompt = prepared.prompt(item.sampleIndex);
  const settings = settingsFor(prepared, options.plan);
  const requestKey = itemKey(prepared.suite.id, planned.id, sample.id, item.repeat);
  const call: Omit<CallOptions, 'requestKey'> = {
    prompt,
    settings,
    ...(planned.model.wantsReference === true
      ? {
          reference: {
            oracleAnswer: prepared.oracleAnswers[item.sampleIndex] ?? '',
            chanceAnswers: prepared.chanceAnswers(item.sampleIndex),
          },
        }
      : {}),
  };
  const base = {
    suite: prepared.suite.id,
    model: planned.id,
    sampleId: sample.id,
    repeat: item.repeat,
    promptHash: prepared.promptHashes[item.sampleIndex] ?? '',
    ...groupOf(prepared, sample),
  };

  let answer: ModelAnswer | Omit<ModelAnswer, 'timing'> | undefined;
  let cached = false;
  let attempts = 0;
  let retryWaitMs = 0;
  let rateLimitWaitMs = 0;
  let retries: { error: string; waitMs: number }[] = [];
  const key = options.cache === null ? undefined : cacheKeyFor(planned.model, planned.id, call, item.repeat);
  if (key !== undefined) {
    const hit = options.cache?.get(planned.id, key);
    if (hit !== undefined) {
      answer = hit;
      cached = true;
      summary.cacheHits += 1;
    }
  }
  if (answer === undefined) {
    const limiter = planned.limiter;
    const estimatedTokens = limiter === undefined ? 0 : estimateTokens(prompt.map((message) => message.content).join('\n')) + (settings.maxOutputTokens ?? 1024);
    const outcome = await withRetry(
      async () => {
        // The wait for the provider's budget comes before the clock starts: it is not latency.
        const permit = limiter === undefined ? undefined : await limiter.acquire(estimatedTokens, options.signal);
        rateLimitWaitMs += permit?.waitedMs ?? 0;
        summary.modelCalls += 1;
        const result = await callModel(planned.model, {
          ...call,
          requestKey,
          timeoutMs: options.timeoutMs,
          ...(options.signal === undefined ? {} : { abortSignal: options.signal }),
        });
        if (permit !== undefined) limiter?.settle(permit.ticket, totalTokens(result.usage));
        return result;
      },
      { policy: options.retry, ...(options.sleep === undefined ? {} : { sleep: options.sleep }), ...(options.signal === undefined ? {} : { signal: options.signal }) },
    );
    attempts = outcome.attempts;
    retryWaitMs = Math.round(outcome.waitMs);
    retries = outcome.retried.map((entry) => ({ error: describeError(entry.error), waitMs: entry.waitMs }));
    if (outcome.value === undefined) {
      const status: SampleStatus = TimeoutError.isInstance(outcome.error) ? 'timeout' : 'model_error';
      return {
        ...base,
        status,
        score: null,
        answer: null,
        output: null,
        cached: false,
        timing: null,
        attempts,
        retryWaitMs,
        ...(rateLimitWaitMs > 0 ? { rateLimitWaitMs: Math.round(rateLimitWaitMs) } : {}),
        ...(retries.length > 0 ? { retries } : {}),
        error: describeError(outcome.error),
      };
    }
    answer = outcome.value;
    if (key !== undefined) {
      options.cache?.set(planned.id, key, {
        text: answer.text,
        reasoning: answer.reasoning,
        finishReason: answer.finishReason,
        usage: answer.usage,
      });
    }
  }
  const accounting = {
    attempts,
    retryWaitMs,
    ...(rateLimitWaitMs > 0 ? { rateLimitWaitMs: Math.round(rateLimitWaitMs) } : {}),
    ...(retries.length > 0 ? { retries } : {}),
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
  if (answer.finishReason.unified === 'length' && answer.text.trim() === '' && (answer.reasoning ?? '').trim() !== '') {
    return { ...common, status: 'truncated', score: null, answer: null, output: answer.text, ...accounting, error: 'the reasoning used the whole output token budget before any answer (raise maxOutputTokens)' };
  }

  let score: Score;
  try {
    score = await prepared.suite.scorer.score({ sample, output: answer.text });
    if (!Number.isFinite(score.value)) throw new Error(`the scorer returned ${String(score.value)}`);
    if (prepared.suite.scorer.metric.kind === 'corpus' && !Array.isArray(score.statistics)) {
      throw new Error(`the scorer ${prepared.suite.scorer.name} gave no statistics for its corpus metric ${prepared.suite.scorer.metric.name}`);
    }
  } catch (error) {
    return { ...common, status: 'scorer_error', score: null, answer: null, output: answer.text, ...accounting, error: describeError(error) };
  }
  return {
    ...common,
    status: score.unanswered === true ? 'format_error' : 'ok',
    score: score.unanswered === true ? 0 : score.value,
    answer: score.answer ?? null,
    output: answer.text,
    ...accounting,
    ...(score.explanation === undefined ? {} : { explanation: score.explanation }),
    ...(score.details === undefined ? {} : { details: score.details }),
    ...(score.statistics === undefined ? {} : { statistics: score.statistics }),
    ...(score.metrics === undefined ? {} : { metrics: score.metrics }),
  };
}

function groupOf(prepared: PreparedSuite, sample: PreparedSuite['samples'][number]): { group?: string } {
  const group = prepared.suite.groupOf?.(sample);
  return group === undefined ? {} : { group };
}

function totalTokens(usage: Usage): number | undefined {
  if (usage.inputTokens === undefined && usage.outputTokens === undefined) return undefined;
  return (usage.inputTokens ?? 0) + (usage.outputTokens ?? 0);
}

/** The sample's cost from the provider's usage and the price table; nothing when either is unknown. */
function costOf(usage: Usage, price: ModelPrice | undefined): { costUsd?: number } {
  if (price === undefined || usage.inputTokens === undefined || usage.outputTokens === undefined) return {};
  const cachedInput = Math.min(usage.cachedInputTokens ?? 0, usage.inputTokens);
  const dollars =
    ((usage.inputTokens - cachedInput) * price.input + cachedInput * (price.cachedInput ?? price.input) + usage.outputTokens * price.output) / 1_000_000;
  return { costUsd: Math.round(dollars * 1e9) / 1e9 };
}
