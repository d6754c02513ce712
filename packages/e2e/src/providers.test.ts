import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeProvider, type Fault, type FakeProvider } from '@ladder/test-server';
import { afterEach, describe, expect, it } from 'vitest';
import { journalLines, ladderAsync, readJson, startLadder, temporaryDirectory } from './cli.js';

const PLANTED_KEY = 'sk-planted-e2e-0123456789abcdef';

/** A suite of `count` short questions in a user's folder (a plain config: no imports needed). */
function writeProject(directory: string, count: number, prompt = (index: number) => `question ${index}`): void {
  const lines = Array.from({ length: count }, (_, index) => JSON.stringify({ id: `q${index}`, question: prompt(index), answer: `Answer: ${prompt(index)}` }));
  writeFileSync(join(directory, 'items.jsonl'), `${lines.join('\n')}\n`);
  writeFileSync(
    join(directory, 'ladder.config.ts'),
    "export default { suites: [{ id: 'qa', data: 'items.jsonl', idField: 'id', prompt: '{{question}}', target: 'answer', scorer: 'exact', generation: { maxOutputTokens: 64 } }] };\n",
  );
}

/** Every file under a directory, recursively. */
function filesUnder(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

let server: FakeProvider | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('runs against an OpenAI-compatible server that misbehaves', () => {
  it('ends a 500-sample run with every sample ok when one request in ten gets 503 "server busy"', async () => {
    server = await startFakeProvider({
      fault: (request) => (request.index % 10 === 9 ? { kind: 'status', status: 503, message: 'Server busy, please try again later' } : undefined),
    });
    const directory = temporaryDirectory();
    writeProject(directory, 500);
    const out = join(directory, 'run');
    const result = await ladderAsync(['run', '--suite', 'qa', '--model', 'vllm/fake', '--concurrency', '16', '--out', out], {
      cwd: directory,
      env: { VLLM_BASE_URL: `${server.url}/v1` },
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const records = journalLines(join(out, 'samples.jsonl'));
    expect(records).toHaveLength(500);
    expect(new Set(records.map((record) => record.sampleId)).size).toBe(500);
    expect(records.every((record) => record.status === 'ok' && record.score === 1)).toBe(true);
    // Each sample was answered in full exactly once; the 503s were retried and logged.
    const completed = server.requests.filter((request) => request.completed);
    expect(completed).toHaveLength(500);
    expect(new Set(completed.map((request) => request.prompt)).size).toBe(500);
    const busy = server.requests.filter((request) => request.fault !== undefined).length;
    expect(busy).toBeGreaterThanOrEqual(50);
    const retried = records.filter((record) => Array.isArray(record.retries));
    expect(retried.reduce((total, record) => total + (record.retries as unknown[]).length, 0)).toBe(busy);
    expect(records.every((record) => (record.attempts as number) === 1 + ((record.retries as unknown[] | undefined)?.length ?? 0))).toBe(true);
    expect(readJson<{ rows: Array<{ n: number; errors: number }> }>(join(out, 'results.json')).rows[0]).toMatchObject({ n: 500, errors: 0 });
  });

  it('gives each injected fault the right status, with bounded and logged retries', async () => {
    const faults: Record<string, (attempt: number) => Fault | undefined> = {
      'rate-limited': (attempt) => (attempt === 0 ? { kind: 'status', status: 429, retryAfter: '1' } : undefined),
      'server-error': () => ({ kind: 'status', status: 500, message: 'internal error' }),
      'bad-request': () => ({ kind: 'status', status: 400, message: 'invalid request' }),
      'reset-once': (attempt) => (attempt === 0 ? { kind: 'reset-mid-stream' } : undefined),
      hangs: () => ({ kind: 'hang' }),
      malformed: () => ({ kind: 'malformed-json' }),
      'empty-choices': () => ({ kind: 'empty-choices' }),
      filtered: () => ({ kind: 'content-filter' }),
      'thinks-too-long': () => ({ kind: 'length-while-thinking' }),
      fine: () => undefined,
    };
    const names = Object.keys(faults);
    const attempts = new Map<string, number>();
    server = await startFakeProvider({
      fault: (request) => {
        const attempt = attempts.get(request.prompt) ?? 0;
        attempts.set(request.prompt, attempt + 1);
        return faults[request.prompt]?.(attempt);
      },
    });
    const directory = temporaryDirectory();
    writeProject(directory, names.length, (index) => names[index] ?? '');
    const out = join(directory, 'run');
    const result = await ladderAsync(['run', '--suite', 'qa', '--model', 'vllm/fake', '--timeout', '4', '--max-attempts', '3', '--out', out], {
      cwd: directory,
      env: { VLLM_BASE_URL: `${server.url}/v1` },
    });
    expect(result.status).toBe(0);
    const byPrompt = new Map(journalLines(join(out, 'samples.jsonl')).map((record) => [names[Number(String(record.sampleId).slice(1))], record]));
    expect(byPrompt.size).toBe(names.length);
    expect(byPrompt.get('rate-limited')).toMatchObject({ status: 'ok', attempts: 2 });
    expect(byPrompt.get('rate-limited')?.retryWaitMs).toBeGreaterThanOrEqual(1000);
    expect(byPrompt.get('server-error')).toMatchObject({ status: 'model_error', attempts: 3 });
    expect(byPrompt.get('bad-request')).toMatchObject({ status: 'model_error', attempts: 1 });
    expect(byPrompt.get('reset-once')).toMatchObject({ status: 'ok', attempts: 2 });
    expect(byPrompt.get('hangs')).toMatchObject({ status: 'timeout', attempts: 3 });
    expect(byPrompt.get('malformed')).toMatchObject({ status: 'model_error' });
    expect(byPrompt.get('empty-choices')).toMatchObject({ status: 'model_error' });
    expect(byPrompt.get('filtered')?.finishReason).toMatchObject({ unified: 'content-filter' });
    expect(byPrompt.get('thinks-too-long')).toMatchObject({ status: 'truncated', score: null });
    expect(byPrompt.get('fine')).toMatchObject({ status: 'ok', score: 1 });
    // Retries are bounded: no prompt was sent more than --max-attempts times.
    for (const count of attempts.values()) expect(count).toBeLessThanOrEqual(3);
    const row = readJson<{ rows: Array<{ n: number; errors: number; truncated: number }> }>(join(out, 'results.json')).rows[0];
    expect(row).toMatchObject({ errors: 5, truncated: 1, n: 4 });
  });

  it('sends no second successful request for a finished sample after kill -9 and --resume', async () => {
    server = await startFakeProvider({ chunkDelayMs: 1 });
    const directory = temporaryDirectory();
    writeProject(directory, 300);
    const out = join(directory, 'run');
    const env = { VLLM_BASE_URL: `${server.url}/v1`, LADDER_CACHE_DIR: join(directory, 'cache') };
    const args = ['run', '--suite', 'qa', '--model', 'vllm/fake', '--concurrency', '8', '--no-cache', '--out', out];
    const child = startLadder(args, { cwd: directory, env });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const journal = join(out, 'samples.jsonl');
    const target = 20 + Math.floor(Math.random() * 200);
    const started = Date.now();
    while ((existsSync(journal) ? readFileSync(journal, 'utf8').split('\n').length - 1 : 0) < target && Date.now() - started < 60_000) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    child.kill('SIGKILL');
    await exited;
    const finishedBefore = journalLines(journal).map((record) => record.sampleId as string);
    expect(finishedBefore.length).toBeGreaterThan(0);
    expect(finishedBefore.length).toBeLessThan(300);
    const resumed = await ladderAsync([...args, '--resume'], { cwd: directory, env });
    expect(resumed.stderr).toBe('');
    expect(resumed.status).toBe(0);
    const completedByPrompt = new Map<string, number>();
    for (const request of server.requests) if (request.completed) completedByPrompt.set(request.prompt, (completedByPrompt.get(request.prompt) ?? 0) + 1);
    for (const sampleId of finishedBefore) expect(completedByPrompt.get(`question ${sampleId.slice(1)}`)).toBe(1);
    expect(journalLines(journal)).toHaveLength(300);
  });
});

describe('API keys', () => {
  it('never appear in journals, reports, cache files, logs or error messages', async () => {
    // The server echoes the key in its 401 body for some requests, as OpenAI's "Incorrect API key provided" does.
    server = await startFakeProvider({
      fault: (request) =>
        request.prompt.endsWith('3') ? { kind: 'status', status: 401, message: `Incorrect API key provided: ${request.headers.authorization?.replace('Bearer ', '')}` } : undefined,
    });
    const directory = temporaryDirectory();
    writeProject(directory, 20);
    const out = join(directory, 'run');
    const cache = join(directory, 'cache');
    const env = { DEEPSEEK_BASE_URL: `${server.url}/v1`, DEEPSEEK_API_KEY: PLANTED_KEY, LADDER_CACHE_DIR: cache };
    const first = await ladderAsync(['run', '--suite', 'qa', '--model', 'deepseek/deepseek-chat', '--out', out], { cwd: directory, env });
    const again = await ladderAsync(['report', out], { cwd: directory, env });
    expect(first.status).toBe(0);
    expect(server.requests.some((request) => request.headers.authorization === `Bearer ${PLANTED_KEY}`)).toBe(true);
    const records = journalLines(join(out, 'samples.jsonl'));
    expect(records.filter((record) => record.status === 'model_error')).toHaveLength(2);
    const outputs = [first.stdout, first.stderr, again.stdout, again.stderr, ...[...filesUnder(out), ...filesUnder(cache)].map((file) => readFileSync(file, 'utf8'))];
    for (const text of outputs) expect(text).not.toContain(PLANTED_KEY);
    expect(filesUnder(cache).length).toBeGreaterThan(0);
  });

  it('a missing key or an unknown provider is one line naming what to set', async () => {
    const directory = temporaryDirectory();
    writeProject(directory, 2);
    const env = { DEEPSEEK_API_KEY: '' };
    const missing = await ladderAsync(['run', '--suite', 'qa', '--model', 'deepseek/deepseek-chat', '--out', join(directory, 'a')], { cwd: directory, env });
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/DEEPSEEK_API_KEY/);
    const unknown = await ladderAsync(['run', '--suite', 'qa', '--model', 'acme/model-1', '--out', join(directory, 'b')], { cwd: directory });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown provider "acme"/);
    expect(existsSync(join(directory, 'a'))).toBe(false);
  });
});
