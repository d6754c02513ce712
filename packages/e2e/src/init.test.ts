import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ladder, ladderAsync, readJson, temporaryDirectory, type CliResult } from './cli.js';

const PLANTED = 'sk-planted-123';

/** No local server answers where these tests look (a bound-then-released port). */
async function closedPortURL(): Promise<string> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return `http://127.0.0.1:${port}/v1`;
}

function expectOneLineError(result: CliResult, pattern: RegExp) {
  expect(result.status).toBe(2);
  const lines = result.stderr.split('\n').filter((line) => line.trim() !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^ladder: /);
  expect(lines[0]).toMatch(pattern);
}

describe('ladder init without a terminal', () => {
  it('writes a config that `ladder run --config` then runs, and refuses to overwrite it without --force', () => {
    const directory = temporaryDirectory();
    const file = join(directory, 'ladder.config.ts');
    const init = ladder(['init', '--yes', '--no-probe', '--suite', 'demo-math', '--model', 'builtin/oracle', '--out', file]);
    expect(init.stderr).toBe('');
    expect(init.status).toBe(0);
    expect(init.stdout).toContain(`Wrote ${file}`);
    expect(init.stdout).toContain(`Next: npx -y pnpm@10 ladder run --config ${file}`);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain("suites: ['demo-math']");
    // Outside the checkout @ladder/core does not resolve: a plain object, no import.
    expect(text).not.toContain('@ladder/core');

    const out = join(directory, 'run');
    const run = ladder(['run', '--config', file, '--limit', '3', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const rows = readJson<{ rows: Array<{ suite: string; model: string; value: number | null; n: number }> }>(join(out, 'results.json')).rows;
    expect(rows.map(({ suite, model, value, n }) => ({ suite, model, value, n }))).toEqual([{ suite: 'demo-math', model: 'builtin/oracle', value: 1, n: 3 }]);

    const again = ladder(['init', '--yes', '--no-probe', '--suite', 'demo-code', '--out', file]);
    expectOneLineError(again, /ladder\.config\.ts already exists; add --force to overwrite it/);
    expect(again.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(text);

    const forced = ladder(['init', '--yes', '--no-probe', '--suite', 'demo-code', '--model', 'builtin/echo', '--out', file, '--force']);
    expect(forced.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain("suites: ['demo-code']");
  });

  it('writes ./ladder.config.ts, which a plain `ladder run` in that folder picks up', () => {
    const directory = temporaryDirectory();
    const init = ladder(['init', '--no-probe', '--suite', 'demo-language', '--model', 'builtin/oracle,builtin/random', '--concurrency', '2', '--run-out', 'first-run'], { cwd: directory });
    expect(init.status).toBe(0);
    expect(existsSync(join(directory, 'ladder.config.ts'))).toBe(true);
    const run = ladder(['run', '--limit', '2'], { cwd: directory });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const rows = readJson<{ rows: Array<{ model: string }> }>(join(directory, 'first-run', 'results.json')).rows;
    expect(rows.map((row) => row.model).sort()).toEqual(['builtin/oracle', 'builtin/random']);
  });

  it('names a planted key by its variable in the output and the file, and never its value', () => {
    const directory = temporaryDirectory();
    const file = join(directory, 'ladder.config.ts');
    const init = ladder(['init', '--no-probe', '--suite', 'demo-math', '--out', file], { env: { DEEPSEEK_API_KEY: PLANTED } });
    expect(init.stderr).toBe('');
    expect(init.status).toBe(0);
    expect(init.stdout).toContain('API keys: DEEPSEEK_API_KEY (DeepSeek)');
    expect(init.stdout).toContain('deepseek/deepseek-chat');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('DEEPSEEK_API_KEY');
    expect(text).toContain("'deepseek/deepseek-chat', // key: DEEPSEEK_API_KEY");
    for (const output of [init.stdout, init.stderr, text]) expect(output).not.toContain(PLANTED);
    // The file loads through the CLI's own config check.
    const list = ladder(['list', '--config', file], { env: { DEEPSEEK_API_KEY: PLANTED } });
    expect(list.stderr).toBe('');
    expect(list.status).toBe(0);
  });

  it('finds a vLLM-style server at VLLM_BASE_URL and writes its models and base URL', async () => {
    const server = createServer((request, response) => {
      response.writeHead(request.url === '/v1/models' ? 200 : 404, { 'content-type': 'application/json' });
      response.end(JSON.stringify(request.url === '/v1/models' ? { object: 'list', data: [{ id: 'Qwen/Qwen2.5-0.5B-Instruct', object: 'model' }] } : {}));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    try {
      const baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
      const closed = await closedPortURL();
      const file = join(temporaryDirectory(), 'ladder.config.ts');
      const env = { VLLM_BASE_URL: baseURL, SGLANG_BASE_URL: closed, OLLAMA_BASE_URL: closed, LLAMACPP_BASE_URL: closed };
      const init = await ladderAsync(['init', '--suite', 'demo-math', '--out', file], { env });
      expect(init.stderr).toBe('');
      expect(init.status).toBe(0);
      expect(init.stdout).toContain(`Local server: vLLM server at ${baseURL}: Qwen/Qwen2.5-0.5B-Instruct`);
      const text = readFileSync(file, 'utf8');
      expect(text).toContain("'vllm/Qwen/Qwen2.5-0.5B-Instruct',");
      expect(text).toContain(`vllm: { baseURL: '${baseURL}' },`);
      const list = ladder(['list', '--config', file]);
      expect(list.stderr).toBe('');
      expect(list.status).toBe(0);
    } finally {
      await new Promise((done) => server.close(done));
    }
  });

  it('rejects an unknown suite or provider in one line and writes nothing', () => {
    const file = join(temporaryDirectory(), 'ladder.config.ts');
    expectOneLineError(ladder(['init', '--no-probe', '--suite', 'demo-maths', '--out', file]), /--suite demo-maths: unknown suite; known: .*demo-math/);
    expectOneLineError(ladder(['init', '--no-probe', '--model', 'acme/x', '--out', file]), /--model acme\/x: unknown provider "acme"; known: builtin, gguf, /);
    expectOneLineError(ladder(['init', '--no-probe', '--concurrency', '0', '--out', file]), /--concurrency 0: expected a whole number/);
    expect(existsSync(file)).toBe(false);
  });

  it('has --help, and a line in the top-level help', () => {
    const help = ladder(['init', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: ladder init/);
    for (const flag of ['--suite', '--model', '--out', '--force', '--yes']) expect(help.stdout).toContain(flag);
    expect(ladder(['--help']).stdout).toMatch(/^ {2}init +\S/m);
  });
});
