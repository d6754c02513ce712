import { LadderError } from '@ladder/core';
import type { ExecutionLimits } from './limits.js';

export type ProgramLanguage = 'python' | 'javascript';

/**
 * How a program ended: `passed` (exit status 0), `failed` (an assertion failed: a wrong
 * answer), `timeout` (the wall-clock or CPU limit), `error` (anything else: an exception, a
 * syntax error, a crash, the memory or output limit).
 */
export type ProgramOutcome = 'passed' | 'failed' | 'timeout' | 'error';

export interface ProgramRequest {
  language: ProgramLanguage;
  /** The whole program: for a test, the solution followed by its tests. */
  source: string;
  /** Overrides of the executor's limits for this program. */
  limits?: Partial<ExecutionLimits>;
  abortSignal?: AbortSignal;
}

export interface ProgramResult {
  outcome: ProgramOutcome;
  exitCode: number | null;
  signal: string | null;
  /** The first 64 KiB of what the program printed on stdout. */
  stdout: string;
  /** The last 64 KiB of its stderr (where the exception is). */
  stderr: string;
  /** One line saying what ended it: `AssertionError`, `ZeroDivisionError: division by zero`, `wall-clock limit of 10 s` ... */
  message: string;
  durationMs: number;
  /** The limit that stopped the program, when one did. */
  limit?: 'wall' | 'cpu' | 'output' | 'memory' | undefined;
}

/**
 * The executor could not run the program at all (the sandbox did not start, the interpreter is
 * missing): an infrastructure failure, never a wrong answer. The runner records it as
 * `scorer_error`.
 */
export class SandboxError extends LadderError {
  constructor(message: string) {
    super(message);
    this.name = 'SandboxError';
  }
}
