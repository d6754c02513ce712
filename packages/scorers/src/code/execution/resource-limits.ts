import type { Interpreter } from './interpreters.js';
import type { ExecutionLimits } from './limits.js';

export const PRLIMIT_PATH = '/usr/bin/prlimit';

const MIB = 1024 * 1024;

/**
 * `prlimit` (util-linux) arguments that set the program's rlimits, soft and hard, then exec it.
 * The CPU hard limit is one second above the soft one: SIGXCPU first, then SIGKILL for a
 * program that ignores it (as the first process of a pid namespace does).
 */
export function prlimitArguments(limits: ExecutionLimits, interpreter: Interpreter, processes: number): string[] {
  const memory = Math.round(limits.memoryMb * MIB);
  const file = Math.round(limits.fileMb * MIB);
  const cpu = Math.max(1, Math.ceil(limits.cpuSeconds));
  return [
    `--${interpreter.memoryLimit}=${memory}`,
    `--cpu=${cpu}:${cpu + 1}`,
    `--nproc=${processes}`,
    `--fsize=${file}`,
    `--nofile=${Math.round(limits.openFiles)}`,
    '--core=0',
    '--',
    interpreter.path,
    ...interpreter.arguments(limits),
  ];
}
