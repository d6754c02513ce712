import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '@ladder/core';
import { startFakeHub, type FakeHub } from '@ladder/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataCacheDir, downloadPinned, hubFile, hubUrl } from '../index.js';

/** Shared copies of real benchmark files, served by the fake hub under its URL layout. */
const SHARED = fileURLToPath(new URL('../../../../../shared/datasets/', import.meta.url));
const REPO = 'ladder-test/shared';
const REVISION = '3101c7d5072418e28b9008a6636bde82a006892c';
const GSM8K = { path: 'gsm8k/test.jsonl', sha256: '3730d312f6e3440559ace48831e51066acaca737f6eabec99bccb9e4b3c39d14' };
const AIME25 = { path: 'aime25/test.jsonl', sha256: 'b4e273c02d3e7fe1b74b59eae768fc8230bfb0f79539890cb56f4361caac0331' };

let hub: FakeHub;
let endpoint: string;
let requests: FakeHub['requests'];

beforeAll(async () => {
  const file = (path: string) => ({ bytes: readFileSync(join(SHARED, path)), lfs: false });
  hub = await startFakeHub({ [`${REPO}@${REVISION}/${GSM8K.path}`]: file(GSM8K.path), [`${REPO}@${REVISION}/${AIME25.path}`]: file(AIME25.path) });
  endpoint = hub.endpoint;
  requests = hub.requests;
});

afterAll(() => hub.close());

function environment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { LADDER_DATA_DIR: mkdtempSync(join(tmpdir(), 'ladder-hub-')), HF_ENDPOINT: endpoint, ...extra };
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(UsageError.isInstance(error)).toBe(true);
  expect((error as Error).message).not.toContain('\n');
  return error as Error;
}

describe('hubFile', () => {
  it('downloads into <data dir>/<repo>/<revision>/<path>, checks the sha256, then serves the cache without a request', async () => {
    const env = environment();
    const before = requests.length;
    const path = await hubFile({ repo: REPO, revision: REVISION, ...GSM8K, environment: env });
    expect(path).toBe(join(dataCacheDir(env), 'ladder-test', 'shared', REVISION, 'gsm8k', 'test.jsonl'));
    expect(readFileSync(path).equals(readFileSync(join(SHARED, GSM8K.path)))).toBe(true);
    expect(requests.length).toBe(before + 1);
    expect(requests.at(-1)?.url).toBe(`/datasets/${REPO}/resolve/${REVISION}/gsm8k/test.jsonl`);
    expect(requests.at(-1)?.headers.authorization).toBeUndefined();
    // No temporary file is left beside it.
    expect(readdirSync(join(dataCacheDir(env), 'ladder-test', 'shared', REVISION, 'gsm8k'))).toEqual(['test.jsonl']);

    expect(await hubFile({ repo: REPO, revision: REVISION, ...GSM8K, environment: env })).toBe(path);
    expect(requests.length).toBe(before + 1);
  });

  it('sends Authorization: Bearer $HF_TOKEN when it is set', async () => {
    await hubFile({ repo: REPO, revision: REVISION, ...AIME25, environment: environment({ HF_TOKEN: 'hf_test_token_123' }) });
    expect(requests.at(-1)?.headers.authorization).toBe('Bearer hf_test_token_123');
  });

  it('deletes a download whose sha256 differs and names the file and both hashes', async () => {
    const env = environment();
    const wrong = '0'.repeat(64);
    const error = await failure(hubFile({ repo: REPO, revision: REVISION, path: GSM8K.path, sha256: wrong, name: 'gsm8k', environment: env }));
    expect(error.message).toContain(hubUrl({ repo: REPO, revision: REVISION, path: GSM8K.path, environment: env }));
    expect(error.message).toContain(`expected ${wrong}`);
    expect(error.message).toContain(GSM8K.sha256);
    expect(readdirSync(join(dataCacheDir(env), 'ladder-test', 'shared', REVISION, 'gsm8k'))).toEqual([]);
  });

  it('reports a 404 in one line that says where to put the file', async () => {
    const env = environment();
    const error = await failure(hubFile({ repo: REPO, revision: REVISION, path: 'nope/test.jsonl', sha256: GSM8K.sha256, name: 'gsm8k', environment: env }));
    const cachePath = join(dataCacheDir(env), 'ladder-test', 'shared', REVISION, 'nope', 'test.jsonl');
    expect(error.message).toBe(
      `gsm8k: could not download ${endpoint}/datasets/${REPO}/resolve/${REVISION}/nope/test.jsonl (HTTP 404 Not Found); with no network, put the file at ${cachePath} or pass --data <file>`,
    );
  });

  it('reports a server that is down in one line', async () => {
    const down = createServer();
    await new Promise<void>((resolve) => down.listen(0, '127.0.0.1', resolve));
    const port = (down.address() as AddressInfo).port;
    await new Promise<void>((resolve) => down.close(() => resolve()));
    const env = environment({ HF_ENDPOINT: `http://127.0.0.1:${port}` });
    const error = await failure(hubFile({ repo: REPO, revision: REVISION, ...GSM8K, name: 'gsm8k', environment: env }));
    expect(error.message).toMatch(/^gsm8k: could not download http:\/\/127\.0\.0\.1:\d+\/datasets\/.* \(.*ECONNREFUSED.*\); with no network, put the file at .* or pass --data <file>$/);
  });

  it('refuses a revision that is not a commit sha', async () => {
    const error = await failure(hubFile({ repo: REPO, revision: 'main', ...GSM8K, environment: environment() }));
    expect(error.message).toContain('must be a commit sha');
  });
});

describe('downloadPinned', () => {
  it('tries no request when offline and still says where the file goes', async () => {
    const cachePath = join(mkdtempSync(join(tmpdir(), 'ladder-offline-')), 'gsm8k', 'test.jsonl');
    const before = requests.length;
    const error = await failure(downloadPinned({ url: `${endpoint}/x`, sha256: GSM8K.sha256, cachePath, name: 'gsm8k', offline: true }));
    expect(error.message).toContain(`put the file at ${cachePath} or pass --data <file>`);
    expect(requests.length).toBe(before);
  });
});
