import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '@ladder/core';

export const LOCK_FILE = 'run.lock';

/**
 * One writer per run directory: two processes appending to one journal would interleave and
 * double-count. The lock file holds the writer's pid; a lock left by a process that no longer
 * exists (killed with kill -9) is taken over. Returns the release function.
 */
export function lockRunDirectory(directory: string): () => void {
  const path = join(directory, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readLockHolder(path), 10);
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
        throw new UsageError(`${directory}: another ladder process (pid ${holder}) is writing this run; wait for it or stop it, then --resume`);
      }
      rmSync(path, { force: true });
    }
  }
  throw new UsageError(`${directory}: could not take ${LOCK_FILE}; another process keeps creating it`);
}

function readLockHolder(path: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return '';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
