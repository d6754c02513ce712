import { statSync } from 'node:fs';
import { extname } from 'node:path';
import { UsageError } from '@ladder/core';
import { loadCsv } from './load-csv.js';
import { loadJson, loadJsonl, type LoadedRows } from './load-jsonl.js';
import { loadParquet } from './load-parquet.js';
import { folderError } from './read-source.js';

/** Loads rows from a .jsonl, .json or .csv file (each optionally .gz) or a .parquet file, chosen by the extension. */
export async function loadRows(path: string): Promise<LoadedRows> {
  const extension = extname(path.endsWith('.gz') ? path.slice(0, -3) : path).toLowerCase();
  if (extension === '.jsonl' || extension === '.ndjson') return loadJsonl(path);
  if (extension === '.json') return loadJson(path);
  if (extension === '.csv') return loadCsv(path);
  if (extension === '.parquet' && !path.endsWith('.gz')) return loadParquet(path);
  if (isDirectory(path)) throw folderError(path);
  throw new UsageError(`${path}: unknown data format "${extension || '(none)'}"; use .jsonl, .json, .csv or .parquet`);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

