import { APIError } from 'openai';
import { describe, expect, it } from 'vitest';
import { sseJsonChunks } from './sse-chunks.js';

async function collect(pieces: (string | Uint8Array)[], onMalformedEvent?: (data: string) => void): Promise<unknown[]> {
  const chunks: unknown[] = [];
  const body = (async function* () {
    yield* pieces;
  })();
  for await (const chunk of sseJsonChunks(body, { APIError, headers: new Headers(), ...(onMalformedEvent === undefined ? {} : { onMalformedEvent }) })) chunks.push(chunk);
  return chunks;
}

/** Every way of cutting `text` into two network chunks, as bytes. */
function splits(text: string): Uint8Array[][] {
  const bytes = new TextEncoder().encode(text);
  return Array.from({ length: bytes.length + 1 }, (_, cut) => [bytes.slice(0, cut), bytes.slice(cut)]);
}

describe('sseJsonChunks', () => {
  it('reads events however the bytes are cut, with LF, CRLF or CR line ends and a multibyte character cut in half', async () => {
    for (const newline of ['\n', '\r\n', '\r']) {
      const text = ['data: {"a":1}', '', ': a comment', 'event: message', 'data: {"b":"答"}', '', 'data: [DONE]', '', ''].join(newline);
      for (const pieces of splits(text)) expect(await collect(pieces)).toEqual([{ a: 1 }, { b: '答' }]);
    }
  });

  it('joins the data lines of one event with a newline, and takes "data:" without a space', async () => {
    expect(await collect(['data:{"text":\ndata: "two lines"}\n\n'])).toEqual([{ text: 'two lines' }]);
    expect(await collect(['data: [1,\ndata: 2]\n\n'])).toEqual([[1, 2]]);
  });

  it('ignores everything after [DONE], and events of the Assistants API', async () => {
    expect(await collect(['event: thread.run\ndata: {"x":1}\n\ndata: {"y":2}\n\ndata: [DONE]\n\ndata: {"z":3}\n\n'])).toEqual([{ y: 2 }]);
  });

  it('dispatches a last event that has no blank line after it', async () => {
    expect(await collect(['data: {"a":1}\n\ndata: {"b":2}'])).toEqual([{ a: 1 }, { b: 2 }]);
    expect(await collect(['data: {"b":2}\r'])).toEqual([{ b: 2 }]);
  });

  it('throws a SyntaxError for data that is not JSON, after handing the data over', async () => {
    let seen: string | undefined;
    await expect(collect(['data: {"a":1}\n\ndata: {not json\n\n'], (data) => (seen = data))).rejects.toThrow(SyntaxError);
    expect(seen).toBe('{not json');
  });

  it('throws the SDK error for an error event', async () => {
    const failure = collect(['data: {"error":{"message":"overloaded","code":"busy"}}\n\n']);
    await expect(failure).rejects.toBeInstanceOf(APIError);
    await expect(failure).rejects.toThrow(/overloaded/);
  });
});
