import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError, type Sample, type Score } from '@ladder/core';
import { describe, expect, it } from 'vitest';
import { demoTranslation, suites } from './index.js';

const { samples } = await demoTranslation.load({ baseDir: process.cwd() });
const HAN = /\p{Script=Han}/u;

/** The chance score README.md states (mean over items, chrF 0..100, one decimal). */
const STATED_CHANCE = 16.5;

/** chrf is synchronous; a promise here would be a change worth noticing. */
function score(sample: Sample, output: string): Score {
  const result = demoTranslation.scorer.score({ sample, output });
  if (result instanceof Promise) throw new Error('expected a synchronous scorer');
  return result;
}

function writeTemporary(name: string, lines: object[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'demo-translation-')), name);
  writeFileSync(path, lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
  return path;
}

describe('demo-translation', () => {
  it('is the family export', () => {
    expect(suites[0]).toBe(demoTranslation);
    expect(demoTranslation.id).toBe('demo-translation');
  });

  it('loads 30 items with unique ids: 15 zh-en and 15 en-zh, each in the right script', () => {
    expect(samples).toHaveLength(30);
    expect(new Set(samples.map((sample) => sample.id)).size).toBe(30);
    const zhEn = samples.filter((sample) => sample.metadata.direction === 'zh-en');
    const enZh = samples.filter((sample) => sample.metadata.direction === 'en-zh');
    expect(zhEn).toHaveLength(15);
    expect(enZh).toHaveLength(15);
    for (const sample of zhEn) {
      expect(HAN.test(String(sample.input)), sample.id).toBe(true);
      expect(HAN.test(sample.targets[0] ?? ''), sample.id).toBe(false);
    }
    for (const sample of enZh) {
      expect(HAN.test(String(sample.input)), sample.id).toBe(false);
      expect(HAN.test(sample.targets[0] ?? ''), sample.id).toBe(true);
    }
  });

  it('gives every oracle answer a chrF of 100', () => {
    for (const sample of samples) expect(score(sample, demoTranslation.oracleAnswer?.(sample) ?? '').value, sample.id).toBe(100);
  });

  it('gives an answer in the wrong language a low score', () => {
    for (const sample of samples) expect(score(sample, String(sample.input)).value, sample.id).toBeLessThan(30);
  });

  it('draws chance answers from the references in the same target language', () => {
    for (const sample of samples) {
      const answers = demoTranslation.chanceAnswers?.(sample, samples) ?? [];
      expect(answers, sample.id).toHaveLength(15);
      expect(answers, sample.id).toContain(sample.targets[0]);
      const chineseTarget = sample.metadata.direction === 'en-zh';
      expect(answers.every((answer) => HAN.test(answer) === chineseTarget), sample.id).toBe(true);
    }
  });

  it('states the exact expected chrF of the chance baseline', () => {
    let total = 0;
    for (const sample of samples) {
      const answers = demoTranslation.chanceAnswers?.(sample, samples) ?? [];
      const expected = answers.reduce((sum, answer) => sum + score(sample, answer).value, 0) / answers.length;
      const stated = demoTranslation.chanceScore?.(sample, samples);
      expect(stated, sample.id).toBeCloseTo(expected, 10);
      total += stated ?? Number.NaN;
    }
    expect(Math.round((total / samples.length) * 10) / 10).toBe(STATED_CHANCE);
  });

  it('asks for the translation only, naming the target language', () => {
    const [zhEn, enZh] = [samples.find((sample) => sample.metadata.direction === 'zh-en'), samples.find((sample) => sample.metadata.direction === 'en-zh')];
    const toEnglish = demoTranslation.prompt(zhEn as Sample)[0]?.content ?? '';
    expect(toEnglish).toContain('into English');
    expect(toEnglish).toContain('translation only');
    expect(toEnglish).toContain(String(zhEn?.input));
    expect(demoTranslation.prompt(enZh as Sample)[0]?.content).toContain('into Simplified Chinese');
  });

  it('names the file, line 3 and the field when --data lacks a field', async () => {
    const item = { direction: 'en-zh', source: 'Good morning, everyone.', reference: '大家早上好。' };
    const path = writeTemporary('broken.jsonl', [{ id: 'a', ...item }, { id: 'b', ...item }, { id: 'c', direction: 'en-zh', source: item.source }]);
    const error = await demoTranslation.load({ baseDir: process.cwd(), dataPath: path }).catch((caught: unknown) => caught);
    expect(UsageError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain(`${path}:3: field "reference" is missing (`);
    expect((error as Error).message).not.toContain('\n');
  });

  it('rejects an unknown direction', async () => {
    const path = writeTemporary('direction.jsonl', [{ id: 'a', direction: 'en-fr', source: 'Hello.', reference: 'Bonjour.' }]);
    await expect(demoTranslation.load({ baseDir: process.cwd(), dataPath: path })).rejects.toThrow(`${path}:1: field "direction" has an unexpected value "en-fr"`);
  });
});
