import {
  describeError,
  type CallOptions,
  type FinishReason,
  type GenerationSettings,
  type SampleRecord,
  type SampleSession,
  type SessionCallRecord,
  type SessionOutcome,
  type SessionReply,
  type SessionRequest,
  type Usage,
} from '@ladder/core';
import { accountingFields, costOf, type AskAccounting, type AskOutcome } from './ask-model.js';
import type { ModelAnswer } from './call-model.js';
import type { PlannedModel } from './plan.js';
import type { PreparedSuite } from './prepare-suite.js';
import { TRUNCATED_ERROR, isTruncated, scoreOutput } from './score-output.js';

export interface SessionRunOptions {
  session: SampleSession;
  prepared: PreparedSuite;
  planned: PlannedModel;
  sampleIndex: number;
  settings: GenerationSettings;
  /** The sample's request key: each call's key adds its index; the cache scope of the session's calls. */
  requestKey: string;
  base: Pick<SampleRecord, 'suite' | 'model' | 'sampleId' | 'repeat' | 'promptHash' | 'group'>;
  /** One call the runner's way (cache, rate limits, retries, timeout, timing). */
  ask(call: CallOptions, cacheScope?: string): Promise<AskOutcome>;
}

/** A call of the session failed after the retries: the session stops, the sample is an infrastructure error. */
class SessionCallFailed extends Error {
  constructor(
    readonly status: Extract<SampleRecord['status'], 'timeout' | 'model_error'>,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Runs a sample of a session suite: the suite's session drives the calls through `generate`,
 * the runner asks each one and keeps its timing; the session's output is scored once and the
 * sample journaled once. Usage, cost, attempts and waits are summed over the calls.
 */
export async function runSession(options: SessionRunOptions): Promise<SampleRecord> {
  const { prepared, planned, sampleIndex, base } = options;
  const sample = prepared.samples[sampleIndex]!;
  const calls: SessionCallRecord[] = [];
  const accounting: AskAccounting = { attempts: 0, retryWaitMs: 0, rateLimitWaitMs: 0, retries: [] };
  const warnings = new Set<string>();
  let usage: Usage | undefined;
  let costUsd: number | undefined = 0;
  let finishReason: FinishReason | undefined;
  let firstAnswerTokenMs: number | null = null;
  let truncated = false;

  const generate = async (request: SessionRequest): Promise<SessionReply> => {
    const index = calls.length;
    const call: CallOptions = {
      prompt: request.prompt,
      settings: options.settings,
      requestKey: `${options.requestKey}\u0000call${index}`,
      ...(planned.model.wantsReference === true
        ? {
            reference: request.reference?.() ?? {
              oracleAnswer: prepared.oracleAnswers[sampleIndex] ?? '',
              chanceAnswers: prepared.chanceAnswers(sampleIndex),
            },
          }
        : {}),
    };
    const asked = await options.ask(call, options.requestKey);
    accounting.attempts += asked.accounting.attempts;
    accounting.retryWaitMs += asked.accounting.retryWaitMs;
    accounting.rateLimitWaitMs += asked.accounting.rateLimitWaitMs;
    accounting.retries.push(...asked.accounting.retries);
    if (!asked.ok) throw new SessionCallFailed(asked.status, `call ${index + 1} of the session: ${asked.error}`);
    const { answer, cached } = asked;
    const timing = cached ? null : (answer as ModelAnswer).timing;
    if (index === 0) firstAnswerTokenMs = timing?.firstAnswerTokenMs ?? null;
    calls.push({ cached, totalMs: timing?.totalMs ?? null, firstTokenMs: timing?.firstTokenMs ?? null, attempts: asked.accounting.attempts });
    usage = usage === undefined ? answer.usage : addUsage(usage, answer.usage);
    if (!cached) costUsd = costUsd === undefined ? undefined : addCost(costUsd, costOf(answer.usage, planned.price).costUsd);
    finishReason = answer.finishReason;
    for (const warning of 'warnings' in answer ? (answer.warnings ?? []) : []) warnings.add(warning);
    if (isTruncated(answer)) truncated = true;
    return { text: answer.text, cached, totalMs: timing?.totalMs ?? null };
  };

  let outcome: SessionOutcome;
  try {
    outcome = await options.session.run({ sample, chanceAnswers: prepared.chanceAnswers(sampleIndex), generate });
  } catch (error) {
    const failure = {
      ...base,
      score: null,
      answer: null,
      output: null,
      cached: false,
      timing: null,
      ...accountingFields(accounting),
      calls,
    };
    if (error instanceof SessionCallFailed) return { ...failure, status: error.status, error: error.message };
    return { ...failure, status: 'scorer_error', error: `the suite's session failed: ${describeError(error)}` };
  }

  const allCached = calls.length > 0 && calls.every((entry) => entry.cached);
  const allTimed = calls.length > 0 && calls.every((entry) => !entry.cached);
  const common = {
    cached: allCached,
    // The session's time: the sum of its calls (retry and rate-limit waits excluded); only when every call was timed.
    timing: allTimed
      ? {
          firstTokenMs: calls[0]?.firstTokenMs ?? null,
          firstAnswerTokenMs,
          totalMs: Math.round(calls.reduce((total, entry) => total + (entry.totalMs ?? 0), 0) * 1000) / 1000,
          interTokenMs: null,
          outputTokensPerSecond: null,
        }
      : null,
    usage: usage ?? null,
    finishReason: finishReason ?? null,
    ...accountingFields(accounting),
    ...(allCached || costUsd === undefined || planned.price === undefined ? {} : { costUsd: Math.round(costUsd * 1e9) / 1e9 }),
    ...(warnings.size > 0 ? { warnings: [...warnings] } : {}),
    calls,
    ...(outcome.simultaneous === undefined ? {} : { simultaneous: outcome.simultaneous }),
  };
  if (truncated) {
    return { ...base, status: 'truncated', score: null, answer: null, output: outcome.output, ...common, error: `a call of the session: ${TRUNCATED_ERROR}` };
  }
  return { ...base, ...(await scoreOutput(prepared, sample, outcome.output)), ...common };
}

/** Token counts summed; a count one call did not report makes the sum unknown. */
function addUsage(total: Usage, next: Usage): Usage {
  const add = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : a + b);
  return {
    inputTokens: add(total.inputTokens, next.inputTokens),
    outputTokens: add(total.outputTokens, next.outputTokens),
    ...(total.reasoningTokens !== undefined || next.reasoningTokens !== undefined ? { reasoningTokens: add(total.reasoningTokens ?? 0, next.reasoningTokens ?? 0) } : {}),
    ...(total.cachedInputTokens !== undefined || next.cachedInputTokens !== undefined ? { cachedInputTokens: add(total.cachedInputTokens ?? 0, next.cachedInputTokens ?? 0) } : {}),
  };
}

function addCost(total: number, next: number | undefined): number | undefined {
  return next === undefined ? undefined : total + next;
}
