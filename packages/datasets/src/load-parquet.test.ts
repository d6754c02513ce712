import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256 } from '@ladder/core';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { loadJsonl, loadRows } from './index.js';

const GSM8K = fileURLToPath(new URL('../../../../shared/datasets/gsm8k/test.jsonl', import.meta.url));

/** GSM8K's test set as the hub keeps it (openai/gsm8k: question and answer columns), plus the kinds of columns other datasets have. */
async function gsm8kParquet(codec: 'SNAPPY' | 'UNCOMPRESSED'): Promise<{ path: string; questions: string[]; answers: string[] }> {
  const { rows } = await loadJsonl(GSM8K);
  const questions = rows.map((row) => String(row.value.question));
  const answers = rows.map((row) => String(row.value.answer));
  const buffer = parquetWriteBuffer({
    codec,
    rowGroupSize: 500,
    columnData: [
      { name: 'question', data: questions, type: 'STRING' },
      { name: 'answer', data: answers, type: 'STRING' },
      { name: 'index', data: rows.map((_row, index) => BigInt(index)), type: 'INT64' },
      { name: 'choices', data: rows.map((_row, index) => ['A', 'B', String(index)]) },
      { name: 'level', data: rows.map((_row, index) => (index % 2 === 0 ? `Level ${index % 5}` : null)), type: 'STRING', nullable: true },
    ],
  });
  const path = join(mkdtempSync(join(tmpdir(), 'ladder-parquet-')), `test-${codec.toLowerCase()}.parquet`);
  writeFileSync(path, Buffer.from(buffer));
  return { path, questions, answers };
}

describe('loadRows on a .parquet file', () => {
  it.each(['SNAPPY', 'UNCOMPRESSED'] as const)('reads every row of a %s file across row groups, as JSON values', async (codec) => {
    const { path, questions, answers } = await gsm8kParquet(codec);
    const loaded = await loadRows(path);
    expect(loaded.rows).toHaveLength(1319);
    expect(loaded.sha256).toBe(sha256(readFileSync(path)));
    expect(loaded.rows.map((row) => row.value.question)).toEqual(questions);
    expect(loaded.rows.map((row) => row.value.answer)).toEqual(answers);
    expect(loaded.rows[700]).toEqual({ line: 701, value: { question: questions[700], answer: answers[700], index: 700, choices: ['A', 'B', '700'], level: 'Level 0' } });
    expect(loaded.rows[701]?.value.level).toBeNull();
    expect(typeof loaded.rows[1318]?.value.index).toBe('number');
  });

  it('names the file when it is not Parquet', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ladder-parquet-')), 'broken.parquet');
    writeFileSync(path, 'PAR1 this is not a parquet file');
    await expect(loadRows(path)).rejects.toThrow(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not a readable Parquet file \\(`));
    await expect(loadRows(`${path}.missing.parquet`)).rejects.toThrow(/no such file; check the path given to --data/);
  });
});
