import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync } from 'node:fs';
import type { Interpreter } from './interpreters.js';
import type { ExecutionLimits } from './limits.js';
import { SandboxError, type ProgramResult } from './program.js';
import { PRLIMIT_PATH, prlimitArguments } from './resource-limits.js';
import { nextSandboxUser } from './sandbox-user.js';
import { killSandbox, sandboxPidReader } from './sandbox-process.js';
import { spawnProgram, type Launch } from './spawn-program.js';
import type { ExecutionTier } from './tier.js';
import { WarmPythonPool } from './warm-python.js';

export const BWRAP_PATH = '/usr/bin/bwrap';
const INFO_FD = 4;
const MIB = 1024 * 1024;

/** The parts of the system a program sees, read-only: /usr and the merged-/usr links (or directories) beside it. */
function systemMounts(): string[] {
  const mounts = ['--ro-bind', '/usr', '/usr'];
  for (const name of ['bin', 'sbin', 'lib', 'lib32', 'lib64', 'libx32']) {
    const path = `/${name}`;
    if (!existsSync(path)) continue;
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) mounts.push('--symlink', `usr/${name}`, path);
    else if (stat.isDirectory()) mounts.push('--ro-bind', path, path);
  }
  // Debian's /usr/bin links through /etc/alternatives for some tools; nothing else of /etc is shown.
  if (existsSync('/etc/alternatives')) mounts.push('--ro-bind', '/etc/alternatives', '/etc/alternatives');
  return mounts;
}

/**
 * The bwrap arguments: every namespace unshared (no network: only a loopback of its own; its
 * own pids, so a kill of the sandbox ends all its processes), a read-only system, a private
 * size-capped /tmp and /dev/shm, nothing of the harness (no repository, no home, no data) and an
 * empty environment. The program is the first process of its pid namespace (`--as-pid-1`).
 */
export function bubblewrapArguments(limits: ExecutionLimits, interpreter: Interpreter, options: { disableUserns: boolean }): string[] {
  // The process count is per user namespace: the sandbox's own.
  return [...sandboxArguments(limits, interpreter.path, options), PRLIMIT_PATH, ...prlimitArguments(limits, interpreter, limits.processes)];
}

/** Everything up to and including `--`: the command to run in the sandbox follows. */
export function sandboxArguments(limits: ExecutionLimits, interpreterPath: string, options: { disableUserns: boolean; infoFd?: number }): string[] {
  const tmpBytes = String(Math.round(limits.fileMb * MIB));
  const interpreterMount = interpreterPath.startsWith('/usr/') ? [] : ['--ro-bind', interpreterPath, interpreterPath];
  return [
    '--info-fd',
    String(options.infoFd ?? INFO_FD),
    ...systemMounts(),
    ...interpreterMount,
    '--proc',
    '/proc',
    '--dev',
    '/dev',
    '--size',
    tmpBytes,
    '--tmpfs',
    '/dev/shm',
    '--remount-ro',
    '/dev',
    '--size',
    tmpBytes,
    '--tmpfs',
    '/tmp',
    '--remount-ro',
    '/',
    '--unshare-all',
    '--unshare-user',
    ...(options.disableUserns ? ['--disable-userns'] : []),
    '--die-with-parent',
    '--new-session',
    '--as-pid-1',
    '--clearenv',
    '--setenv',
    'PATH',
    '/usr/bin:/bin',
    '--setenv',
    'HOME',
    '/tmp',
    '--setenv',
    'TMPDIR',
    '/tmp',
    '--setenv',
    'LANG',
    'C.UTF-8',
    '--chdir',
    '/tmp',
    '--',
  ];
}

let disableUsernsSupported: boolean | undefined;

/** bubblewrap 0.8 and later can forbid nested user namespaces (which could reset the limits). */
export function supportsDisableUserns(): boolean {
  if (disableUsernsSupported === undefined) {
    try {
      disableUsernsSupported = execFileSync(BWRAP_PATH, ['--help'], { encoding: 'utf8', timeout: 10_000 }).includes('--disable-userns');
    } catch {
      disableUsernsSupported = false;
    }
  }
  return disableUsernsSupported;
}

/**
 * Programs in bubblewrap (Debian package `bubblewrap`). Python programs run in warm workers (one
 * sandbox per worker, a fork per program; see python-forkserver.py) unless `warm` is false;
 * everything else, and any program whose warm worker fails, in a fresh sandbox of its own.
 */
export function bubblewrapTier(options: { warm?: boolean } = {}): ExecutionTier {
  let warmPool: WarmPythonPool | undefined;
  return {
    name: 'bubblewrap',
    isolation:
      'bubblewrap: no network, own pid/ipc/uts/user namespaces, read-only /usr, private size-capped /tmp, no harness files, empty environment' +
      (process.getuid?.() === 0 ? ', a uid of its own per sandbox' : '') +
      (options.warm === false ? '; one sandbox per program' : '; Python: warm workers, one sandbox each, a fork per program, all it left removed before the next'),
    available() {
      if (!existsSync(BWRAP_PATH)) return `${BWRAP_PATH} not found (apt-get install -y bubblewrap)`;
      if (!existsSync(PRLIMIT_PATH)) return `${PRLIMIT_PATH} not found (apt-get install -y util-linux)`;
      return undefined;
    },
    async run(interpreter: Interpreter, source: string, limits: ExecutionLimits, abortSignal?: AbortSignal): Promise<ProgramResult> {
      if (interpreter.language === 'python' && options.warm !== false) {
        warmPool ??= new WarmPythonPool(limits);
        const result = await warmPool.run(source, limits, abortSignal);
        if (result === 'aborted') throw new SandboxError('the run was stopped before the program ended');
        if (result !== undefined) return result;
      }
      return runInFreshSandbox(interpreter, source, limits, abortSignal);
    },
  };
}

/** One program, one sandbox: bwrap, prlimit, the interpreter's bootstrap. */
function runInFreshSandbox(interpreter: Interpreter, source: string, limits: ExecutionLimits, abortSignal?: AbortSignal): Promise<ProgramResult> {
  const sandbox = sandboxPidReader();
  const launch: Launch = {
    file: BWRAP_PATH,
    args: bubblewrapArguments(limits, interpreter, { disableUserns: supportsDisableUserns() }),
    cwd: '/',
    env: { PATH: '/usr/bin:/bin' },
    user: nextSandboxUser(),
    extraPipes: 1,
    onExtraOutput: (_fd, chunk) => sandbox.add(chunk),
    programPid: () => sandbox.pid(),
    kill: (child) => killSandbox(child, sandbox.pid()),
    describeStartFailure: (stderr, exitCode) => firstLine(stderr) || `bwrap exited with status ${String(exitCode)}`,
  };
  return spawnProgram(launch, interpreter, source, limits, abortSignal);
}

function firstLine(text: string): string {
  return text.split('\n').map((line) => line.trim()).find((line) => line !== '') ?? '';
}
