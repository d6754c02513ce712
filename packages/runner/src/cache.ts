import { appendFileSync, closeSync, mkdirSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import {
  sha256,
  stableStringify,
  type CallOptions,
  type FinishReason,
  type GenerationSettings,
  type LanguageModelV1,
  type Usage,
} from '@ladder/core';
import { readLines, type LineScan } from './read-lines.js';

/** What the cache keeps of a model's answer: enough to score it again, never its timing. */
export interface CachedResponse {
  text: string;
  reasoning?: string | undefined;
  finishReason: FinishReason;
  usage: Usage;
}

export interface ResponseCache {
  get(modelId: string, key: string): CachedResponse | undefined;
  set(modelId: string, key: string, response: CachedResponse): void;
}

/**
 * The cache key: the model, the settings that change its output, the rendered prompt and the
 * repeat index. Concurrency, timeouts and retry settings are not in it. For the built-in
 * baselines the reference they answer from is in it too.
 */
export function cacheKey(options: {
  modelId: string;
  settings: GenerationSettings;
  prompt: CallOptions['prompt'];
  repeat: number;
  reference?: CallOptions['reference'];
  /** A session's calls are cached per sample (its suite, id and repeat): another sample's session never answers them. */
  scope?: string;
}): string {
  return sha256(
    stableStringify({
      v: 1,
      model: options.modelId,
      settings: options.settings,
      prompt: options.prompt,
      repeat: options.repeat,
      reference: options.reference,
      ...(options.scope === undefined ? {} : { scope: options.scope }),
    }),
  );
}

export function cacheKeyFor(model: LanguageModelV1, modelId: string, call: Omit<CallOptions, 'requestKey'>, repeat: number, scope?: string): string {
  return cacheKey({
    modelId,
    settings: call.settings,
    prompt: call.prompt,
    repeat,
    ...(model.wantsReference === true && call.reference !== undefined ? { reference: call.reference } : {}),
    ...(scope === undefined ? {} : { scope }),
  });
}

/**
 * A content-addressed cache on disk: one append-only JSON Lines file per model under
 * `<dir>/v1/`. In memory it keeps only a compact index of the file as it was when the run
 * first asked for that model (64 bits of each key and the line's byte offset, 16 bytes an
 * entry); an answer is read from the file when it is asked for, and its full key checked. New answers are appended; they serve the next run. Appends are single writes of whole
 * lines, so parallel shards may share a directory; an unreadable line is skipped (that answer
 * is simply not cached).
 */
export class FileResponseCache implements ResponseCache {
  private readonly directory: string;
  private readonly indexes = new Map<string, CacheFileIndex>();

  constructor(directory: string) {
    this.directory = join(directory, 'v1');
  }

  private indexFor(modelId: string): CacheFileIndex {
    let index = this.indexes.get(modelId);
    if (index === undefined) {
      index = CacheFileIndex.build(join(this.directory, `${sha256(modelId).slice(0, 24)}.jsonl`));
      this.indexes.set(modelId, index);
    }
    return index;
  }

  get(modelId: string, key: string): CachedResponse | undefined {
    const line = this.indexFor(modelId).lineFor(key);
    if (line === undefined) return undefined;
    try {
      const parsed = JSON.parse(line) as { k: string; r: CachedResponse };
      return parsed.k === key ? parsed.r : undefined;
    } catch {
      return undefined;
    }
  }

  set(modelId: string, key: string, response: CachedResponse): void {
    const index = this.indexFor(modelId);
    if (index.has(key)) return;
    mkdirSync(this.directory, { recursive: true });
    // After a torn last line (a killed writer), start on a new line.
    const prefix = index.endsTorn ? '\n' : '';
    index.endsTorn = false;
    appendFileSync(index.file, `${prefix}${JSON.stringify({ k: key, m: modelId, r: response })}\n`);
  }

  /** Closes the files opened for reading. */
  close(): void {
    for (const index of this.indexes.values()) index.close();
  }
}

/** Sorted 64-bit key prefixes with the byte offsets of their lines; binary search to look up. */
class CacheFileIndex {
  endsTorn = false;
  private fd: number | undefined;

  private constructor(
    readonly file: string,
    private readonly high: Uint32Array,
    private readonly low: Uint32Array,
    private readonly offsets: Float64Array,
  ) {}

  static build(file: string): CacheFileIndex {
    let high = new Uint32Array(1024);
    let low = new Uint32Array(1024);
    let offsets = new Float64Array(1024);
    let count = 0;
    let offset = 0;
    const scan: LineScan = { validBytes: 0, tornBytes: 0 };
    for (const line of readLines(file, scan)) {
      const key = /^\{"k":"([0-9a-f]{64})"/.exec(line)?.[1];
      if (key !== undefined) {
        if (count === high.length) {
          high = grow(high, new Uint32Array(count * 2));
          low = grow(low, new Uint32Array(count * 2));
          offsets = grow(offsets, new Float64Array(count * 2));
        }
        high[count] = Number.parseInt(key.slice(0, 8), 16);
        low[count] = Number.parseInt(key.slice(8, 16), 16);
        offsets[count] = offset;
        count += 1;
      }
      offset += Buffer.byteLength(line) + 1;
    }
    const order = Array.from({ length: count }, (_, position) => position);
    // Stable sort: of equal keys the first line written wins.
    order.sort((a, b) => (high[a] as number) - (high[b] as number) || (low[a] as number) - (low[b] as number) || a - b);
    const index = new CacheFileIndex(
      file,
      Uint32Array.from(order, (position) => high[position] as number),
      Uint32Array.from(order, (position) => low[position] as number),
      Float64Array.from(order, (position) => offsets[position] as number),
    );
    index.endsTorn = scan.tornBytes > 0;
    return index;
  }

  private find(key: string): number {
    const high = Number.parseInt(key.slice(0, 8), 16);
    const low = Number.parseInt(key.slice(8, 16), 16);
    let start = 0;
    let end = this.high.length;
    while (start < end) {
      const middle = (start + end) >>> 1;
      const compared = (this.high[middle] as number) - high || (this.low[middle] as number) - low;
      if (compared < 0) start = middle + 1;
      else end = middle;
    }
    return start < this.high.length && this.high[start] === high && this.low[start] === low ? start : -1;
  }

  has(key: string): boolean {
    return this.lineFor(key) !== undefined;
  }

  /** The file's line for `key`, or undefined. Lines whose keys share the 64-bit prefix are all tried. */
  lineFor(key: string): string | undefined {
    const start = this.find(key);
    if (start === -1) return undefined;
    const marker = `{"k":"${key}"`;
    for (let position = start; position < this.high.length; position += 1) {
      if (this.high[position] !== this.high[start] || this.low[position] !== this.low[start]) break;
      this.fd ??= openSync(this.file, 'r');
      const line = readLineAt(this.fd, this.offsets[position] as number);
      if (line.startsWith(marker)) return line;
    }
    return undefined;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

function grow<T extends Uint32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

function readLineAt(fd: number, offset: number): string {
  const parts: Buffer[] = [];
  const buffer = Buffer.allocUnsafe(16_384);
  for (let position = offset; ; ) {
    const read = readSync(fd, buffer, 0, buffer.length, position);
    if (read === 0) break;
    const newline = buffer.subarray(0, read).indexOf(0x0a);
    if (newline !== -1) {
      parts.push(Buffer.from(buffer.subarray(0, newline)));
      break;
    }
    parts.push(Buffer.from(buffer.subarray(0, read)));
    position += read;
  }
  return Buffer.concat(parts).toString('utf8');
}
