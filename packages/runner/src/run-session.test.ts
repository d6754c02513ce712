import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APICallError, type SampleRecord, type Suite } from '@ladder/core';
import { describe, expect, it } from 'vitest';
import { readJournal } from './journal.js';
import { planRun } from './plan.js';
import { prepareSuite } from './prepare-suite.js';
import { runPlan } from './run.js';
import { scriptedModel, serviceUnavailable, type Behaviour } from './test-fixtures.js';

const noWait = async () => {};

/**
 * A session suite: each sample's words arrive one at a time; the model is called on each with the
 * words so far and answers the last one in capitals; the output is the replies joined.
 */
function wordSessionSuite(texts: string[]): Suite {
  const samples = texts.map((text, index) => ({ id: `s${index}`, input: text, targets: [text.toUpperCase()], metadata: {} }));
  return {
    id: 'words',
    version: '1',
    capabilities: ['language'],
    generation: {},
    repeats: 1,
    async load() {
      return { samples, sha256: 'e'.repeat(64), source: 'memory' };
    },
    prompt: (sample) => [{ role: 'user', content: String(sample.input) }],
    scorer: {
      name: 'exact',
      metric: { name: 'accuracy', kind: 'proportion' },
      score: ({ sample, output }) => ({ value: output === sample.targets[0] ? 1 : 0, answer: output }),
    },
    session: {
      maxCalls: (sample) => String(sample.input).split(' ').length,
      async run({ sample, generate }) {
        const words = String(sample.input).split(' ');
        const replies: string[] = [];
        for (let index = 0; index < words.length; index += 1) {
          const reply = await generate({
            prompt: [{ role: 'user', content: words.slice(0, index + 1).join(' ') }],
            reference: () => ({ oracleAnswer: (words[index] ?? '').toUpperCase(), chanceAnswers: [] }),
          });
          replies.push(reply.text);
        }
        return { output: replies.join(' ') };
      },
    },
  };
}

const capitaliseLast: Behaviour = (options) => (options.prompt.at(-1)?.content.split(' ').at(-1) ?? '').toUpperCase();

async function run(options: { texts: string[]; behaviour: Behaviour; cacheDirectory?: string | null; wantsReference?: boolean }) {
  const prepared = await prepareSuite(wordSessionSuite(options.texts), { baseDir: '.' });
  const model = Object.assign(scriptedModel(options.behaviour), options.wantsReference === true ? { wantsReference: true } : {});
  const plan = planRun({ suites: [prepared], models: [{ id: 'test/scripted', model, concurrency: 2 }], seed: 0 });
  const directory = join(mkdtempSync(join(tmpdir(), 'ladder-session-')), 'run');
  const result = await runPlan({ plan, directory, cacheDirectory: options.cacheDirectory ?? null, sleep: noWait });
  const records = readJournal(join(directory, 'samples.jsonl')).records.sort((a, b) => a.sampleId.localeCompare(b.sampleId));
  return { model, records, result };
}

describe('session suites', () => {
  it('journals a session as one sample: every call asked, timed and listed, the output scored once', async () => {
    const prompts: string[] = [];
    const { records, result } = await run({
      texts: ['one two three', 'four five'],
      behaviour: (options, call) => {
        prompts.push(options.prompt.at(-1)?.content ?? '');
        return capitaliseLast(options, call);
      },
    });
    expect(records.map((record) => [record.sampleId, record.status, record.score, record.output])).toEqual([
      ['s0', 'ok', 1, 'ONE TWO THREE'],
      ['s1', 'ok', 1, 'FOUR FIVE'],
    ]);
    expect(prompts.sort()).toEqual(['four', 'four five', 'one', 'one two', 'one two three'].sort());
    const first = records[0] as SampleRecord;
    expect(first.calls).toHaveLength(3);
    expect(first.calls?.every((call) => call.cached === false && call.attempts === 1 && (call.totalMs ?? -1) >= 0)).toBe(true);
    expect(first.timing?.totalMs).toBeCloseTo(first.calls?.reduce((total, call) => total + (call.totalMs ?? 0), 0) ?? -1, 2);
    expect(first.attempts).toBe(3);
    expect(first.usage).toEqual({ inputTokens: 9, outputTokens: 6 });
    expect(result.summary.modelCalls).toBe(5);
  });

  it('serves a repeated run from the cache call by call, without timing, and never shares calls between samples', async () => {
    const cacheDirectory = mkdtempSync(join(tmpdir(), 'ladder-session-cache-'));
    // Both samples start with "same": their first calls have the same prompt.
    const first = await run({ texts: ['same a', 'same b'], behaviour: capitaliseLast, cacheDirectory });
    expect(first.model.calls).toBe(4);
    expect(first.records.every((record) => record.calls?.every((call) => !call.cached))).toBe(true);
    const second = await run({ texts: ['same a', 'same b'], behaviour: capitaliseLast, cacheDirectory });
    expect(second.model.calls).toBe(0);
    expect(second.records.map((record) => [record.cached, record.timing, record.output])).toEqual([
      [true, null, 'SAME A'],
      [true, null, 'SAME B'],
    ]);
    expect(second.records[0]?.calls).toEqual([
      { cached: true, totalMs: null, firstTokenMs: null, attempts: 0 },
      { cached: true, totalMs: null, firstTokenMs: null, attempts: 0 },
    ]);
  });

  it('retries a failed call inside the session, and ends the sample as a model error when a call keeps failing', async () => {
    let busyOnce = true;
    const { records } = await run({
      texts: ['a b c', 'd e f'],
      behaviour: (options, call) => {
        const prompt = options.prompt.at(-1)?.content ?? '';
        if (prompt === 'a b' && busyOnce) {
          busyOnce = false;
          return serviceUnavailable(5);
        }
        if (prompt === 'd e') return new APICallError({ message: 'invalid request', statusCode: 400, isRetryable: false });
        return capitaliseLast(options, call);
      },
    });
    expect(records[0]).toMatchObject({ status: 'ok', score: 1, attempts: 4 });
    expect(records[0]?.retries).toHaveLength(1);
    expect(records[0]?.calls?.map((call) => call.attempts)).toEqual([1, 2, 1]);
    expect(records[1]).toMatchObject({ status: 'model_error', score: null, output: null });
    expect(records[1]?.error).toMatch(/^call 2 of the session: .*invalid request/);
    expect(records[1]?.calls).toHaveLength(1);
  });

  it("gives a baseline that asks for references each call's own reference, and a real model none", async () => {
    const seen: unknown[] = [];
    const oracle = await run({
      texts: ['x y'],
      wantsReference: true,
      behaviour: (options) => {
        seen.push(options.reference);
        return options.reference?.oracleAnswer ?? '';
      },
    });
    expect(oracle.records[0]).toMatchObject({ status: 'ok', score: 1, output: 'X Y' });
    expect(seen).toEqual([
      { oracleAnswer: 'X', chanceAnswers: [] },
      { oracleAnswer: 'Y', chanceAnswers: [] },
    ]);
    seen.length = 0;
    await run({ texts: ['x y'], behaviour: (options, call) => (seen.push(options.reference), capitaliseLast(options, call)) });
    expect(seen).toEqual([undefined, undefined]);
  });
});
