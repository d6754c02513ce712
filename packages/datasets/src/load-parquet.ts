import { UsageError, sha256 } from '@ladder/core';
import { parquetReadObjects, toJson } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { readLocalFile } from './read-source.js';
import type { LoadedRows, Row } from './load-jsonl.js';

/**
 * Reads an Apache Parquet file (the format of most Hugging Face datasets) with hyparquet: one row
 * per record, as JSON values (64-bit integers as numbers, timestamps as ISO strings, lists as
 * arrays). Snappy, gzip, zstd, brotli and LZ4 pages are read. `line` is the 1-based row number.
 */
export async function loadParquet(path: string): Promise<LoadedRows> {
  const bytes = await readLocalFile(path);
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let records: Record<string, unknown>[];
  try {
    records = await parquetReadObjects({ file, compressors });
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/\s+/g, ' ') : String(error);
    throw new UsageError(`${path}: not a readable Parquet file (${reason})`);
  }
  const rows: Row[] = records.map((record, index) => ({ line: index + 1, value: toJson(record) as Record<string, unknown> }));
  return { rows, sha256: sha256(bytes), path };
}
