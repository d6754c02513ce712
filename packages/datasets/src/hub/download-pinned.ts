import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { UsageError, redactSecrets } from '@ladder/core';
import { isOffline } from './data-dir.js';

export interface DownloadPinnedOptions {
  /** The file's URL at a pinned revision (a commit), so its bytes never change. */
  url: string;
  /** The expected sha256 (hex) of the downloaded bytes. */
  sha256?: string | undefined;
  /** Or the expected git blob id (sha1 of `blob <size>\0` and the bytes), as the hub gives for files kept in git rather than LFS. */
  gitBlobSha1?: string | undefined;
  /** Where the file is kept; a file already there is used as is, without a request. */
  cachePath: string;
  /** Who asks, for error messages (a suite id such as `gsm8k`); defaults to the URL's file name. */
  name?: string;
  /** Extra request headers (the hub helper adds `Authorization` here). */
  headers?: Record<string, string>;
  /** Give up when no response has arrived after this long (default 30 s). */
  timeoutMs?: number;
  /** Never try the network (default: `HF_HUB_OFFLINE` or `LADDER_OFFLINE` set). */
  offline?: boolean;
}

/**
 * Returns `cachePath`, downloading `url` there first when the file is absent. The bytes go to a
 * temporary file next to it, their sha256 is checked, and only then is the file renamed into
 * place, so a half-written or wrong file is never found in the cache. Every failure is a one-line
 * `UsageError` that says where to put the file by hand.
 */
export async function downloadPinned(options: DownloadPinnedOptions): Promise<string> {
  const { url, cachePath } = options;
  if (existsSync(cachePath)) return cachePath;
  const name = options.name ?? url.split('/').pop() ?? url;
  const expected = options.sha256?.toLowerCase();
  if (expected !== undefined && !/^[0-9a-f]{64}$/.test(expected)) throw new UsageError(`${name}: "${options.sha256}" is not a sha256 (64 hex digits)`);
  const expectedBlob = options.gitBlobSha1?.toLowerCase();
  if (expectedBlob !== undefined && !/^[0-9a-f]{40}$/.test(expectedBlob)) throw new UsageError(`${name}: "${options.gitBlobSha1}" is not a git blob id (40 hex digits)`);
  const fail = (reason: string) =>
    new UsageError(redactSecrets(`${name}: could not download ${url} (${reason}); with no network, put the file at ${cachePath} or pass --data <file>`));
  if (options.offline ?? isOffline()) throw fail('offline: HF_HUB_OFFLINE or LADDER_OFFLINE is set');
  if (expected === undefined && expectedBlob === undefined) throw new UsageError(`${name}: no checksum to check ${url} against`);

  let response: Response;
  try {
    response = await fetch(url, { headers: options.headers, redirect: 'follow', signal: AbortSignal.timeout(options.timeoutMs ?? 30_000) });
  } catch (error) {
    throw fail(describeFetchError(error, options.timeoutMs ?? 30_000));
  }
  if (!response.ok || response.body === null) {
    await response.body?.cancel().catch(() => undefined);
    throw fail(`HTTP ${response.status}${response.statusText === '' ? '' : ` ${response.statusText}`}`);
  }

  await mkdir(dirname(cachePath), { recursive: true });
  const temporary = `${cachePath}.${process.pid}.${randomBytes(4).toString('hex')}.part`;
  const hash = createHash('sha256');
  // The git blob id needs the size first: the bytes are hashed as they come, and the header
  // `blob <size>\0` is hashed in front of them by a second pass over the finished file.
  let size = 0;
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      size += chunk.length;
      callback(null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), hashing, createWriteStream(temporary));
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw fail(`interrupted: ${describeFetchError(error, options.timeoutMs ?? 30_000)}`);
  }
  const actual = hash.digest('hex');
  const mismatch = (kind: string, found: string, wanted: string) =>
    new UsageError(`${name}: ${url} has ${kind} ${found}, expected ${wanted}; the download was deleted (the file changed upstream or was corrupted)`);
  if (expected !== undefined && actual !== expected) {
    await unlink(temporary).catch(() => undefined);
    throw mismatch('sha256', actual, expected);
  }
  if (expectedBlob !== undefined) {
    const blob = await gitBlobId(temporary, size);
    if (blob !== expectedBlob) {
      await unlink(temporary).catch(() => undefined);
      throw mismatch('git blob id', blob, expectedBlob);
    }
  }
  await rename(temporary, cachePath);
  return cachePath;
}

/** git's id of a file's contents: sha1 of `blob <size>\0` followed by the bytes. */
async function gitBlobId(path: string, size: number): Promise<string> {
  const hash = createHash('sha1').update(`blob ${size}\0`);
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export function describeFetchError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `no response after ${timeoutMs / 1000} s`;
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (cause !== undefined && typeof cause.code === 'string') {
    return typeof cause.message === 'string' && cause.message !== '' ? cause.message.replace(/\s+/g, ' ') : cause.code;
  }
  if (cause instanceof Error && cause.message !== '') return cause.message.replace(/\s+/g, ' ');
  return error instanceof Error ? error.message.replace(/\s+/g, ' ') : String(error);
}
