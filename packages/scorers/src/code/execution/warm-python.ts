import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { BWRAP_PATH, sandboxArguments, supportsDisableUserns } from './bubblewrap-tier.js';
import { PYTHON_PATH, interpreterFor } from './interpreters.js';
import type { ExecutionLimits } from './limits.js';
import type { ProgramResult } from './program.js';
import { WALL_STRETCH_MAX } from './run-queue.js';
import { killSandbox, sandboxPidReader } from './sandbox-process.js';
import { nextSandboxUser } from './sandbox-user.js';
import { classifyExit } from './spawn-program.js';

const FORKSERVER = readFileSync(new URL('./python-forkserver.py', import.meta.url), 'utf8');
const INFO_FD = 3;
const READY_TIMEOUT_MS = 30_000;
/** Past its wall-clock limit, how long the worker has to answer before it is killed. */
const ANSWER_GRACE_MS = 10_000;

interface Reply {
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  durationMs: number;
  limit: 'wall' | 'output' | null;
  /** The worker ends after this answer (the program left something it could not remove). */
  retire: boolean;
}

/**
 * One warm Python worker: a bubblewrap sandbox whose first process is python-forkserver.py. It
 * runs one program at a time, each in a child forked from the started interpreter (see the
 * script for what is reset between programs).
 */
class WarmWorker {
  readonly #child: ChildProcess;
  readonly #sandbox = sandboxPidReader();
  #buffer = '';
  #waiting: ((line: string | undefined) => void) | undefined;
  #dead = false;
  readonly ready: Promise<boolean>;

  constructor(limits: ExecutionLimits) {
    const user = nextSandboxUser();
    this.#child = spawn(BWRAP_PATH, [...sandboxArguments(limits, PYTHON_PATH, { disableUserns: supportsDisableUserns(), infoFd: INFO_FD }), PYTHON_PATH, '-I', '-c', FORKSERVER], {
      cwd: '/',
      env: { PATH: '/usr/bin:/bin' },
      stdio: ['pipe', 'pipe', 'ignore', 'pipe'],
      detached: true,
      ...(user === undefined ? {} : { uid: user.uid, gid: user.gid }),
    });
    // An idle worker does not keep the harness alive; when the harness exits, its stdin closes and the worker ends.
    this.#child.unref();
    for (const stream of [this.#child.stdin, this.#child.stdout, this.#child.stdio[INFO_FD]]) (stream as { unref?: () => void } | null)?.unref?.();
    this.#child.stdio[INFO_FD]?.on('data', (chunk: Buffer) => this.#sandbox.add(chunk));
    this.#child.stdin?.on('error', () => this.kill());
    this.#child.stdout?.on('data', (chunk: Buffer) => {
      this.#buffer += chunk.toString('utf8');
      let newline = this.#buffer.indexOf('\n');
      while (newline >= 0) {
        const line = this.#buffer.slice(0, newline);
        this.#buffer = this.#buffer.slice(newline + 1);
        const waiting = this.#waiting;
        this.#waiting = undefined;
        waiting?.(line);
        newline = this.#buffer.indexOf('\n');
      }
    });
    this.#child.on('error', () => this.kill());
    this.#child.on('close', () => {
      this.#dead = true;
      const waiting = this.#waiting;
      this.#waiting = undefined;
      waiting?.(undefined);
    });
    this.ready = this.#nextLine(READY_TIMEOUT_MS).then((line) => line !== undefined && line.includes('"ready"'));
    live.add(this);
  }

  get dead(): boolean {
    return this.#dead;
  }

  /** The program's result, or undefined when the worker failed (the caller runs it in a fresh sandbox instead). */
  async run(source: string, limits: ExecutionLimits, abortSignal?: AbortSignal): Promise<ProgramResult | 'aborted' | undefined> {
    if (this.#dead) return undefined;
    const onAbort = () => this.kill();
    abortSignal?.addEventListener('abort', onAbort, { once: true });
    try {
      this.#child.stdin?.write(`${JSON.stringify({ source, limits, wallStretchMax: WALL_STRETCH_MAX })}\n`);
      const line = await this.#nextLine(WALL_STRETCH_MAX * limits.wallMs + ANSWER_GRACE_MS);
      if (abortSignal?.aborted === true) return 'aborted';
      if (line === undefined) {
        this.kill();
        return undefined;
      }
      const reply = JSON.parse(line) as Reply;
      if (reply.retire) this.kill();
      return classifyExit({
        exitCode: reply.exitCode,
        signal: reply.signal as NodeJS.Signals | null,
        stdout: reply.stdout,
        stderr: reply.stderr,
        durationMs: reply.durationMs,
        stoppedBy: reply.limit ?? undefined,
        limits,
        interpreter: interpreterFor('python'),
      });
    } finally {
      abortSignal?.removeEventListener('abort', onAbort);
    }
  }

  kill(): void {
    if (this.#dead) return;
    this.#dead = true;
    live.delete(this);
    killSandbox(this.#child, this.#sandbox.pid());
  }

  #nextLine(timeoutMs: number): Promise<string | undefined> {
    if (this.#dead) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#waiting = undefined;
        resolve(undefined);
      }, timeoutMs);
      this.#waiting = (line) => {
        clearTimeout(timer);
        resolve(line);
      };
    });
  }
}

const live = new Set<WarmWorker>();
process.on('exit', () => {
  for (const worker of live) worker.kill();
});

/**
 * Warm workers for Python programs in the bubblewrap tier, started on demand and reused: at most
 * as many as programs run at once. A worker whose sandbox fails is dropped; its program is then
 * run in a fresh sandbox of its own, whose result counts.
 */
export class WarmPythonPool {
  readonly #idle: WarmWorker[] = [];
  readonly #startLimits: ExecutionLimits;

  constructor(limits: ExecutionLimits) {
    this.#startLimits = limits;
  }

  async run(source: string, limits: ExecutionLimits, abortSignal?: AbortSignal): Promise<ProgramResult | 'aborted' | undefined> {
    let worker = this.#idle.pop();
    while (worker?.dead === true) worker = this.#idle.pop();
    worker ??= new WarmWorker(this.#startLimits);
    if (!(await worker.ready)) {
      worker.kill();
      return undefined;
    }
    const result = await worker.run(source, limits, abortSignal);
    if (result !== undefined && result !== 'aborted' && !worker.dead) this.#idle.push(worker);
    else worker.kill();
    return result;
  }

  /** Ends the idle workers beyond `count`. */
  shrink(count: number): void {
    while (this.#idle.length > count) this.#idle.shift()?.kill();
  }
}
