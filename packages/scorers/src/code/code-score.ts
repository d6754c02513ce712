import { availableParallelism } from 'node:os';
import type { Score, ScorerEnvironment, ScorerRunSettings } from '@ladder/core';
import type { ProgramExecutor } from './execution/executor.js';
import type { ProgramLanguage, ProgramResult } from './execution/program.js';

/**
 * The score of a program run: 1 when it passed, else 0 with the outcome and its one-line message
 * as the explanation. `details` keeps the outcome, the message, the limit that stopped it and the
 * time it took.
 */
export function programScore(code: string, result: ProgramResult): Score {
  const passed = result.outcome === 'passed';
  return {
    value: passed ? 1 : 0,
    answer: code,
    ...(passed ? {} : { explanation: `${result.outcome}${result.message === '' ? '' : `: ${result.message}`}` }),
    details: {
      outcome: result.outcome,
      durationMs: Math.round(result.durationMs),
      ...(result.message === '' ? {} : { message: result.message }),
      ...(result.limit === undefined ? {} : { limit: result.limit }),
    },
  };
}

/** A code scorer's `environment` hook: sets the worker count, picks the sandbox tier, describes both. */
export async function codeEnvironment(executor: ProgramExecutor, language: ProgramLanguage, settings: ScorerRunSettings): Promise<ScorerEnvironment> {
  executor.setWorkers(settings.execWorkers ?? availableParallelism());
  return { ...(await executor.environment(language)) };
}
