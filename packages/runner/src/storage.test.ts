import { appendFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileResponseCache, type CachedResponse } from './cache.js';
import { readLines, type LineScan } from './read-lines.js';

const temporaryDirectory = () => mkdtempSync(join(tmpdir(), 'ladder-storage-'));
const response = (text: string): CachedResponse => ({ text, finishReason: { unified: 'stop', raw: 'stop' }, usage: { inputTokens: undefined, outputTokens: 3 } });
const key = (index: number) => index.toString(16).padStart(64, '0').replace(/^0/, 'a');

describe('readLines', () => {
  it('yields whole lines across chunk boundaries, multibyte characters intact, and reports a torn tail', () => {
    const file = join(temporaryDirectory(), 'lines.jsonl');
    // Lines of varying length, so that newlines and 3-byte characters fall on 1 MiB boundaries.
    const lines = Array.from({ length: 3000 }, (_, index) => `${index}:${'汉字'.repeat(index % 700)}`);
    writeFileSync(file, `${lines.join('\n')}\n{"torn":`);
    const scan: LineScan = { validBytes: 0, tornBytes: 0 };
    expect([...readLines(file, scan)]).toEqual(lines);
    expect(scan.tornBytes).toBe(Buffer.byteLength('{"torn":'));
    expect(scan.validBytes + scan.tornBytes).toBe(readFileSync(file).length);
  });
});

describe('FileResponseCache', () => {
  it('finds answers written by an earlier run, and misses unknown keys', () => {
    const directory = temporaryDirectory();
    const first = new FileResponseCache(directory);
    for (let index = 0; index < 500; index += 1) first.set('builtin/echo', key(index), response(`answer ${index}`));
    first.close();
    const second = new FileResponseCache(directory);
    for (const index of [0, 1, 250, 499]) expect(second.get('builtin/echo', key(index))?.text).toBe(`answer ${index}`);
    expect(second.get('builtin/echo', key(500))).toBeUndefined();
    expect(second.get('builtin/oracle', key(1))).toBeUndefined();
    second.close();
  });

  it('keeps the first answer for a key and survives a torn last line', () => {
    const directory = temporaryDirectory();
    const cache = new FileResponseCache(directory);
    cache.set('m/x', key(1), response('first'));
    cache.close();
    const file = join(directory, 'v1', readdirSync(join(directory, 'v1'))[0] as string);
    appendFileSync(file, `${JSON.stringify({ k: key(1), m: 'm/x', r: response('second') })}\n{"k":"${key(2)}","r":{"te`);
    const reopened = new FileResponseCache(directory);
    expect(reopened.get('m/x', key(1))?.text).toBe('first');
    expect(reopened.get('m/x', key(2))).toBeUndefined();
    reopened.set('m/x', key(3), response('third'));
    reopened.close();
    expect(new FileResponseCache(directory).get('m/x', key(3))?.text).toBe('third');
  });
});
