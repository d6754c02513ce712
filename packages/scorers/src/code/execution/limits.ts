/**
 * What one program may use. Each is enforced by the kernel (rlimits) or by the executor, so a
 * hostile program ends at the limit as `timeout` or `error`; none of them is a wrong answer by
 * itself, but every one of them ends the program.
 */
export interface ExecutionLimits {
  /** Wall-clock time, ms: the whole sandbox is killed when it passes (`timeout`). */
  wallMs: number;
  /** CPU time per process, seconds (RLIMIT_CPU; `timeout` when it is reached). */
  cpuSeconds: number;
  /** Memory per process, MiB: RLIMIT_AS for Python, RLIMIT_DATA for Node (whose V8 reserves far more address space than it uses). */
  memoryMb: number;
  /** Processes and threads the program may have at once (RLIMIT_NPROC, counted inside its own user namespace). */
  processes: number;
  /** Bytes the program may print on stdout and stderr together; past it the program is killed (`error`). */
  outputBytes: number;
  /** Largest file the program may write (RLIMIT_FSIZE), and the size of its private /tmp, MiB. */
  fileMb: number;
  /** Open files per process (RLIMIT_NOFILE). */
  openFiles: number;
}

export const DEFAULT_LIMITS: Readonly<ExecutionLimits> = Object.freeze({
  wallMs: 10_000,
  cpuSeconds: 10,
  memoryMb: 1024,
  processes: 64,
  outputBytes: 1_048_576,
  fileMb: 64,
  openFiles: 256,
});

/** The defaults with `overrides` on top; a limit that is not a positive number is refused. */
export function resolveLimits(overrides: Partial<ExecutionLimits> = {}): ExecutionLimits {
  const limits: ExecutionLimits = { ...DEFAULT_LIMITS };
  for (const [name, value] of Object.entries(overrides) as [keyof ExecutionLimits, number | undefined][]) {
    if (value === undefined) continue;
    if (!Number.isFinite(value) || value <= 0) throw new RangeError(`execution limit ${name} must be a positive number, got ${String(value)}`);
    limits[name] = value;
  }
  return limits;
}

/** Stdout and stderr kept on a result, each (the rest of what a program prints is dropped). */
export const KEPT_OUTPUT_BYTES = 65_536;
