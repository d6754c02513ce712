import { closeSync, existsSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import type { SampleRecord } from '@ladder/core';
import { itemKey } from './plan.js';

export function recordKey(record: Pick<SampleRecord, 'suite' | 'model' | 'sampleId' | 'repeat'>): string {
  return itemKey(record.suite, record.model, record.sampleId, record.repeat);
}

/**
 * Reads a journal, tolerating a torn last line (a run killed mid-write). Returns the
 * complete records and the byte length of the part that is whole.
 */
export function readJournal(path: string): { records: SampleRecord[]; validBytes: number; tornBytes: number } {
  if (!existsSync(path)) return { records: [], validBytes: 0, tornBytes: 0 };
  const buffer = readFileSync(path);
  const lastNewline = buffer.lastIndexOf(0x0a);
  const validBytes = lastNewline + 1;
  const records: SampleRecord[] = [];
  const text = buffer.subarray(0, validBytes).toString('utf8');
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    if (line.trim() === '') continue;
    try {
      records.push(JSON.parse(line) as SampleRecord);
    } catch {
      // A line written whole is valid JSON; anything else is damage from outside. Skip it:
      // its sample is simply asked again.
    }
  }
  return { records, validBytes, tornBytes: buffer.length - validBytes };
}

/** Visits journal records one at a time without holding the file's records in memory. */
export function* iterateJournal(path: string): Generator<SampleRecord> {
  if (!existsSync(path)) return;
  const buffer = readFileSync(path);
  let start = 0;
  while (start < buffer.length) {
    let end = buffer.indexOf(0x0a, start);
    if (end === -1) return; // torn last line
    const line = buffer.toString('utf8', start, end);
    start = end + 1;
    if (line.trim() === '') continue;
    try {
      yield JSON.parse(line) as SampleRecord;
    } catch {
      // skipped, as in readJournal
    }
  }
}

/**
 * The append-only `samples.jsonl`. Each finished sample is one `write` of one whole line, so a
 * process killed at any moment leaves at most a torn last line, which `open` cuts off.
 */
export class Journal {
  private readonly fd: number;
  readonly completed: Set<string>;

  private constructor(fd: number, completed: Set<string>) {
    this.fd = fd;
    this.completed = completed;
  }

  static open(path: string, options: { resume: boolean }): Journal {
    const completed = new Set<string>();
    if (options.resume && existsSync(path)) {
      const { records, validBytes, tornBytes } = readJournal(path);
      for (const record of records) completed.add(recordKey(record));
      const fd = openSync(path, 'r+');
      if (tornBytes > 0) ftruncateSync(fd, validBytes);
      closeSync(fd);
    }
    const fd = openSync(path, options.resume ? 'a' : 'w');
    return new Journal(fd, completed);
  }

  append(record: SampleRecord): void {
    writeSync(this.fd, `${JSON.stringify(record)}\n`);
    this.completed.add(recordKey(record));
  }

  close(): void {
    closeSync(this.fd);
  }
}
