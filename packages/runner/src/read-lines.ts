import { closeSync, existsSync, openSync, readSync } from 'node:fs';

const CHUNK_BYTES = 1 << 20;

/** What `readLines` found after the last whole line. */
export interface LineScan {
  /** Bytes up to and including the last newline. */
  validBytes: number;
  /** Bytes after it: a line cut off mid-write. */
  tornBytes: number;
}

/**
 * Yields the complete (newline-terminated) lines of a file, reading it a megabyte at a time so
 * that a journal of any size costs no more memory than its longest line. Bytes after the last
 * newline are not yielded; `scan` tells how many there were.
 */
export function* readLines(path: string, scan: LineScan = { validBytes: 0, tornBytes: 0 }): Generator<string> {
  scan.validBytes = 0;
  scan.tornBytes = 0;
  if (!existsSync(path)) return;
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    let carry: Buffer = Buffer.alloc(0);
    let position = 0;
    for (;;) {
      const read = readSync(fd, chunk, 0, CHUNK_BYTES, position);
      if (read === 0) break;
      position += read;
      let data = carry.length === 0 ? chunk.subarray(0, read) : Buffer.concat([carry, chunk.subarray(0, read)]);
      let start = 0;
      for (let newline = data.indexOf(0x0a, start); newline !== -1; newline = data.indexOf(0x0a, start)) {
        const line = data.toString('utf8', start, newline);
        scan.validBytes += newline + 1 - start;
        start = newline + 1;
        yield line;
      }
      // Keep the unfinished tail (copied: `chunk` is reused by the next read).
      data = data.subarray(start);
      carry = Buffer.from(data);
    }
    scan.tornBytes = carry.length;
  } finally {
    closeSync(fd);
  }
}
