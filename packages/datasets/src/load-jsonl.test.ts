import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { UsageError } from '@ladder/core';
import { describe, expect, it } from 'vitest';
import { loadCsv, loadJsonl, loadRows } from './index.js';

const directory = mkdtempSync(join(tmpdir(), 'ladder-datasets-'));
function write(name: string, content: string | Buffer): string {
  const path = join(directory, name);
  writeFileSync(path, content);
  return path;
}

describe('loadJsonl', () => {
  it('reads objects with their line numbers and skips blank lines', async () => {
    const path = write('ok.jsonl', '{"a":1}\n\n{"a":2}\n');
    const loaded = await loadJsonl(path);
    expect(loaded.rows).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 3, value: { a: 2 } },
    ]);
    expect(loaded.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names the file and line of bad JSON', async () => {
    const lines = Array.from({ length: 9 }, (_, index) => (index === 6 ? '{"a": 7,,}' : `{"a": ${index + 1}}`));
    const path = write('bad.jsonl', lines.join('\n'));
    const error = await loadJsonl(path).catch((caught: unknown) => caught);
    expect(UsageError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain(`${path}:7:`);
    expect((error as Error).message).not.toContain('\n');
  });

  it('rejects a line that is not an object', async () => {
    const path = write('array.jsonl', '{"a":1}\n[1,2]\n');
    await expect(loadJsonl(path)).rejects.toThrow(/array\.jsonl:2: expected a JSON object/);
  });

  it('reads gzip and reports a missing file in one line', async () => {
    const path = write('ok.jsonl.gz', gzipSync('{"a":1}\n'));
    expect((await loadRows(path)).rows).toHaveLength(1);
    await expect(loadJsonl(join(directory, 'missing.jsonl'))).rejects.toThrow(/missing\.jsonl: no such file/);
  });
});

describe('loadCsv', () => {
  it('reads headed rows with fast-csv, quotes included', async () => {
    const path = write('rows.csv', 'question,answer\n"a, b",1\nc,"say ""hi"""\n');
    const loaded = await loadCsv(path);
    expect(loaded.rows.map((row) => row.value)).toEqual([
      { question: 'a, b', answer: '1' },
      { question: 'c', answer: 'say "hi"' },
    ]);
  });
});
