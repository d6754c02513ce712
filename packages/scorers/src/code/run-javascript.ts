import { sharedExecutor } from './execution/executor.js';
import type { ProgramResult } from './execution/program.js';

export type { ProgramOutcome, ProgramResult } from './execution/program.js';

export interface RunProgramOptions {
  /** The program's source (an ES module). */
  source: string;
  /** Wall-clock limit (default 10 s). */
  timeoutMs?: number;
  /** Memory limit in MiB: V8's heap and RLIMIT_DATA (default 1024). */
  memoryMb?: number;
  /** Bytes the program may print on stdout and stderr together (default 1 MiB); past it the program is killed. */
  outputLimit?: number;
  abortSignal?: AbortSignal;
}

/**
 * Runs a JavaScript program with the shared executor: in a bubblewrap sandbox where it works
 * (else a plain subprocess with rlimits), with the wall-clock, memory and output limits given.
 */
export function runJavaScript(options: RunProgramOptions): Promise<ProgramResult> {
  return sharedExecutor().run({
    language: 'javascript',
    source: options.source,
    limits: {
      ...(options.timeoutMs === undefined ? {} : { wallMs: options.timeoutMs }),
      ...(options.memoryMb === undefined ? {} : { memoryMb: options.memoryMb }),
      ...(options.outputLimit === undefined ? {} : { outputBytes: options.outputLimit }),
    },
    ...(options.abortSignal === undefined ? {} : { abortSignal: options.abortSignal }),
  });
}
