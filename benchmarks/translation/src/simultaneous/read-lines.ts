import { readFile } from 'node:fs/promises';
import { UsageError, sha256 } from '@ladder/core';

/** A text file's lines (a final newline ends the last line) and the sha256 of its bytes; `hint` says what the suite expects when the file is missing. */
export async function readLines(path: string, hint: string): Promise<{ lines: string[]; sha256: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new UsageError(`${path}: ${code === 'ENOENT' ? 'not found' : code === 'ENOTDIR' ? 'not in a folder' : 'unreadable'}; ${hint}`);
  }
  const lines = bytes.toString('utf8').split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return { lines, sha256: sha256(bytes) };
}
