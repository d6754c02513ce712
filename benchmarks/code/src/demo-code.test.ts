import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError, type Sample } from '@ladder/core';
import { describe, expect, it } from 'vitest';
import { fenced } from './demo-code.js';
import { demoCode, suites } from './index.js';

const { samples } = await demoCode.load({ baseDir: process.cwd() });

// Tests that run node child processes get a longer limit than vitest's 5 s default.
const NODE_RUNS_MS = 60_000;

async function scoreValue(sample: Sample, output: string): Promise<number> {
  return (await demoCode.scorer.score({ sample, output })).value;
}

function writeTemporary(name: string, lines: object[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'demo-code-')), name);
  writeFileSync(path, lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
  return path;
}

describe('demo-code', () => {
  it('is the family export', () => {
    expect(suites[0]).toBe(demoCode);
    expect(demoCode.id).toBe('demo-code');
  });

  it('loads 25 items with unique ids and unique entry points', () => {
    expect(samples).toHaveLength(25);
    expect(new Set(samples.map((sample) => sample.id)).size).toBe(25);
    expect(new Set(samples.map((sample) => sample.metadata.entryPoint)).size).toBe(25);
    for (const sample of samples) {
      expect(String(sample.metadata.solution), sample.id).toMatch(new RegExp(`^function ${String(sample.metadata.entryPoint)}\\(`));
      expect(String(sample.input), sample.id).toContain(`${String(sample.metadata.entryPoint)}(`);
    }
  });

  it('passes every reference solution (the oracle answer)', async () => {
    const values = await Promise.all(samples.map((sample) => scoreValue(sample, demoCode.oracleAnswer?.(sample) ?? '')));
    expect(Object.fromEntries(samples.map((sample, index) => [sample.id, values[index]]))).toEqual(
      Object.fromEntries(samples.map((sample) => [sample.id, 1])),
    );
  }, NODE_RUNS_MS);

  it('fails a wrong solution for every item: the tests check something', async () => {
    // A function of the right name that returns its first argument unchanged.
    const wrong = (sample: Sample) => fenced(`function ${String(sample.metadata.entryPoint)}(value) {\n  return value;\n}`);
    const values = await Promise.all(samples.map((sample) => scoreValue(sample, wrong(sample))));
    expect(values.every((value) => value === 0)).toBe(true);
  }, NODE_RUNS_MS);

  it('has a chance score of exactly 1/25: another item\'s solution never passes', async () => {
    for (const sample of samples) expect(demoCode.chanceScore?.(sample, samples)).toBe(1 / 25);
    // Check the claim behind it on three items against all 25 chance answers.
    for (const sample of [samples[0], samples[12], samples[24]] as Sample[]) {
      const answers = demoCode.chanceAnswers?.(sample, samples) ?? [];
      expect(answers).toHaveLength(25);
      const values = await Promise.all(answers.map((answer) => scoreValue(sample, answer)));
      expect(values.reduce((total, value) => total + value, 0), sample.id).toBe(1);
      expect(values[samples.indexOf(sample)], sample.id).toBe(1);
    }
  }, NODE_RUNS_MS);

  it('asks for the whole function in a ```js block', () => {
    const sample = samples[0] as Sample;
    const content = demoCode.prompt(sample)[0]?.content ?? '';
    expect(content).toContain(String(sample.input));
    expect(content).toContain('```js');
    expect(content).toContain(`\`${String(sample.metadata.entryPoint)}\``);
  });

  it('names the file, line 3 and the field when --data lacks a field', async () => {
    const item = { entryPoint: 'double', prompt: 'Write double(x).', solution: 'function double(x) { return 2 * x; }', tests: 'assert.strictEqual(double(2), 4);' };
    const path = writeTemporary('broken.jsonl', [{ id: 'a', ...item }, { id: 'b', ...item }, { id: 'c', ...item, tests: undefined }]);
    const error = await demoCode.load({ baseDir: process.cwd(), dataPath: path }).catch((caught: unknown) => caught);
    expect(UsageError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain(`${path}:3: field "tests" is missing (`);
    expect((error as Error).message).not.toContain('\n');
  });

  it('rejects an entry point that is not an identifier', async () => {
    const path = writeTemporary('name.jsonl', [{ id: 'a', entryPoint: 'double it', prompt: 'p', solution: 's', tests: 't' }]);
    await expect(demoCode.load({ baseDir: process.cwd(), dataPath: path })).rejects.toThrow(`${path}:1: field "entryPoint" has an unexpected value "double it"`);
  });
});
