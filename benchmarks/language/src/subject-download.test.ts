import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { mmlu } from './index.js';
import { PINNED_FOLDERS } from './pinned-folders.js';

const SHARED_MMLU = fileURLToPath(new URL('../../../../shared/datasets/mmlu/', import.meta.url));
const PINNED = PINNED_FOLDERS.mmlu!;

/** Serves ../shared/datasets/mmlu as raw.githubusercontent.com would serve the pinned commit. */
async function fakeGithub(options: { tamper?: string } = {}): Promise<{ url: string; requests: string[]; server: Server }> {
  const requests: string[] = [];
  const prefix = `/${PINNED.repo}/${PINNED.commit}/${PINNED.root}/`;
  const server = createServer((request, response) => {
    const path = request.url ?? '';
    requests.push(path);
    const file = path.startsWith(prefix) ? join(SHARED_MMLU, path.slice(prefix.length)) : '';
    if (file === '' || !existsSync(file)) {
      response.writeHead(404).end('404: Not Found');
      return;
    }
    const body = readFileSync(file);
    response.writeHead(200, { 'content-type': 'text/plain' }).end(options.tamper !== undefined && path.endsWith(options.tamper) ? Buffer.concat([body, Buffer.from('x')]) : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, server };
}

const saved = { ...process.env };
let server: Server | undefined;
afterEach(() => {
  server?.close();
  process.env = { ...saved };
});

describe.skipIf(!existsSync(SHARED_MMLU))('mmlu without a local copy', () => {
  it('downloads the pinned files once, checks them, and reads them from the data directory after', async () => {
    const github = await fakeGithub();
    server = github.server;
    process.env.LADDER_DATA_DIR = mkdtempSync(join(tmpdir(), 'ladder-data-'));
    process.env.LADDER_GITHUB_RAW_ENDPOINT = github.url;
    delete process.env.LADDER_OFFLINE;
    delete process.env.HF_HUB_OFFLINE;
    const first = await mmlu.load({ baseDir: '.' });
    expect(first.samples).toHaveLength(14_080);
    expect(github.requests).toHaveLength(57);
    expect(existsSync(join(process.env.LADDER_DATA_DIR, 'mmlu', 'test', 'virology_test.csv'))).toBe(true);
    const second = await mmlu.load({ baseDir: '.' });
    expect(second.sha256).toBe(first.sha256);
    expect(github.requests).toHaveLength(57);
  });

  it('refuses a file whose sha256 differs, in one line, and leaves nothing that looks complete', async () => {
    const github = await fakeGithub({ tamper: 'virology_test.csv' });
    server = github.server;
    process.env.LADDER_DATA_DIR = mkdtempSync(join(tmpdir(), 'ladder-data-'));
    process.env.LADDER_GITHUB_RAW_ENDPOINT = github.url;
    delete process.env.LADDER_OFFLINE;
    delete process.env.HF_HUB_OFFLINE;
    const error = await mmlu.load({ baseDir: '.' }).then(
      () => undefined,
      (reason: unknown) => reason as Error,
    );
    expect(error?.message).toMatch(/virology_test\.csv/);
    expect(error?.message).toMatch(/sha256/);
    expect(error?.message.split('\n')).toHaveLength(1);
    expect(existsSync(join(process.env.LADDER_DATA_DIR, 'mmlu'))).toBe(false);
  });
});
