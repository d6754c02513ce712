import { closeSync, existsSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import type { SampleRecord } from '@ladder/core';
import { itemKey } from './plan.js';
import { readLines, type LineScan } from './read-lines.js';

export function recordKey(record: Pick<SampleRecord, 'suite' | 'model' | 'sampleId' | 'repeat'>): string {
  return itemKey(record.suite, record.model, record.sampleId, record.repeat);
}

/** A journal line, or undefined for damage from outside (the sample is then simply asked again). */
function parseRecord(line: string): SampleRecord | undefined {
  if (line.trim() === '') return undefined;
  try {
    return JSON.parse(line) as SampleRecord;
  } catch {
    // A line written whole is valid JSON; anything else is damage from outside.
    return undefined;
  }
}

/**
 * Reads a whole journal into memory, tolerating a torn last line (a run killed mid-write).
 * Returns the complete records and the byte length of the part that is whole. For big
 * journals prefer `iterateJournal`.
 */
export function readJournal(path: string): { records: SampleRecord[]; validBytes: number; tornBytes: number } {
  const scan: LineScan = { validBytes: 0, tornBytes: 0 };
  const records: SampleRecord[] = [];
  for (const line of readLines(path, scan)) {
    const record = parseRecord(line);
    if (record !== undefined) records.push(record);
  }
  return { records, ...scan };
}

/** Visits journal records one at a time, reading the file in chunks; a torn last line is skipped. */
export function* iterateJournal(path: string, scan?: LineScan): Generator<SampleRecord> {
  for (const line of readLines(path, scan)) {
    const record = parseRecord(line);
    if (record !== undefined) yield record;
  }
}

/**
 * The append-only `samples.jsonl`. Each finished sample is one `write` of one whole line, so a
 * process killed at any moment leaves at most a torn last line, which `open` cuts off.
 */
export class Journal {
  private readonly fd: number;
  /** Keys of the samples the journal held when it was opened (for --resume). */
  readonly completed: Set<string>;

  private constructor(fd: number, completed: Set<string>) {
    this.fd = fd;
    this.completed = completed;
  }

  static open(path: string, options: { resume: boolean }): Journal {
    const completed = new Set<string>();
    if (options.resume && existsSync(path)) {
      const scan: LineScan = { validBytes: 0, tornBytes: 0 };
      for (const record of iterateJournal(path, scan)) completed.add(recordKey(record));
      const fd = openSync(path, 'r+');
      if (scan.tornBytes > 0) ftruncateSync(fd, scan.validBytes);
      closeSync(fd);
    }
    const fd = openSync(path, options.resume ? 'a' : 'w');
    return new Journal(fd, completed);
  }

  /** Appends one finished sample. (`completed` describes the journal as it was opened.) */
  append(record: SampleRecord): void {
    writeSync(this.fd, `${JSON.stringify(record)}\n`);
  }

  close(): void {
    closeSync(this.fd);
  }
}
