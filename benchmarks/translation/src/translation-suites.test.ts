import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError, type Sample, type Score, type Suite } from '@ladder/core';
import { corpusValue, createRng } from '@ladder/scorers';
import { afterEach, describe, expect, it } from 'vitest';
import { FILES_SUITE_ID, filesTranslationSuite, STANDARD_SUITE_FILES, standardTranslationSuites, suites } from './index.js';

const SHARED = fileURLToPath(new URL('../../../../shared/datasets/', import.meta.url));
const FOLDERS: Record<string, string> = {
  'flores-zh-en': join(SHARED, 'flores200'),
  'flores-en-zh': join(SHARED, 'flores200'),
  'wmt23-zh-en': join(SHARED, 'wmt23'),
  'wmt23-en-zh': join(SHARED, 'wmt23'),
};
const SIZES: Record<string, number> = { 'flores-zh-en': 1012, 'flores-en-zh': 1012, 'wmt23-zh-en': 1976, 'wmt23-en-zh': 2074 };
const HAN = /\p{Script=Han}/u;

function scoreOf(suite: Suite, sample: Sample, output: string): Score {
  const result = suite.scorer.score({ sample, output });
  if (result instanceof Promise) throw new Error('expected a synchronous scorer');
  return result;
}

/** Corpus BLEU and chrF of the answers, as the report computes them from the samples' statistics. */
function corpusScores(suite: Suite, samples: Sample[], answers: string[]): { bleu: number; chrf: number } {
  const scores = samples.map((sample, index) => scoreOf(suite, sample, answers[index] as string));
  return {
    bleu: corpusValue('BLEU', scores.map((score) => score.statistics as number[])),
    chrf: corpusValue('chrF', scores.map((score) => score.metrics?.chrF as number[])),
  };
}

describe('the standard translation suites', () => {
  it('are in the family export, with the generic suite', () => {
    expect(suites.map((suite) => suite.id).slice(0, 6)).toEqual(['demo-translation', 'flores-zh-en', 'flores-en-zh', 'wmt23-zh-en', 'wmt23-en-zh', FILES_SUITE_ID]);
  });

  it.each(standardTranslationSuites.map((suite) => [suite.id, suite] as const))('%s: loads, oracle BLEU and chrF 100, random at chance, tokenizer by target', async (id, suite) => {
    const { samples } = await suite.load({ baseDir: '.', dataPath: FOLDERS[id] as string });
    expect(samples).toHaveLength(SIZES[id] as number);
    expect(new Set(samples.map((sample) => sample.id)).size).toBe(samples.length);
    const toChinese = id.endsWith('-zh');
    expect(HAN.test(samples[0]?.targets[0] ?? '')).toBe(toChinese);
    expect(HAN.test(String(samples[0]?.input))).toBe(!toChinese);
    expect(suite.scorer.metric.signature).toBe(`nrefs:1|case:mixed|eff:no|tok:${toChinese ? 'zh' : '13a'}|smooth:exp|version:2.6.0-ladder`);
    expect(suite.scorer.metric.secondary?.map((metric) => metric.name)).toEqual(['chrF']);

    const oracle = corpusScores(suite, samples, samples.map((sample) => suite.oracleAnswer?.(sample) ?? ''));
    expect(oracle.bleu).toBeCloseTo(100, 9);
    expect(oracle.chrf).toBeCloseTo(100, 9);

    // builtin/random answers with a uniformly drawn segment's reference.
    const chance = suite.chanceScore?.(samples[0] as Sample, samples) as number;
    expect(chance).toBeGreaterThan(0);
    expect(chance).toBeLessThan(3);
    const answers = [...new Set(samples.map((sample) => sample.targets[0] ?? ''))];
    const random = createRng(`random/${id}`);
    const drawn = corpusScores(suite, samples, samples.map(() => answers[Math.floor(random() * answers.length)] as string));
    expect(Math.abs(drawn.bleu - chance)).toBeLessThan(1);
    expect(drawn.chrf).toBeLessThan(25);
  });

  it('prompts zero-shot in the pair\'s languages', async () => {
    const [zhEn, enZh] = standardTranslationSuites;
    const { samples } = await (zhEn as Suite).load({ baseDir: '.', dataPath: FOLDERS['flores-zh-en'] as string });
    const sample = samples[0] as Sample;
    expect((zhEn as Suite).prompt(sample)).toEqual([
      {
        role: 'user',
        content: `Translate the following Chinese text into English. Reply with the English translation only: no explanations, notes, labels or quotation marks.\n\n${String(sample.input)}`,
      },
    ]);
    expect((enZh as Suite).prompt(sample)[0]?.content).toMatch(/^Translate the following English text into Simplified Chinese\. Reply with the Simplified Chinese translation only/);
  });

  it('--data must be a folder holding the files', async () => {
    const [suite] = standardTranslationSuites;
    await expect((suite as Suite).load({ baseDir: '.', dataPath: join(SHARED, 'wmt23') })).rejects.toThrow(/--data .*wmt23: has no zho_Hans\.devtest; flores-zh-en reads a folder holding zho_Hans\.devtest, eng_Latn\.devtest/);
    await expect((suite as Suite).load({ baseDir: '.', dataPath: join(SHARED, 'flores200', 'README') })).rejects.toThrow(/is a file/);
  });
});

describe('the generic translation suite (--source, --reference, --pair)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'ladder-translation-'));
  const source = join(folder, 'source.de');
  const first = join(folder, 'reference-1.en');
  const second = join(folder, 'reference-2.en');
  writeFileSync(source, 'Der Hund biss den Mann.\nEs war nicht überraschend.\n');
  writeFileSync(first, 'The dog bit the man.\nIt was not unexpected.\n');
  writeFileSync(second, 'The dog had bit the man.\nNo one was surprised.\n');

  it('reads line-aligned files, several references, and scores with the target language tokenizer', async () => {
    const suite = filesTranslationSuite({ source, references: [first, second], pair: 'de-en' });
    const { samples } = await suite.load({ baseDir: '.' });
    expect(samples.map((sample) => sample.targets)).toEqual([
      ['The dog bit the man.', 'The dog had bit the man.'],
      ['It was not unexpected.', 'No one was surprised.'],
    ]);
    expect(suite.prompt(samples[0] as Sample)[0]?.content).toMatch(/^Translate the following German text into English\./);
    expect(suite.scorer.metric.signature).toBe('nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0-ladder');
    expect(filesTranslationSuite({ source, references: [first], pair: 'de-zh' }).scorer.metric.signature).toMatch(/\|tok:zh\|/);
    expect(filesTranslationSuite({ source, references: [first], pair: 'de-ja' }).scorer.metric.signature).toMatch(/\|tok:char\|/);
  });

  it('one-line errors: unknown pair, missing file, misaligned reference, the placeholder without files', async () => {
    expect(() => filesTranslationSuite({ source, references: [first], pair: 'zh' })).toThrow(/--pair zh: expected <source>-<target> of two different language codes/);
    expect(() => filesTranslationSuite({ source, references: [join(folder, 'nope.en')], pair: 'de-en' })).toThrow(/--reference .*nope\.en: no such file/);
    const short = join(folder, 'short.en');
    writeFileSync(short, 'One line.\n');
    await expect(filesTranslationSuite({ source, references: [short], pair: 'de-en' }).load({ baseDir: '.' })).rejects.toThrow(
      /short\.en has 1 lines but the source .*source\.de has 2; the files must be aligned line by line/,
    );
    const placeholder = suites.find((suite) => suite.id === FILES_SUITE_ID) as Suite;
    await expect(placeholder.load({ baseDir: '.' })).rejects.toThrow(UsageError);
  });
});

/** Serves ../shared/datasets as raw.githubusercontent.com serves the pinned commits. */
async function fakeGithub(options: { tamper?: string } = {}): Promise<{ url: string; requests: string[]; server: Server }> {
  const requests: string[] = [];
  const byPath = new Map<string, string>();
  for (const [id, files] of Object.entries(STANDARD_SUITE_FILES)) {
    for (const file of files) byPath.set(`/${file.repo}/${file.commit}/${file.path}`, join(FOLDERS[id] as string, file.name));
  }
  const server = createServer((request, response) => {
    const path = request.url ?? '';
    requests.push(path);
    const file = byPath.get(path);
    if (file === undefined || !existsSync(file)) {
      response.writeHead(404).end('404: Not Found');
      return;
    }
    const body = readFileSync(file);
    response.writeHead(200).end(options.tamper !== undefined && path.endsWith(options.tamper) ? Buffer.concat([body, Buffer.from('x')]) : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, server };
}

describe('without a local copy', () => {
  const saved = { ...process.env };
  let server: Server | undefined;
  afterEach(() => {
    server?.close();
    process.env = { ...saved };
  });
  const useServer = (github: { url: string; server: Server }) => {
    server = github.server;
    process.env.LADDER_DATA_DIR = mkdtempSync(join(tmpdir(), 'ladder-data-'));
    process.env.LADDER_GITHUB_RAW_ENDPOINT = github.url;
    delete process.env.LADDER_OFFLINE;
    delete process.env.HF_HUB_OFFLINE;
  };
  const wmt23ZhEn = standardTranslationSuites.find((suite) => suite.id === 'wmt23-zh-en') as Suite;

  it('downloads the pinned files into $LADDER_DATA_DIR/<suite>/, checks them, and reads them from there after', async () => {
    const github = await fakeGithub();
    useServer(github);
    const first = await wmt23ZhEn.load({ baseDir: '.' });
    expect(first.samples).toHaveLength(1976);
    expect(github.requests).toHaveLength(2);
    expect(existsSync(join(process.env.LADDER_DATA_DIR as string, 'wmt23-zh-en', 'generaltest2023.zh-en.ref.refA.en'))).toBe(true);
    const second = await wmt23ZhEn.load({ baseDir: '.' });
    expect(second.sha256).toBe(first.sha256);
    expect(github.requests).toHaveLength(2);
  });

  it('refuses a file whose sha256 differs, and says where to put the files when offline', async () => {
    const github = await fakeGithub({ tamper: 'refA.en' });
    useServer(github);
    const tampered = await wmt23ZhEn.load({ baseDir: '.' }).then(() => undefined, (reason: unknown) => reason as Error);
    expect(tampered?.message).toMatch(/generaltest2023\.zh-en\.ref\.refA\.en has sha256 [0-9a-f]{64}, expected 5dd09a10/);
    expect(existsSync(join(process.env.LADDER_DATA_DIR as string, 'wmt23-zh-en', 'generaltest2023.zh-en.ref.refA.en'))).toBe(false);
    process.env.LADDER_OFFLINE = '1';
    const offline = await wmt23ZhEn.load({ baseDir: '.' }).then(() => undefined, (reason: unknown) => reason as Error);
    expect(offline?.message).toMatch(/wmt23-zh-en: could not download .* \(offline: .*\); with no network, put generaltest2023\.zh-en\.src\.zh, generaltest2023\.zh-en\.ref\.refA\.en in .*wmt23-zh-en or pass --data <folder holding them>/);
    expect(offline?.message.split('\n')).toHaveLength(1);
  });
});
