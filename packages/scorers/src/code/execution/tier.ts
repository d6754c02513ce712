import type { Interpreter } from './interpreters.js';
import type { ExecutionLimits } from './limits.js';
import type { ProgramResult } from './program.js';

export type TierName = 'bubblewrap' | 'subprocess';

/** One way of running a program; the executor picks the safest that works on this machine. */
export interface ExecutionTier {
  name: TierName;
  /** What it isolates, in one line, for the manifest. */
  isolation: string;
  /** Why it cannot work here (a missing binary), or undefined. */
  available(): string | undefined;
  run(interpreter: Interpreter, source: string, limits: ExecutionLimits, abortSignal?: AbortSignal): Promise<ProgramResult>;
}
