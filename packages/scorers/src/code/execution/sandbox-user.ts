/**
 * The user a program runs as. As root, each program gets a uid of its own from a range no real
 * account uses: the kernel ignores RLIMIT_NPROC for root, so without it a fork bomb would not be
 * stopped; a fresh uid also means a program cannot signal or ptrace the harness or another
 * program, and cannot write the harness's files. As any other user, programs run as that user
 * (the bubblewrap tier still keeps them in namespaces of their own).
 */
export interface SandboxUser {
  uid: number;
  gid: number;
}

export const SANDBOX_UID_BASE = 1_850_000_000;
const SANDBOX_UID_COUNT = 100_000;

let next = 0;

export function runningAsRoot(): boolean {
  return process.getuid?.() === 0;
}

/** A uid of the range for the next program, as root; undefined (run as yourself) otherwise. */
export function nextSandboxUser(): SandboxUser | undefined {
  if (!runningAsRoot()) return undefined;
  const id = SANDBOX_UID_BASE + ((process.pid * 7919 + next) % SANDBOX_UID_COUNT);
  next += 1;
  return { uid: id, gid: id };
}
