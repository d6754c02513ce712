import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { UsageError } from '@ladder/core';

/** Reads a local file as UTF-8 (gunzipping `.gz`), with a one-line error when it cannot. */
export async function readSource(path: string): Promise<{ text: string; bytes: Buffer }> {
  const bytes = await readLocalFile(path);
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

/** A folder where one data file was expected: the error names a data file in it to pass instead. */
export function folderError(path: string): UsageError {
  let files: string[] = [];
  try {
    files = readdirSync(path)
      .filter((name) => /\.(jsonl|ndjson|json|csv)(\.gz)?$|\.parquet$/i.test(name))
      .sort();
  } catch {
    // Unreadable: no example to offer.
  }
  const example = files[0] === undefined ? ' (.jsonl, .json, .csv or .parquet)' : `, e.g. --data ${join(path, files[0])}`;
  return new UsageError(`${path}: is a folder; this suite reads one file, so pass the file itself${example}`);
}

/** A local file's bytes, with a one-line error (no such file, a folder, unreadable) when it cannot. */
export async function readLocalFile(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${path}: no such file; check the path given to --data or in the suite`);
    if (code === 'EISDIR') throw folderError(path);
    throw new UsageError(`${path}: cannot read (${code ?? String(error)})`);
  }
}
