import type { ChildProcess } from 'node:child_process';

/** Reads bubblewrap's `--info-fd` JSON for the pid (outside the sandbox) of the sandbox's first process. */
export function sandboxPidReader() {
  let info = '';
  let pid: number | undefined;
  return {
    add(chunk: Buffer): void {
      if (pid !== undefined) return;
      info += chunk.toString('utf8');
      const match = /"child-pid"\s*:\s*(\d+)/.exec(info);
      if (match?.[1] !== undefined) pid = Number(match[1]);
    },
    pid: () => pid,
  };
}

/**
 * Kills a sandbox while bwrap (`child`) runs: its first process, whose death ends the pid
 * namespace and everything in it, and which bwrap then reaps (killing bwrap first would leave
 * it as a zombie); bwrap's process group when that pid is not known yet.
 */
export function killSandbox(child: ChildProcess, sandboxPid: number | undefined): void {
  if (child.exitCode !== null || child.signalCode !== null) return;
  for (const pid of [sandboxPid, child.pid === undefined ? undefined : -child.pid]) {
    if (pid === undefined) continue;
    try {
      process.kill(pid, 'SIGKILL');
      return;
    } catch {
      // Already gone.
    }
  }
}
