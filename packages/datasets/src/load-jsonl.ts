import { readFile } from 'node:fs/promises';
import { UsageError, sha256 } from '@ladder/core';
import { readSource } from './read-source.js';

export interface Row {
  /** 1-based line (JSONL), row (CSV) or index+1 (JSON array) the value came from. */
  line: number;
  value: Record<string, unknown>;
}

export interface LoadedRows {
  rows: Row[];
  sha256: string;
  path: string;
}

/**
 * Reads a JSON Lines file (optionally .gz). Blank lines are skipped. A line that is not a JSON
 * object is a UsageError naming the file and the line.
 */
export async function loadJsonl(path: string): Promise<LoadedRows> {
  const { text, bytes } = await readSource(path);
  const rows: Row[] = [];
  let lineNumber = 0;
  for (const line of text.split('\n')) {
    lineNumber += 1;
    const trimmed = line.trim();
    if (trimmed === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      const reason = error instanceof Error ? error.message.replace(/\s+/g, ' ') : String(error);
      throw new UsageError(`${path}:${lineNumber}: not valid JSON (${reason}); each line must be one JSON object`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new UsageError(`${path}:${lineNumber}: expected a JSON object on this line, found ${describeJson(value)}`);
    }
    rows.push({ line: lineNumber, value: value as Record<string, unknown> });
  }
  return { rows, sha256: sha256(bytes), path };
}

/** Reads a JSON file holding an array of objects (or an object with one array property). */
export async function loadJson(path: string): Promise<LoadedRows> {
  const { text, bytes } = await readSource(path);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/\s+/g, ' ') : String(error);
    throw new UsageError(`${path}: not valid JSON (${reason})`);
  }
  let items: unknown[] | undefined;
  if (Array.isArray(value)) items = value;
  else if (typeof value === 'object' && value !== null) {
    const arrays = Object.values(value).filter(Array.isArray);
    if (arrays.length === 1) items = arrays[0];
  }
  if (items === undefined) {
    throw new UsageError(`${path}: expected a JSON array of objects (or an object holding exactly one array)`);
  }
  const rows: Row[] = items.map((item, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new UsageError(`${path}: item ${index + 1} is ${describeJson(item)}, expected an object`);
    }
    return { line: index + 1, value: item as Record<string, unknown> };
  });
  return { rows, sha256: sha256(bytes), path };
}

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

export async function fileSha256(path: string): Promise<string> {
  return sha256(await readFile(path));
}
