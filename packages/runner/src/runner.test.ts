import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APICallError, type SampleRecord } from '@ladder/core';
import { describe, expect, it } from 'vitest';
import { parseShard, planRun, type PlannedModel } from './plan.js';
import { prepareSuite } from './prepare-suite.js';
import { readJournal } from './journal.js';
import { mergeRuns } from './merge.js';
import { runPlan } from './run.js';
import { RateLimiter } from './rate-limiter.js';
import { arithmeticSuite, correct, scriptedModel, serviceUnavailable, type Behaviour } from './test-fixtures.js';

const noWait = async () => {};

function temporary(): string {
  return mkdtempSync(join(tmpdir(), 'ladder-runner-'));
}

async function planFor(options: { size: number; behaviour: Behaviour; repeats?: number; shard?: string; concurrency?: number }) {
  const prepared = await prepareSuite(arithmeticSuite({ size: options.size }), {
    baseDir: '.',
    ...(options.repeats === undefined ? {} : { repeats: options.repeats }),
  });
  const model = scriptedModel(options.behaviour);
  const models: PlannedModel[] = [{ id: 'test/scripted', model, concurrency: options.concurrency ?? 4 }];
  const plan = planRun({ suites: [prepared], models, seed: 0, shard: options.shard === undefined ? null : parseShard(options.shard) });
  return { plan, model };
}

function journalOf(directory: string): SampleRecord[] {
  return readJournal(join(directory, 'samples.jsonl')).records;
}

describe('runPlan', () => {
  it('journals every sample once with its status, score and timing', async () => {
    const { plan } = await planFor({ size: 10, behaviour: correct, repeats: 2 });
    const directory = join(temporary(), 'run');
    const result = await runPlan({ plan, directory, cacheDirectory: null, sleep: noWait });
    const records = journalOf(directory);
    expect(records).toHaveLength(20);
    expect(new Set(records.map((record) => `${record.sampleId}/${record.repeat}`)).size).toBe(20);
    expect(records.every((record) => record.status === 'ok' && record.score === 1 && record.cached === false)).toBe(true);
    expect(records[0]?.timing?.totalMs).toBeGreaterThanOrEqual(0);
    expect(records[0]?.timing?.firstTokenMs).not.toBeNull();
    expect(result.manifest.status).toBe('complete');
    const manifest = JSON.parse(readFileSync(join(directory, 'manifest.json'), 'utf8'));
    expect(manifest.suites[0].promptHashes.q3).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.nodeVersion).toBe(process.version);
  });

  it('keeps the warnings a model returns (unsupported settings, defaults) on its samples', async () => {
    const { plan, model } = await planFor({ size: 2, behaviour: correct });
    const stream = model.doStream.bind(model);
    model.doStream = async (options) => ({ ...(await stream(options)), warnings: ['topK is not supported'] });
    const directory = join(temporary(), 'run');
    await runPlan({ plan, directory, cacheDirectory: null, sleep: noWait });
    expect(journalOf(directory).map((record) => record.warnings)).toEqual([['topK is not supported'], ['topK is not supported']]);
  });

  it('gives thinking cut off by the token limit its own status, outside the denominator', async () => {
    const { plan, model } = await planFor({ size: 2, behaviour: correct });
    model.doStream = async () => ({
      stream: (async function* () {
        yield { type: 'reasoning-delta' as const, delta: 'Let me think about 1+1 for a long time' };
        yield { type: 'finish' as const, finishReason: { unified: 'length' as const, raw: 'length' }, usage: { inputTokens: 5, outputTokens: 64 } };
      })(),
    });
    const directory = join(temporary(), 'run');
    await runPlan({ plan, directory, cacheDirectory: null, sleep: noWait });
    const records = journalOf(directory);
    expect(records.map((record) => record.status)).toEqual(['truncated', 'truncated']);
    expect(records[0]?.score).toBeNull();
    expect(records[0]?.reasoning).toContain('think');
  });

  it('prices each uncached sample from its usage, logs the retried attempts, and keeps the limiter wait out of latency', async () => {
    const { plan } = await planFor({ size: 3, behaviour: (options, call) => (call === 1 ? serviceUnavailable(10) : correct(options, call)) });
    const limiter = new RateLimiter({ requestsPerMinute: 1000 });
    plan.models[0] = { ...plan.models[0]!, price: { input: 2, output: 10 }, limiter };
    const directory = join(temporary(), 'run');
    await runPlan({ plan, directory, cacheDirectory: null, sleep: noWait });
    const records = journalOf(directory);
    // usage 3 in + 2 out: (3 x 2 + 2 x 10) / 1e6 dollars.
    expect(records.every((record) => record.costUsd === 0.000026)).toBe(true);
    const retried = records.filter((record) => record.retries !== undefined);
    expect(retried).toHaveLength(1);
    expect(retried[0]?.retries?.[0]?.error).toMatch(/503|busy|unavailable/i);
    const manifest = JSON.parse(readFileSync(join(directory, 'manifest.json'), 'utf8'));
    expect(manifest.models[0].price).toEqual({ input: 2, output: 10 });
    expect(manifest.models[0].limits).toEqual({ requestsPerMinute: 1000 });
  });

  it('sends latency-mode warm-up requests that are neither journaled nor counted', async () => {
    const { plan, model } = await planFor({ size: 2, behaviour: correct });
    const directory = join(temporary(), 'run');
    const result = await runPlan({ plan, directory, cacheDirectory: null, sleep: noWait, warmup: 3 });
    expect(model.calls).toBe(5);
    expect(result.summary.modelCalls).toBe(2);
    expect(journalOf(directory)).toHaveLength(2);
    expect(result.manifest.options.latencyMode).toEqual({ warmup: 3 });
  });

  it('retries 503s with Retry-After, keeps the wait out of the latency, and gives up after maxAttempts', async () => {
    const waits: number[] = [];
    const { plan, model } = await planFor({
      size: 2,
      concurrency: 1,
      behaviour: (options, call) => {
        if (options.prompt[0]?.content === '0+1?') return call <= 2 ? serviceUnavailable(7000) : '1';
        return serviceUnavailable();
      },
    });
    const directory = join(temporary(), 'run');
    await runPlan({ plan, directory, cacheDirectory: null, retry: { maxAttempts: 3 }, sleep: async (ms) => void waits.push(ms) });
    const records = journalOf(directory);
    const first = records.find((record) => record.sampleId === 'q0');
    const second = records.find((record) => record.sampleId === 'q1');
    expect(first).toMatchObject({ status: 'ok', score: 1, attempts: 3, retryWaitMs: 14000 });
    expect(first?.timing?.totalMs).toBeLessThan(7000);
    expect(second).toMatchObject({ status: 'model_error', score: null, attempts: 3 });
    expect(second?.error).toContain('server busy');
    expect(model.calls).toBe(6);
    expect(waits.slice(0, 2)).toEqual([7000, 7000]);
  });

  it('does not retry a non-retryable error', async () => {
    const { plan, model } = await planFor({
      size: 1,
      behaviour: () => new APICallError({ message: 'bad request', statusCode: 400 }),
    });
    const directory = join(temporary(), 'run');
    await runPlan({ plan, directory, cacheDirectory: null, sleep: noWait });
    expect(journalOf(directory)[0]).toMatchObject({ status: 'model_error', attempts: 1 });
    expect(model.calls).toBe(1);
  });

  it('ends a hanging request as a timeout, not a wrong answer', async () => {
    const { plan } = await planFor({ size: 1, behaviour: () => new Promise<string>(() => {}) });
    const directory = join(temporary(), 'run');
    await runPlan({ plan, directory, cacheDirectory: null, timeoutMs: 50, retry: { maxAttempts: 2 }, sleep: noWait });
    expect(journalOf(directory)[0]).toMatchObject({ status: 'timeout', score: null, attempts: 2 });
  });

  it('serves a second identical run from the cache, flagged, with no model calls and no timing', async () => {
    const cacheDirectory = temporary();
    const first = await planFor({ size: 25, behaviour: correct });
    await runPlan({ plan: first.plan, directory: join(temporary(), 'a'), cacheDirectory, sleep: noWait });
    expect(first.model.calls).toBe(25);
    const second = await planFor({ size: 25, behaviour: correct });
    const directory = join(temporary(), 'b');
    const result = await runPlan({ plan: second.plan, directory, cacheDirectory, sleep: noWait });
    expect(second.model.calls).toBe(0);
    expect(result.summary.cacheHits).toBe(25);
    const records = journalOf(directory);
    expect(records.every((record) => record.cached && record.timing === null && record.attempts === 0)).toBe(true);
    expect(records.every((record) => record.score === 1)).toBe(true);
  });

  it('resumes after a torn last line without asking again for finished samples', async () => {
    const { plan } = await planFor({ size: 30, behaviour: correct });
    const directory = join(temporary(), 'run');
    await runPlan({ plan, directory, cacheDirectory: null, sleep: noWait });
    // Simulate a kill: keep 12 whole lines and half of the 13th.
    const lines = readFileSync(join(directory, 'samples.jsonl'), 'utf8').split('\n');
    writeFileSync(join(directory, 'samples.jsonl'), `${lines.slice(0, 12).join('\n')}\n${lines[12]?.slice(0, 20)}`);
    const again = await planFor({ size: 30, behaviour: correct });
    const result = await runPlan({ plan: again.plan, directory, resume: true, cacheDirectory: null, sleep: noWait });
    expect(again.model.calls).toBe(18);
    expect(result.summary.resumed).toBe(12);
    const records = journalOf(directory);
    expect(records).toHaveLength(30);
    expect(new Set(records.map((record) => record.sampleId)).size).toBe(30);
  });

  it('refuses to resume a different plan and to overwrite a run', async () => {
    const { plan } = await planFor({ size: 3, behaviour: correct });
    const directory = join(temporary(), 'run');
    await runPlan({ plan, directory, cacheDirectory: null, sleep: noWait });
    const other = await planFor({ size: 4, behaviour: correct });
    await expect(runPlan({ plan: other.plan, directory, resume: true, cacheDirectory: null })).rejects.toThrow(/planned with other/);
    await expect(runPlan({ plan: other.plan, directory, cacheDirectory: null })).rejects.toThrow(/already holds a run/);
  });

  it('lets one process at a time write a run directory, and takes over the lock of a dead one', async () => {
    const { plan } = await planFor({ size: 3, behaviour: correct });
    const directory = join(temporary(), 'run');
    await runPlan({ plan, directory, cacheDirectory: null, sleep: noWait });
    expect(existsSync(join(directory, 'run.lock'))).toBe(false);
    // A live writer (this test's parent process stands in for one) keeps others out.
    writeFileSync(join(directory, 'run.lock'), `${process.ppid}\n`);
    await expect(runPlan({ plan, directory, resume: true, cacheDirectory: null, sleep: noWait })).rejects.toThrow(/another ladder process \(pid \d+\) is writing this run/);
    // A writer killed with kill -9 leaves its lock behind: a resume takes it over.
    writeFileSync(join(directory, 'run.lock'), '2147483646\n');
    const resumed = await runPlan({ plan, directory, resume: true, cacheDirectory: null, sleep: noWait });
    expect(resumed.summary.resumed).toBe(3);
    expect(existsSync(join(directory, 'run.lock'))).toBe(false);
  });

  it('splits the plan into disjoint shards that merge back into the whole', async () => {
    const root = temporary();
    const shards: string[] = [];
    for (const shard of ['1/3', '2/3', '3/3']) {
      const { plan } = await planFor({ size: 20, behaviour: correct, repeats: 2, shard });
      const directory = join(root, `shard-${shard.replace('/', 'of')}`);
      await runPlan({ plan, directory, cacheDirectory: null, sleep: noWait });
      shards.push(directory);
    }
    const sizes = shards.map((directory) => journalOf(directory).length);
    expect(sizes.reduce((total, size) => total + size, 0)).toBe(40);
    const { records } = mergeRuns({ directories: shards, out: join(root, 'merged') });
    expect(records).toBe(40);
    expect(() => mergeRuns({ directories: shards.slice(0, 2), out: join(root, 'partial') })).toThrow(/3\/3 missing/);

    const { plan: otherPlan } = await planFor({ size: 21, behaviour: correct, repeats: 2, shard: '3/3' });
    const foreign = join(root, 'foreign');
    await runPlan({ plan: otherPlan, directory: foreign, cacheDirectory: null, sleep: noWait });
    expect(() => mergeRuns({ directories: [shards[0]!, shards[1]!, foreign], out: join(root, 'bad') })).toThrow(/another plan/);
    expect(existsSync(join(root, 'bad'))).toBe(false);
  });

  it('rejects shard specifications that make no sense', () => {
    expect(() => parseShard('3/2')).toThrow(/between 1 and 2/);
    expect(() => parseShard('0/2')).toThrow(/between 1 and 2/);
    expect(() => parseShard('a/b')).toThrow(/expected i\/n/);
  });

  it('records a scorer failure as scorer_error, outside the denominator', async () => {
    const prepared = await prepareSuite(arithmeticSuite({ size: 2 }), { baseDir: '.' });
    prepared.suite.scorer = {
      name: 'broken',
      metric: { name: 'accuracy', kind: 'proportion' },
      score: () => {
        throw new Error('scorer blew up');
      },
    };
    const plan = planRun({ suites: [prepared], models: [{ id: 'test/m', model: scriptedModel(correct), concurrency: 1 }], seed: 0 });
    const directory = join(temporary(), 'run');
    await runPlan({ plan, directory, cacheDirectory: null, sleep: noWait });
    expect(journalOf(directory).map((record) => record.status)).toEqual(['scorer_error', 'scorer_error']);
  });
});
