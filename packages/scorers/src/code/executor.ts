import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';

/** How a program run ended. */
export type ProgramOutcome = 'passed' | 'failed' | 'timeout' | 'error';

export interface ProgramResult {
  /** `passed`: exit 0; `failed`: an assertion failed; `timeout`: killed at the limit; `error`: anything else. */
  outcome: ProgramOutcome;
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  durationMs: number;
}

export interface RunProgramOptions {
  /** The program's source (an ES module). */
  source: string;
  /** Wall-clock limit; the whole process group is killed when it passes (default 10 s). */
  timeoutMs?: number;
  /** V8 heap limit in MB (default 256). */
  memoryMb?: number;
  /** Bytes of stdout and stderr kept (default 64 KiB each); the rest is dropped. */
  outputLimit?: number;
  abortSignal?: AbortSignal;
}

/**
 * Runs a JavaScript program in a child Node.js process: a fresh temporary directory as its
 * working directory, an environment holding only PATH (no API keys), a heap limit, a wall
 * clock limit enforced by killing the whole process group, capped output. This is the plain
 * subprocess tier: it keeps a program from hanging or crashing the harness, not a hostile
 * program away from the machine (issue 5 adds the bubblewrap tier).
 */
export async function runJavaScript(options: RunProgramOptions): Promise<ProgramResult> {
  const release = await acquire();
  const directory = await mkdtemp(join(tmpdir(), 'ladder-exec-'));
  try {
    const file = join(directory, 'program.mjs');
    await writeFile(file, options.source);
    return await runChild(file, directory, options);
  } finally {
    release();
    await rm(directory, { recursive: true, force: true });
  }
}

function runChild(file: string, directory: string, options: RunProgramOptions): Promise<ProgramResult> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const limit = options.outputLimit ?? 65_536;
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${options.memoryMb ?? 256}`, file], {
      cwd: directory,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const stdout = capture(limit);
    const stderr = capture(limit);
    child.stdout.on('data', stdout.add);
    child.stderr.on('data', stderr.add);
    let timedOut = false;
    const killGroup = () => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeoutMs);
    const onAbort = () => killGroup();
    options.abortSignal?.addEventListener('abort', onAbort, { once: true });
    const finish = (exitCode: number | null, signal: string | null, spawnError?: Error) => {
      clearTimeout(timer);
      options.abortSignal?.removeEventListener('abort', onAbort);
      killGroup();
      const errorText = stderr.text() + (spawnError === undefined ? '' : spawnError.message);
      let outcome: ProgramOutcome;
      if (timedOut) outcome = 'timeout';
      else if (exitCode === 0) outcome = 'passed';
      else if (/AssertionError/u.test(errorText)) outcome = 'failed';
      else outcome = 'error';
      resolve({ outcome, exitCode, signal, stdout: stdout.text(), stderr: errorText, durationMs: performance.now() - started });
    };
    child.on('error', (error) => finish(null, null, error));
    child.on('close', (code, signal) => finish(code, signal));
  });
}

function capture(limit: number) {
  const chunks: Buffer[] = [];
  let size = 0;
  return {
    add: (chunk: Buffer) => {
      if (size >= limit) return;
      chunks.push(chunk.subarray(0, limit - size));
      size += chunk.length;
    },
    text: () => Buffer.concat(chunks).toString('utf8'),
  };
}

// Programs run at most one per core at a time, whatever the model concurrency.
let running = 0;
const waiting: (() => void)[] = [];

async function acquire(): Promise<() => void> {
  if (running >= availableParallelism()) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  return () => {
    running -= 1;
    waiting.shift()?.();
  };
}
