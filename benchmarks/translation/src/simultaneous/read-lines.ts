import { readFile } from 'node:fs/promises';
import { sha256 } from '@ladder/core';

/** A text file's lines (a final newline ends the last line) and the sha256 of its bytes. */
export async function readLines(path: string): Promise<{ lines: string[]; sha256: string }> {
  const bytes = await readFile(path);
  const lines = bytes.toString('utf8').split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return { lines, sha256: sha256(bytes) };
}
