import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Pacing } from './dialect.js';

/** Word pieces with their leading whitespace (`"a b"` -> `["a", " b"]`), grouped `perChunk` at a time. */
export function splitWords(text: string, perChunk: number): string[] {
  const pieces = text.match(/\s*\S+|\s+$/g) ?? [];
  if (perChunk <= 1) return pieces;
  const chunks: string[] = [];
  for (let start = 0; start < pieces.length; start += perChunk) chunks.push(pieces.slice(start, start + perChunk).join(''));
  return chunks;
}

/** Whitespace-separated words: the fake provider's token count. */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    const space = code === 32 || code === 10 || code === 9 || code === 13;
    if (!space && !inWord) count += 1;
    inWord = !space;
  }
  return count;
}

/** One SSE event: `data: <data>\n\n`, with an `event:` line when named. */
export function sseFrame(data: string, event?: string): string {
  return event === undefined ? `data: ${data}\n\n` : `event: ${event}\ndata: ${data}\n\n`;
}

export const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
  connection: 'keep-alive',
} as const;

/** A complete JSON (or other) body. */
export function sendBody(response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers });
  response.end(body);
}

/**
 * Writes SSE frames after the headers: waits `firstTokenDelayMs`, then writes the frames
 * `chunkDelayMs` apart (all in one write when both are 0, the fast path for benchmarks).
 * `end: 'destroy'` drops the connection after the last frame instead of ending the response
 * (a reset mid-stream). Resolves true when the response ended normally.
 */
export async function sendSse(
  response: ServerResponse,
  frames: string[],
  options: { pacing: Pacing; end: 'end' | 'destroy'; headers?: Record<string, string> },
): Promise<boolean> {
  response.writeHead(200, { ...SSE_HEADERS, ...options.headers });
  const { firstTokenDelayMs, chunkDelayMs } = options.pacing;
  if (firstTokenDelayMs <= 0 && chunkDelayMs <= 0) {
    return finish(response, frames.join(''), options.end);
  }
  response.flushHeaders();
  if (firstTokenDelayMs > 0) await sleep(firstTokenDelayMs);
  for (let index = 0; index < frames.length - 1; index += 1) {
    if (response.destroyed) return false;
    response.write(frames[index] ?? '');
    if (chunkDelayMs > 0) await sleep(chunkDelayMs);
  }
  if (response.destroyed) return false;
  return finish(response, frames.at(-1) ?? '', options.end);
}

function finish(response: ServerResponse, last: string, end: 'end' | 'destroy'): Promise<boolean> {
  if (end === 'end') {
    return new Promise((resolve) => {
      response.end(last, () => resolve(true));
      response.once('close', () => resolve(response.writableFinished));
    });
  }
  // Let what was written reach the client, then drop the connection without ending the
  // chunked body: the client sees the stream cut mid-way.
  return new Promise((resolve) => {
    response.write(last, () => {
      response.socket?.destroy();
      resolve(false);
    });
  });
}

/** A delay in ms from a number or a per-request function. */
export function delayOf<T>(value: number | ((input: T) => number) | undefined, input: T): number {
  if (value === undefined) return 0;
  return typeof value === 'number' ? value : value(input);
}
