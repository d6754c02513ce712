import { StringDecoder } from 'node:string_decoder';
import type { APIError } from 'openai';

export interface SseChunkOptions {
  /** The SDK's APIError class (the SDK is imported lazily, so it is handed over). */
  APIError: typeof APIError;
  /** The response headers, kept on an error event's APIError as the SDK keeps them. */
  headers: unknown;
  /** Called with the data of an event that is not JSON, before its SyntaxError is thrown. */
  onMalformedEvent?: (data: string) => void;
}

/**
 * The JSON chunks of a Chat Completions event stream (`text/event-stream`), read straight from
 * the response body as it arrives, with the SDK's semantics: `data: [DONE]` ends the answer
 * (anything after it is ignored), an event whose data is not JSON throws a SyntaxError, and an
 * `{"error": ...}` event throws the SDK's APIError. Events are split as the SSE specification
 * says (lines end in CRLF, LF or CR; a blank line dispatches; `data` lines of one event join
 * with a newline; comments and other fields are skipped). The SDK's own reader copies the whole
 * buffer at every network chunk and builds each event twice; this one decodes each byte once.
 */
export async function* sseJsonChunks(body: AsyncIterable<Uint8Array | string>, options: SseChunkOptions): AsyncGenerator<unknown> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let data: string | undefined;
  let event: string | undefined;
  let done = false;
  const dispatch = (): unknown => {
    const payload = data;
    const name = event;
    data = undefined;
    event = undefined;
    if (payload === undefined || done) return undefined;
    if (payload.startsWith('[DONE]')) {
      done = true;
      return undefined;
    }
    if (name !== undefined && name.startsWith('thread.')) return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(payload);
    } catch (error) {
      options.onMalformedEvent?.(payload);
      throw error;
    }
    if (typeof parsed === 'object' && parsed !== null && (parsed as { error?: unknown }).error) {
      throw new options.APIError(undefined, (parsed as { error: object }).error, undefined, options.headers as never);
    }
    return parsed;
  };
  const line = (text: string): unknown => {
    if (text === '') return dispatch();
    if (text.charCodeAt(0) === 58 /* ':' comment */) return undefined;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.charCodeAt(0) === 32) value = value.slice(1);
    if (field === 'data') data = data === undefined ? value : `${data}\n${value}`;
    else if (field === 'event') event = value;
    return undefined;
  };
  for await (const piece of body) {
    carry += typeof piece === 'string' ? piece : decoder.write(piece as Buffer);
    let start = 0;
    // Most servers end lines with LF alone: then a plain search finds them.
    const crlf = carry.includes('\r');
    for (;;) {
      let end = carry.indexOf('\n', start);
      let next = end + 1;
      if (crlf) {
        const cr = carry.indexOf('\r', start);
        if (cr !== -1 && (end === -1 || cr < end)) {
          // A CR at the end of what has arrived may be the first half of a CRLF: wait for more.
          if (cr + 1 === carry.length) break;
          end = cr;
          next = carry.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
        }
      }
      if (end === -1) break;
      const chunk = line(carry.slice(start, end));
      start = next;
      if (chunk !== undefined) yield chunk;
    }
    carry = start === 0 ? carry : carry.slice(start);
  }
  carry += decoder.end();
  // The stream ended without a final blank line: what is left is one last line, then the event.
  if (carry !== '') {
    const last = line(carry.replace(/\r$/, ''));
    if (last !== undefined) yield last;
  }
  const tail = dispatch();
  if (tail !== undefined) yield tail;
}
