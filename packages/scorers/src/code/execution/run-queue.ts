import { readFileSync } from 'node:fs';

/**
 * The wall-clock limit counts the time a program ran or slept, not the time it stood in the
 * kernel's run queue waiting for a CPU that other work had: on a loaded machine (a CI runner
 * with its test suites in parallel) a program that needs 1.6 s of CPU can take 10 s by the
 * clock, and its verdict must not depend on what else the machine was doing. The wait is the
 * second field of /proc/<pid>/schedstat (run_delay, ns) of the program's first process. It
 * stretches the limit by at most this factor, so a program cannot buy itself unbounded time by
 * keeping its own threads busy (and RLIMIT_CPU still counts every thread).
 */
export const WALL_STRETCH_MAX = 3;

/** Milliseconds process `pid` has waited for a CPU since it started; 0 when the kernel does not say. */
export function runQueueWaitMs(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/schedstat`, 'utf8').trim().split(/\s+/);
    const nanoseconds = Number(fields[1]);
    return Number.isFinite(nanoseconds) && nanoseconds > 0 ? nanoseconds / 1e6 : 0;
  } catch {
    return 0;
  }
}

/**
 * How much longer to wait, in ms, before the program is at its wall-clock limit: `wallMs` of
 * charged time (elapsed minus run-queue wait), never past WALL_STRETCH_MAX x `wallMs` in all;
 * 0 when it is there.
 */
export function wallTimeLeftMs(wallMs: number, elapsedMs: number, waitedMs: number): number {
  const charged = elapsedMs - Math.min(waitedMs, elapsedMs);
  return Math.max(0, Math.min(wallMs - charged, WALL_STRETCH_MAX * wallMs - elapsedMs));
}
