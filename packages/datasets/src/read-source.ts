import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { UsageError } from '@ladder/core';

/** Reads a local file as UTF-8 (gunzipping `.gz`), with a one-line error when it cannot. */
export async function readSource(path: string): Promise<{ text: string; bytes: Buffer }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${path}: no such file; check the path given to --data or in the suite`);
    if (code === 'EISDIR') throw new UsageError(`${path}: is a folder; give the data file itself`);
    throw new UsageError(`${path}: cannot read (${code ?? String(error)})`);
  }
  let content = bytes;
  if (path.endsWith('.gz')) {
    try {
      content = gunzipSync(bytes);
    } catch {
      throw new UsageError(`${path}: not a valid gzip file`);
    }
  }
  let text = content.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, bytes };
}
