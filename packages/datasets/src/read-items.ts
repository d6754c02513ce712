import { UsageError, type LoadedDataset, type Sample } from '@ladder/core';
import { loadJsonl } from './load-jsonl.js';

/**
 * The fields of one JSONL row, read with checks. Every complaint is a one-line `UsageError`
 * naming the file, the line and the field, and saying what the field should hold.
 */
export class ItemFields {
  readonly where: string;
  readonly #value: Record<string, unknown>;

  constructor(where: string, value: Record<string, unknown>) {
    this.where = where;
    this.#value = value;
  }

  /** A non-empty string; `hint` says what it holds, e.g. `the question text`. */
  string(field: string, hint: string): string {
    const value = this.#value[field];
    if (value === undefined || value === null) throw this.error(field, 'is missing', hint);
    if (typeof value !== 'string') throw this.error(field, `must be a string, found ${describe(value)}`, hint);
    if (value.trim() === '') throw this.error(field, 'is empty', hint);
    return value;
  }

  /** A string that `pattern` matches completely. */
  matching(field: string, pattern: RegExp, hint: string): string {
    const value = this.string(field, hint);
    if (!pattern.test(value)) throw this.error(field, `has an unexpected value ${JSON.stringify(value)}`, hint);
    return value;
  }

  /** A list of exactly `count` non-empty strings. */
  strings(field: string, count: number, hint: string): string[] {
    const value = this.#value[field];
    if (value === undefined || value === null) throw this.error(field, 'is missing', hint);
    if (!Array.isArray(value)) throw this.error(field, `must be a list, found ${describe(value)}`, hint);
    if (value.length !== count) throw this.error(field, `must hold ${count} entries, found ${value.length}`, hint);
    value.forEach((entry, index) => {
      if (typeof entry !== 'string' || entry.trim() === '') {
        throw this.error(field, `entry ${index + 1} must be a non-empty string, found ${describe(entry)}`, hint);
      }
    });
    return value as string[];
  }

  error(field: string, problem: string, hint: string): UsageError {
    return new UsageError(`${this.where}: field "${field}" ${problem} (${hint})`);
  }
}

/** Loads a suite's JSONL file and turns each row into a sample with `toSample`. */
export async function readItems(path: string, toSample: (fields: ItemFields) => Sample): Promise<LoadedDataset> {
  const loaded = await loadJsonl(path);
  const samples = loaded.rows.map((row) => toSample(new ItemFields(`${path}:${row.line}`, row.value)));
  return { samples, sha256: loaded.sha256, source: path };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)}`;
  return `a ${typeof value}`;
}
