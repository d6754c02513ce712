import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Interpreter } from './interpreters.js';
import type { ExecutionLimits } from './limits.js';
import type { ProgramResult } from './program.js';
import { PRLIMIT_PATH, prlimitArguments } from './resource-limits.js';
import { nextSandboxUser, type SandboxUser } from './sandbox-user.js';
import { spawnProgram } from './spawn-program.js';
import type { ExecutionTier } from './tier.js';

/**
 * Programs as plain child processes where bubblewrap is not available: rlimits (prlimit), a
 * fresh temporary directory as the working directory, an environment without the harness's
 * variables, a kill of the process group at the limits. As root each program also runs under a
 * uid of its own, so it cannot write the harness's files, signal the harness, or outlive its run
 * (everything of that uid is killed afterwards). It does not block the network and can read
 * whatever any user may read.
 */
export function subprocessTier(): ExecutionTier {
  const asRoot = process.getuid?.() === 0;
  return {
    name: 'subprocess',
    isolation:
      'plain subprocess: rlimits, temporary working directory, no harness environment' +
      (asRoot ? ', a uid of its own per program' : ', runs as the harness user') +
      '; NO network isolation, the file system is readable',
    available() {
      return existsSync(PRLIMIT_PATH) ? undefined : `${PRLIMIT_PATH} not found (apt-get install -y util-linux)`;
    },
    async run(interpreter: Interpreter, source: string, limits: ExecutionLimits, abortSignal?: AbortSignal): Promise<ProgramResult> {
      const user = nextSandboxUser();
      const directory = await mkdtemp(join(tmpdir(), 'ladder-exec-'));
      await chmod(directory, 0o700);
      if (user !== undefined) await chown(directory, user.uid, user.gid);
      // RLIMIT_NPROC counts every process of the uid: as yourself, your other processes count too.
      const processes = user === undefined ? limits.processes + processesOf(process.getuid?.() ?? -1) : limits.processes;
      const killGroup = (child: ChildProcess) => {
        if (child.pid === undefined) return;
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      };
      try {
        return await spawnProgram(
          {
            file: PRLIMIT_PATH,
            args: prlimitArguments(limits, interpreter, processes),
            cwd: directory,
            env: { PATH: '/usr/bin:/bin', HOME: directory, TMPDIR: directory, LANG: 'C.UTF-8' },
            user,
            extraPipes: 0,
            programPid: (child) => child.pid,
            kill: killGroup,
            afterExit: () => (user === undefined ? Promise.resolve() : killEverythingOf(user)),
            describeStartFailure: (stderr, exitCode) => stderr.trim().split('\n')[0] || `prlimit exited with status ${String(exitCode)}`,
          },
          interpreter,
          source,
          limits,
          abortSignal,
        );
      } finally {
        await rm(directory, { recursive: true, force: true });
      }
    },
  };
}

/** kill(-1, SIGKILL) as the program's uid: every process it left, whatever session it moved to. */
function killEverythingOf(user: SandboxUser): Promise<void> {
  return new Promise((resolve) => {
    const killer = spawn('/bin/kill', ['-KILL', '-1'], { uid: user.uid, gid: user.gid, stdio: 'ignore' });
    killer.on('error', () => resolve());
    killer.on('close', () => resolve());
  });
}

/** How many processes (threads included, as RLIMIT_NPROC counts them) a uid has now. */
function processesOf(uid: number): number {
  let count = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const owner = /^Uid:\s+(\d+)/m.exec(status)?.[1];
      const threads = /^Threads:\s+(\d+)/m.exec(status)?.[1];
      if (Number(owner) === uid) count += Number(threads ?? 1);
    } catch {
      // It ended while we looked.
    }
  }
  return count;
}
