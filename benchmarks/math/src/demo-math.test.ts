import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError, type Sample, type Score } from '@ladder/core';
import { describe, expect, it } from 'vitest';
import { demoMath, suites } from './index.js';

const { samples } = await demoMath.load({ baseDir: process.cwd() });
const oracle = (sample: Sample) => demoMath.oracleAnswer?.(sample) ?? '';

/** numericMatch is synchronous; a promise here would be a change worth noticing. */
function score(sample: Sample, output: string): Score {
  const result = demoMath.scorer.score({ sample, output });
  if (result instanceof Promise) throw new Error('expected a synchronous scorer');
  return result;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function writeTemporary(name: string, lines: object[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'demo-math-')), name);
  writeFileSync(path, lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
  return path;
}

describe('demo-math', () => {
  it('is the family export', () => {
    expect(suites[0]).toBe(demoMath);
    expect(demoMath.id).toBe('demo-math');
  });

  it('loads 40 items with unique ids, 8 of them in Chinese', () => {
    expect(samples).toHaveLength(40);
    expect(new Set(samples.map((sample) => sample.id)).size).toBe(40);
    const chinese = samples.filter((sample) => /\p{Script=Han}/u.test(String(sample.input)));
    expect(chinese).toHaveLength(8);
  });

  it('gives every oracle answer a score of 1', () => {
    for (const sample of samples) {
      const result = score(sample, oracle(sample));
      expect(result.value, sample.id).toBe(1);
      expect(result.unanswered, sample.id).not.toBe(true);
    }
  });

  it('gives a wrong number 0', () => {
    for (const sample of samples) {
      const wrong = Number(sample.targets[0]) + 1;
      expect(score(sample, `The answer is ${wrong}.`).value, sample.id).toBe(0);
    }
  });

  it('has a chance score of exactly 1/40: each oracle answer is right for its own item only', () => {
    // The runner's random baseline answers with a uniformly drawn distinct oracle answer.
    const answers = [...new Set(samples.map(oracle))];
    expect(answers).toHaveLength(40);
    for (const sample of samples) {
      const right = answers.filter((answer) => score(sample, answer).value === 1);
      expect(right, sample.id).toEqual([oracle(sample)]);
    }
  });

  it('cannot be answered by echoing the prompt (the last number of a question is never its answer)', () => {
    for (const sample of samples) expect(score(sample, demoMath.prompt(sample)[0]?.content ?? '').value, sample.id).toBe(0);
  });

  it('asks for the exact final-line format and includes the problem', () => {
    const sample = samples[0] as Sample;
    const [message] = demoMath.prompt(sample);
    expect(message?.role).toBe('user');
    expect(message?.content).toContain('The answer is N.');
    expect(message?.content).toContain(String(sample.input));
  });

  it('names the file, line 3 and the field when --data lacks a field', async () => {
    const path = writeTemporary('broken.jsonl', [
      { id: 'a', question: 'What is 1 + 1?', answer: '2' },
      { id: 'b', question: 'What is 2 + 2?', answer: '4' },
      { id: 'c', answer: '6' },
    ]);
    const error = await demoMath.load({ baseDir: process.cwd(), dataPath: path }).catch((caught: unknown) => caught);
    expect(UsageError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(new RegExp(`^${escapeRegExp(path)}:3: field "question" is missing \\(`));
    expect((error as Error).message).not.toContain('\n');
  });

  it('rejects an answer that is not a number written as a string', async () => {
    const path = writeTemporary('typed.jsonl', [{ id: 'a', question: 'What is 1 + 1?', answer: 2 }]);
    await expect(demoMath.load({ baseDir: process.cwd(), dataPath: path })).rejects.toThrow(`${path}:1: field "answer" must be a string, found a number`);
    const words = writeTemporary('words.jsonl', [{ id: 'a', question: 'What is 1 + 1?', answer: 'two' }]);
    await expect(demoMath.load({ baseDir: process.cwd(), dataPath: words })).rejects.toThrow(`${words}:1: field "answer" has an unexpected value "two"`);
  });
});
