import { spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:os';
import { failureMessage, isAssertionFailure, isMemoryFailure } from './failure-message.js';
import type { Interpreter } from './interpreters.js';
import { KEPT_OUTPUT_BYTES, type ExecutionLimits } from './limits.js';
import { headCapture, tailCapture } from './output-capture.js';
import { SandboxError, type ProgramResult } from './program.js';
import { runQueueWaitMs, wallTimeLeftMs } from './run-queue.js';
import type { SandboxUser } from './sandbox-user.js';

/** How a tier starts one program: the command (the interpreter inside its wrapper) and how to end it. */
export interface Launch {
  file: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  user: SandboxUser | undefined;
  /** Extra pipes after the started-marker on fd 3 (bubblewrap's --info-fd is fd 4). */
  extraPipes: number;
  /** Reads what the tier needs from its extra pipes (e.g. the sandbox's pid). */
  onExtraOutput?(fd: number, chunk: Buffer): void;
  /** The pid (outside any sandbox) of the program's first process, whose run-queue wait the wall clock leaves out (run-queue.ts). */
  programPid(child: ChildProcess): number | undefined;
  /** Kills everything the program started, on a limit or on abort (while `child` runs). */
  kill(child: ChildProcess): void;
  /** Ends whatever the program left running once `child` has exited, and removes its files. */
  afterExit?(): Promise<void>;
  /** What is wrong when the sandbox itself did not start, from its stderr. */
  describeStartFailure(stderr: string, exitCode: number | null): string;
}

const GRACE_MS = 2000;

/**
 * Runs one program: its source on stdin, stdout and stderr captured (the first and the last
 * 64 KiB), the wall-clock and output limits enforced by killing it. The outcome is read from its
 * exit: a program that did not even start (no byte on fd 3) is a SandboxError.
 */
export function spawnProgram(launch: Launch, interpreter: Interpreter, source: string, limits: ExecutionLimits, abortSignal?: AbortSignal): Promise<ProgramResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(launch.file, launch.args, {
      cwd: launch.cwd,
      env: launch.env,
      stdio: ['pipe', 'pipe', 'pipe', 'pipe', ...Array.from({ length: launch.extraPipes }, () => 'pipe' as const)],
      detached: true,
      ...(launch.user === undefined ? {} : { uid: launch.user.uid, gid: launch.user.gid }),
    });
    const stdout = headCapture(KEPT_OUTPUT_BYTES);
    const stderr = tailCapture(KEPT_OUTPUT_BYTES);
    let printed = 0;
    let programStarted = false;
    let stoppedBy: ProgramResult['limit'];
    let aborted = false;
    let settled = false;

    const stop = (reason: ProgramResult['limit'] | 'abort') => {
      if (reason === 'abort') aborted = true;
      else stoppedBy ??= reason;
      launch.kill(child);
      // A sandbox that does not go away after its kill is the harness's problem, not the program's.
      setTimeout(() => {
        if (!settled) killGroup(child);
      }, GRACE_MS).unref();
    };
    const onOutput = (capture: { add(chunk: Buffer): void }) => (chunk: Buffer) => {
      printed += chunk.length;
      if (printed > limits.outputBytes) {
        stop('output');
        return;
      }
      capture.add(chunk);
    };
    child.stdout?.on('data', onOutput(stdout));
    child.stderr?.on('data', onOutput(stderr));
    child.stdio[3]?.on('data', () => {
      programStarted = true;
    });
    for (let index = 0; index < launch.extraPipes; index += 1) {
      const fd = 4 + index;
      child.stdio[fd]?.on('data', (chunk: Buffer) => launch.onExtraOutput?.(fd, chunk));
    }
    child.stdin?.on('error', () => {
      // The program may exit (or be killed) before it has read all of its source.
    });
    child.stdin?.end(source);

    // The wall-clock limit leaves out the time the program waited for a CPU (run-queue.ts).
    const checkWall = () => {
      const left = wallTimeLeftMs(limits.wallMs, performance.now() - started, runQueueWaitMs(launch.programPid(child)));
      if (left <= 0) stop('wall');
      else timer = setTimeout(checkWall, Math.max(1, left));
    };
    let timer = setTimeout(checkWall, limits.wallMs);
    const onAbort = () => stop('abort');
    abortSignal?.addEventListener('abort', onAbort, { once: true });
    if (abortSignal?.aborted === true) onAbort();

    const finish = (exitCode: number | null, signal: NodeJS.Signals | null, spawnError?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      abortSignal?.removeEventListener('abort', onAbort);
      const durationMs = performance.now() - started;
      const errorText = stderr.text();
      if (spawnError !== undefined) {
        reject(new SandboxError(`could not start ${launch.file}: ${spawnError.message}`));
        return;
      }
      if (aborted) {
        reject(new SandboxError('the run was stopped before the program ended'));
        return;
      }
      if (!programStarted) {
        const why = stoppedBy === 'wall' ? `it did not start within the wall-clock limit of ${limits.wallMs / 1000} s` : launch.describeStartFailure(errorText, exitCode);
        reject(new SandboxError(`the sandbox could not run the program: ${why}`));
        return;
      }
      resolve(classifyExit({ exitCode, signal, stdout: stdout.text(), stderr: errorText, durationMs, stoppedBy, limits, interpreter }));
    };
    let ending = false;
    const end = (code: number | null, signal: NodeJS.Signals | null, error?: Error) => {
      if (ending) return;
      ending = true;
      const cleanup = launch.afterExit?.() ?? Promise.resolve();
      cleanup.then(
        () => finish(code, signal, error),
        (cleanupError: unknown) => {
          settled = true;
          clearTimeout(timer);
          reject(new SandboxError(`could not clean up after the program: ${cleanupError instanceof Error ? cleanupError.message : String(cleanupError)}`));
        },
      );
    };
    child.on('error', (error) => end(null, null, error));
    child.on('close', (code, signal) => end(code, signal));
  });
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** SIGKILL and friends by number; bubblewrap exits with 128 + the signal that killed the program. */
function signalName(exitCode: number | null, signal: NodeJS.Signals | null): string | null {
  if (signal !== null) return signal;
  if (exitCode === null || exitCode <= 128) return null;
  const number = exitCode - 128;
  return (Object.entries(constants.signals).find(([, value]) => value === number)?.[0] as string | undefined) ?? null;
}

/** The outcome of a program from how it exited and what stopped it. */
export function classifyExit(options: {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  durationMs: number;
  stoppedBy: ProgramResult['limit'];
  limits: ExecutionLimits;
  interpreter: Interpreter;
}): ProgramResult {
  const { exitCode, stdout, stderr, durationMs, limits, interpreter } = options;
  const signal = signalName(exitCode, options.signal);
  const base = { exitCode, signal: options.signal, stdout, stderr, durationMs };
  if (options.stoppedBy === 'wall') return { ...base, outcome: 'timeout', limit: 'wall', message: `stopped at the wall-clock limit of ${limits.wallMs / 1000} s` };
  if (options.stoppedBy === 'output') return { ...base, outcome: 'error', limit: 'output', message: `stopped after printing more than ${limits.outputBytes} bytes` };
  if (exitCode === 0) return { ...base, outcome: 'passed', message: '' };
  if (signal === 'SIGXCPU' || signal === 'SIGKILL') {
    // Nothing else sends SIGKILL: RLIMIT_CPU does once the hard limit (soft + 1 s) is reached.
    return { ...base, outcome: 'timeout', limit: 'cpu', message: `killed by ${signal} at the CPU time limit of ${limits.cpuSeconds} s` };
  }
  const message = failureMessage(interpreter.language, stderr) || (signal === null ? `exit status ${String(exitCode)}` : `killed by ${signal}`);
  if (isAssertionFailure(interpreter.language, message)) return { ...base, outcome: 'failed', message };
  if (isMemoryFailure(interpreter.language, message, stderr)) return { ...base, outcome: 'error', limit: 'memory', message: `${message} (memory limit of ${limits.memoryMb} MiB)` };
  return { ...base, outcome: 'error', message: signal === null ? message : `killed by ${signal}${message === '' ? '' : `: ${message}`}` };
}
