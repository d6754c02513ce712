import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '@ladder/core';
import { startFakeHub, type FakeHub } from '@ladder/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubData, parseHubUri } from '../index.js';

const SHARED = fileURLToPath(new URL('../../../../../shared/datasets/', import.meta.url));
const COMMIT = 'e53f048856ff4f594e959d75785d2c2d37b678ee';
const MATH500 = readFileSync(join(SHARED, 'math500', 'test.jsonl'));
const AIME25 = readFileSync(join(SHARED, 'aime25', 'test.jsonl'));
const TOKEN = 'hf_gated_token_5e1c';

let hub: FakeHub;

beforeAll(async () => {
  hub = await startFakeHub({
    [`HuggingFaceH4/MATH-500@${COMMIT}/test.jsonl`]: { bytes: MATH500, lfs: true },
    [`lab/aime@${COMMIT}/data/aime25.jsonl`]: { bytes: AIME25, lfs: false },
    [`lab/gated@${COMMIT}/test.jsonl`]: { bytes: AIME25, lfs: true, token: TOKEN },
    [`lab/corrupt@${COMMIT}/test.jsonl`]: { bytes: AIME25, lfs: true, wrongChecksum: true },
    [`lab/corrupt-git@${COMMIT}/test.jsonl`]: { bytes: AIME25, lfs: false, wrongChecksum: true },
  });
});

afterAll(() => hub.close());

function environment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { LADDER_DATA_DIR: mkdtempSync(join(tmpdir(), 'ladder-hf-')), HF_ENDPOINT: hub.endpoint, ...extra };
}

async function failure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(UsageError.isInstance(error)).toBe(true);
  const message = (error as Error).message;
  expect(message).not.toContain('\n');
  return message;
}

describe('parseHubUri', () => {
  it('reads hf://datasets/<owner>/<name>@<commit>/<path>', () => {
    expect(parseHubUri(`hf://datasets/openai/gsm8k@${COMMIT}/main/test-00000-of-00001.parquet`)).toEqual({ repo: 'openai/gsm8k', revision: COMMIT, path: 'main/test-00000-of-00001.parquet' });
  });

  it('refuses a moving revision, a model repository and a folder, each in one line that shows the form', () => {
    expect(() => parseHubUri('hf://datasets/openai/gsm8k/main/test.parquet')).toThrow(/name the commit, as hf:\/\/datasets\/<owner>\/<name>@<commit>\/<file>/);
    expect(() => parseHubUri('hf://datasets/openai/gsm8k@main/main/test.parquet')).toThrow(/"main" is not a commit sha \(40 hex digits\)/);
    expect(() => parseHubUri(`hf://openai/gsm8k@${COMMIT}/x.parquet`)).toThrow(/only dataset repositories/);
    expect(() => parseHubUri(`hf://datasets/openai/gsm8k@${COMMIT}/main/`)).toThrow(/name one file after the commit/);
    expect(() => parseHubUri(`hf://datasets/openai/gsm8k@${COMMIT}`)).toThrow(/name one file after the commit/);
  });
});

describe('hubData', () => {
  it('an LFS file: checks the X-Linked-Etag sha256, fetches from storage without the token, then serves the cache', async () => {
    const env = environment({ HF_TOKEN: 'hf_secret_token_77' });
    const before = hub.requests.length;
    const uri = `hf://datasets/HuggingFaceH4/MATH-500@${COMMIT}/test.jsonl`;
    const path = await hubData(uri, { environment: env });
    expect(path).toBe(join(env.LADDER_DATA_DIR ?? '', 'HuggingFaceH4', 'MATH-500', COMMIT, 'test.jsonl'));
    expect(readFileSync(path).equals(MATH500)).toBe(true);
    const seen = hub.requests.slice(before);
    expect(seen.map((request) => `${request.method} ${request.host}`)).toEqual(['HEAD hub', 'GET hub', 'GET storage']);
    expect(seen.filter((request) => request.host === 'hub').every((request) => request.headers.authorization === 'Bearer hf_secret_token_77')).toBe(true);
    expect(seen.find((request) => request.host === 'storage')?.headers.authorization).toBeUndefined();
    expect(await hubData(uri, { environment: env })).toBe(path);
    expect(hub.requests.length).toBe(before + 3);
  });

  it('a file kept in git: checks its ETag, the git blob id', async () => {
    const env = environment();
    const path = await hubData(`hf://datasets/lab/aime@${COMMIT}/data/aime25.jsonl`, { environment: env });
    expect(createHash('sha256').update(readFileSync(path)).digest('hex')).toBe(createHash('sha256').update(AIME25).digest('hex'));
  });

  it('a checksum that does not match: one line, and nothing left in the cache', async () => {
    for (const [repo, kind] of [
      ['lab/corrupt', 'sha256'],
      ['lab/corrupt-git', 'git blob id'],
    ] as const) {
      const env = environment();
      const message = await failure(hubData(`hf://datasets/${repo}@${COMMIT}/test.jsonl`, { environment: env }));
      expect(message).toMatch(new RegExp(`has ${kind} [0-9a-f]+, expected [0-9a-f]+; the download was deleted`));
      expect(readdirSync(env.LADDER_DATA_DIR ?? '', { recursive: true }).filter((name) => String(name).endsWith('.jsonl') || String(name).endsWith('.part'))).toEqual([]);
    }
  });

  it('a gated dataset without the token, a missing file, and no network: what to do, in one line', async () => {
    expect(await failure(hubData(`hf://datasets/lab/gated@${COMMIT}/test.jsonl`, { environment: environment() }))).toMatch(/HTTP 401: a gated or private dataset needs HF_TOKEN/);
    expect(existsSync(await hubData(`hf://datasets/lab/gated@${COMMIT}/test.jsonl`, { environment: environment({ HF_TOKEN: TOKEN }) }))).toBe(true);
    expect(await failure(hubData(`hf://datasets/lab/aime@${COMMIT}/data/missing.jsonl`, { environment: environment() }))).toMatch(/no such file at that commit \(HTTP 404\); check the repository, the commit and the path/);
    const offline = environment({ HF_HUB_OFFLINE: '1' });
    const before = hub.requests.length;
    const message = await failure(hubData(`hf://datasets/lab/aime@${COMMIT}/data/aime25.jsonl`, { environment: offline }));
    expect(message).toMatch(/offline: HF_HUB_OFFLINE or LADDER_OFFLINE is set\); with no network, put the file at .*lab\/aime\/e53f0\w+\/data\/aime25\.jsonl or pass --data <file>/);
    expect(hub.requests.length).toBe(before);
    const unreachable = environment({ HF_ENDPOINT: 'http://127.0.0.1:9' });
    expect(await failure(hubData(`hf://datasets/lab/aime@${COMMIT}/data/aime25.jsonl`, { environment: unreachable }))).toMatch(/could not download http:\/\/127\.0\.0\.1:9\/datasets\/lab\/aime\/resolve\/.* \(.*\); with no network, put the file at/);
  });
});
