import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ResultRow } from '@ladder/core';
import { startFakeHub, type FakeHub } from '@ladder/test-server';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ladderAsync, readJson, SHARED, temporaryDirectory } from './cli.js';

const COMMIT = 'e53f048856ff4f594e959d75785d2c2d37b678ee';
const GSM8K_PARQUET = `hf://datasets/openai/gsm8k@${COMMIT}/main/test-00000-of-00001.parquet`;
const MATH500_JSONL = `hf://datasets/HuggingFaceH4/MATH-500@${COMMIT}/test.jsonl`;

/** GSM8K's test set as openai/gsm8k keeps it on the hub: one Parquet file with question and answer columns. */
function gsm8kParquet(): Buffer {
  const rows = readFileSync(join(SHARED, 'datasets', 'gsm8k', 'test.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { question: string; answer: string });
  return Buffer.from(
    parquetWriteBuffer({
      columnData: [
        { name: 'question', data: rows.map((row) => row.question), type: 'STRING' },
        { name: 'answer', data: rows.map((row) => row.answer), type: 'STRING' },
      ],
    }),
  );
}

let hub: FakeHub;

beforeAll(async () => {
  hub = await startFakeHub({
    [`openai/gsm8k@${COMMIT}/main/test-00000-of-00001.parquet`]: { bytes: gsm8kParquet(), lfs: true },
    [`HuggingFaceH4/MATH-500@${COMMIT}/test.jsonl`]: { bytes: readFileSync(join(SHARED, 'datasets', 'math500', 'test.jsonl')), lfs: true },
  });
});

afterAll(() => hub.close());

describe('--data hf://datasets/<owner>/<name>@<commit>/<file>', () => {
  it('gsm8k from the hub Parquet file: the oracle scores 100% on all 1,319; a second run reads the data cache', async () => {
    const directory = temporaryDirectory();
    const env = { HF_ENDPOINT: hub.endpoint, LADDER_DATA_DIR: join(directory, 'data') };
    const first = await ladderAsync(['run', '--suite', 'gsm8k', '--model', 'builtin/oracle', '--data', GSM8K_PARQUET, '--out', join(directory, 'run')], { env });
    expect(first.status, first.stderr).toBe(0);
    const results = readJson<{ rows: ResultRow[]; suites: { datasetSha256: string }[] }>(join(directory, 'run', 'results.json'));
    expect(results.rows[0]).toMatchObject({ suite: 'gsm8k', value: 1, n: 1319, errors: 0 });
    const requests = hub.requests.length;
    const second = await ladderAsync(['run', '--suite', 'gsm8k', '--model', 'builtin/random', '--data', GSM8K_PARQUET, '--out', join(directory, 'again')], { env });
    expect(second.status, second.stderr).toBe(0);
    expect(hub.requests.length).toBe(requests);
    expect(readJson<{ suites: { datasetSha256: string }[] }>(join(directory, 'again', 'results.json')).suites[0]?.datasetSha256).toBe(results.suites[0]?.datasetSha256);
  });

  it('math500 from the hub JSON Lines file; a branch instead of a commit is refused in one line', async () => {
    const directory = temporaryDirectory();
    const env = { HF_ENDPOINT: hub.endpoint, LADDER_DATA_DIR: join(directory, 'data') };
    const run = await ladderAsync(['run', '--suite', 'math500', '--model', 'builtin/oracle', '--data', MATH500_JSONL, '--limit', '50', '--out', join(directory, 'run')], { env });
    expect(run.status, run.stderr).toBe(0);
    expect(readJson<{ rows: ResultRow[] }>(join(directory, 'run', 'results.json')).rows[0]).toMatchObject({ suite: 'math500', value: 1, n: 50 });
    const branch = await ladderAsync(['run', '--suite', 'math500', '--model', 'builtin/oracle', '--data', MATH500_JSONL.replace(COMMIT, 'main'), '--out', join(directory, 'branch')], { env });
    expect(branch.status).toBe(2);
    expect(branch.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^ladder: --data hf:\/\/datasets\/HuggingFaceH4\/MATH-500@main\/test\.jsonl: "main" is not a commit sha/)]);
  });
});
