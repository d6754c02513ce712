import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError, type Sample, type Score } from '@ladder/core';
import { describe, expect, it } from 'vitest';
import { demoLanguage, suites } from './index.js';

const { samples } = await demoLanguage.load({ baseDir: process.cwd() });
const LETTERS = ['A', 'B', 'C', 'D'];

/** choiceMatch is synchronous; a promise here would be a change worth noticing. */
function score(sample: Sample, output: string): Score {
  const result = demoLanguage.scorer.score({ sample, output });
  if (result instanceof Promise) throw new Error('expected a synchronous scorer');
  return result;
}

function writeTemporary(name: string, lines: object[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'demo-language-')), name);
  writeFileSync(path, lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
  return path;
}

describe('demo-language', () => {
  it('is the family export', () => {
    expect(suites[0]).toBe(demoLanguage);
    expect(demoLanguage.id).toBe('demo-language');
  });

  it('loads 40 four-option items with unique ids, 10 in Chinese, answers balanced over A-D', () => {
    expect(samples).toHaveLength(40);
    expect(new Set(samples.map((sample) => sample.id)).size).toBe(40);
    for (const sample of samples) {
      expect(sample.choices, sample.id).toHaveLength(4);
      expect(new Set(sample.choices).size, `${sample.id} has distinct options`).toBe(4);
    }
    expect(samples.filter((sample) => /\p{Script=Han}/u.test(String(sample.input)))).toHaveLength(10);
    for (const letter of LETTERS) {
      expect(samples.filter((sample) => sample.targets[0] === letter), letter).toHaveLength(10);
    }
  });

  it('gives every oracle answer a score of 1 and every other letter 0', () => {
    for (const sample of samples) {
      const oracle = demoLanguage.oracleAnswer?.(sample) ?? '';
      expect(score(sample, oracle).value, sample.id).toBe(1);
      for (const letter of LETTERS.filter((letter) => letter !== sample.targets[0])) {
        expect(score(sample, `Answer: ${letter}`).value, `${sample.id} ${letter}`).toBe(0);
      }
    }
  });

  it('has a chance score of 1/4: the runner draws a letter, and exactly one of the four is right', () => {
    // No chanceAnswers/chanceScore of its own: the runner uses the option letters and 1/choices.
    expect(demoLanguage.chanceAnswers).toBeUndefined();
    expect(demoLanguage.chanceScore).toBeUndefined();
    let total = 0;
    for (const sample of samples) {
      total += LETTERS.reduce((sum, letter) => sum + score(sample, letter).value, 0) / LETTERS.length;
    }
    expect(total / samples.length).toBe(0.25);
  });

  it('lists the options as "A. ..." and asks for "Answer: X"', () => {
    const sample = samples[0] as Sample;
    const content = demoLanguage.prompt(sample)[0]?.content ?? '';
    for (const [index, choice] of (sample.choices ?? []).entries()) expect(content).toContain(`${LETTERS[index]}. ${choice}`);
    expect(content).toContain('"Answer: X"');
    expect(content).toContain(String(sample.input));
  });

  it('names the file, line 3 and the field when --data lacks a field', async () => {
    const item = { question: 'Pick the fruit.', choices: ['stone', 'apple', 'chair', 'cloud'], answer: 'B' };
    const path = writeTemporary('broken.jsonl', [
      { id: 'a', ...item },
      { id: 'b', ...item },
      { id: 'c', question: item.question, answer: 'B' },
    ]);
    const error = await demoLanguage.load({ baseDir: process.cwd(), dataPath: path }).catch((caught: unknown) => caught);
    expect(UsageError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain(`${path}:3: field "choices" is missing (`);
    expect((error as Error).message).not.toContain('\n');
  });

  it('rejects three options and an answer letter outside A-D', async () => {
    const three = writeTemporary('three.jsonl', [{ id: 'a', question: 'Q?', choices: ['x', 'y', 'z'], answer: 'A' }]);
    await expect(demoLanguage.load({ baseDir: process.cwd(), dataPath: three })).rejects.toThrow(`${three}:1: field "choices" must hold 4 entries, found 3`);
    const letter = writeTemporary('letter.jsonl', [{ id: 'a', question: 'Q?', choices: ['w', 'x', 'y', 'z'], answer: 'E' }]);
    await expect(demoLanguage.load({ baseDir: process.cwd(), dataPath: letter })).rejects.toThrow(`${letter}:1: field "answer" has an unexpected value "E"`);
  });
});
