import { parseString } from 'fast-csv';
import { UsageError, sha256 } from '@ladder/core';
import type { LoadedRows, Row } from './load-jsonl.js';
import { readSource } from './read-source.js';

/**
 * Reads a CSV file with fast-csv. With `headers: true` (default) the first row names the
 * fields; otherwise rows come as `{ "0": ..., "1": ... }`.
 */
export async function loadCsv(path: string, options: { headers?: boolean } = {}): Promise<LoadedRows> {
  const { text, bytes } = await readSource(path);
  const headers = options.headers ?? true;
  const rows: Row[] = [];
  await new Promise<void>((resolve, reject) => {
    let line = headers ? 1 : 0;
    parseString(text, { headers, strictColumnHandling: false, ignoreEmpty: true })
      .on('error', (error: Error) => reject(new UsageError(`${path}:${line + 1}: not valid CSV (${error.message})`)))
      .on('data', (record: Record<string, string> | string[]) => {
        line += 1;
        const value: Record<string, unknown> = Array.isArray(record) ? { ...record } : record;
        rows.push({ line, value });
      })
      .on('end', () => resolve());
  });
  return { rows, sha256: sha256(bytes), path };
}
