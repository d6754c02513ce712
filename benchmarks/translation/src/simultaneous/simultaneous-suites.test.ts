import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError, type Sample, type Suite } from '@ladder/core';
import { describe, expect, it } from 'vitest';
import { suites } from '../index.js';
import { simulEnZh, simulZhEn } from './flores-simultaneous.js';
import { simulTedEnDe } from './simuleval-example.js';
import { targetSpans } from './text-units.js';
import { unitStarts } from './source-timeline.js';

const SHARED = fileURLToPath(new URL('../../../../../shared/datasets/', import.meta.url));
const TED = join(SHARED, 'simul/simuleval_t2t_timestamps');
const FLORES = join(SHARED, 'flores200');

async function oracleOutput(suite: Suite, sample: Sample, chanceAnswers: string[] = []): Promise<string> {
  const outcome = await suite.session!.run({
    sample,
    chanceAnswers,
    generate: async (request) => ({ text: request.reference?.().oracleAnswer ?? '', cached: false, totalMs: 1 }),
  });
  return outcome.output;
}

describe('simul-ted-en-de', () => {
  it('reads the 10 sentences of SimulEval’s example with one timestamp per word', async () => {
    const { samples, sha256 } = await simulTedEnDe.load({ baseDir: '.', dataPath: TED });
    expect(samples.map((sample) => sample.id)).toEqual(Array.from({ length: 10 }, (_, index) => `ted-${index + 1}`));
    for (const sample of samples) expect((sample.metadata.sourceTimes as number[]).length).toBe(unitStarts(String(sample.input), 'spaced').length);
    expect(samples[0]?.targets).toEqual(['Heute spreche ich zu Ihnen über Energie und Klima.']);
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is in the family export with its modes', () => {
    expect(suites.map((suite) => suite.id).slice(-3)).toEqual(['simul-ted-en-de', 'simul-zh-en', 'simul-en-zh']);
    expect(simulTedEnDe.modes?.defaults).toEqual(['wait-1', 'wait-3', 'wait-5', 'lag-2s', 'lag-4s', 'lag-8s', 'full']);
    expect(simulTedEnDe.session).toBeUndefined();
    const mode = simulTedEnDe.withMode!('lag-4s');
    expect(mode.id).toBe('simul-ted-en-de@lag-4s');
    expect(mode.scorer.metric).toMatchObject({ name: 'BLEU', kind: 'corpus', scale: 100, secondary: [{ name: 'chrF' }] });
    expect(() => simulTedEnDe.withMode!('wait-k')).toThrow(UsageError);
  });

  it('names the file and line of a broken --data folder', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'simul-ted-'));
    cpSync(TED, folder, { recursive: true });
    writeFileSync(join(folder, 'src_time.txt'), '781 805 813\n');
    await expect(simulTedEnDe.load({ baseDir: '.', dataPath: folder })).rejects.toThrow(`${join(folder, 'src_time.txt')}: 1 lines, but ${join(folder, 'src.txt')} has 10`);
    // Line 1 has 8 timestamps for its 9 words.
    writeFileSync(join(folder, 'src_time.txt'), ['1 2 3 4 5 6 7 8', ...Array.from({ length: 9 }, () => '5')].join('\n'));
    await expect(simulTedEnDe.load({ baseDir: '.', dataPath: folder })).rejects.toThrow(`${join(folder, 'src_time.txt')}:1: 8 timestamps for 9 source words`);
    const empty = mkdtempSync(join(tmpdir(), 'simul-ted-'));
    const error = await simulTedEnDe.load({ baseDir: '.', dataPath: empty }).catch((caught: unknown) => caught);
    expect(UsageError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe(`--data ${empty}: has no src.txt; simul-ted-en-de reads a folder holding src.txt, src_time.txt, tgt.txt`);
  });
});

describe('without --data', () => {
  it('downloads each file from GitHub at its pinned commit, checks its sha256, and reads it from the data directory after', async () => {
    // Serves ../shared as raw.githubusercontent.com would serve the pinned commits.
    const served: Record<string, string> = {
      '/facebookresearch/SimulEval/d3cd2ea65411ad387ad18dba639e989dc0213a40/examples/data/': TED,
      '/Helsinki-NLP/OPUS-MT-testsets/ac0f19c0be3cb4e0d9450fcb2d7a9847c4bdd180/datasets/facebook/flores/flores200_dataset/devtest/': FLORES,
    };
    const requests: string[] = [];
    const server = createServer((request, response) => {
      const path = request.url ?? '';
      requests.push(path);
      const prefix = Object.keys(served).find((candidate) => path.startsWith(candidate));
      const file = prefix === undefined ? '' : join(served[prefix] as string, path.slice(prefix.length));
      if (file === '' || !existsSync(file)) response.writeHead(404).end('404: Not Found');
      else response.writeHead(200).end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const saved = { ...process.env };
    try {
      process.env.LADDER_DATA_DIR = mkdtempSync(join(tmpdir(), 'ladder-data-'));
      process.env.LADDER_GITHUB_RAW_ENDPOINT = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      delete process.env.LADDER_OFFLINE;
      delete process.env.HF_HUB_OFFLINE;
      expect((await simulTedEnDe.load({ baseDir: '.' })).samples).toHaveLength(10);
      expect((await simulZhEn.load({ baseDir: '.' })).samples).toHaveLength(1012);
      expect((await simulEnZh.load({ baseDir: '.' })).samples).toHaveLength(1012);
      // Three SimulEval files, and the two FLORES files for each direction (the folders of flores-zh-en and flores-en-zh).
      expect(requests).toHaveLength(7);
      expect(existsSync(join(process.env.LADDER_DATA_DIR, 'flores-zh-en', 'zho_Hans.devtest'))).toBe(true);
      await simulZhEn.load({ baseDir: '.' });
      expect(requests).toHaveLength(7);
    } finally {
      process.env = saved;
      server.close();
    }
  });
});

describe('simul-zh-en and simul-en-zh', () => {
  const load = (suite: Suite) => suite.load({ baseDir: '.', dataPath: FLORES });

  it('read FLORES-200 devtest in both directions, 1,012 aligned pairs', async () => {
    const zhEn = await load(simulZhEn);
    const enZh = await load(simulEnZh);
    expect(zhEn.samples).toHaveLength(1012);
    expect(zhEn.samples[0]?.input).toBe(enZh.samples[0]?.targets[0]);
    expect(enZh.samples[0]?.input).toBe(zhEn.samples[0]?.targets[0]);
    expect(zhEn.samples[0]?.input).toMatch(/^他补充道/);
  });

  it("have the wait-k ratios of the data's lengths, and sentences of about equal duration at the stated speaking rates", async () => {
    const { samples } = await load(simulEnZh);
    let englishWords = 0;
    let chineseCharacters = 0;
    let chineseSpoken = 0;
    for (const sample of samples) {
      englishWords += unitStarts(String(sample.input), 'spaced').length;
      chineseCharacters += targetSpans(sample.targets[0] ?? '', 'char').length;
      chineseSpoken += unitStarts(sample.targets[0] ?? '', 'chinese').length;
    }
    expect(chineseCharacters / englishWords).toBeCloseTo(1.93, 2);
    expect(englishWords / chineseSpoken).toBeCloseTo(0.61, 2);
    // 150 words a minute and 4 characters a second: 8.7 s and 8.9 s per sentence.
    expect((englishWords * 0.4) / samples.length).toBeCloseTo(8.66, 1);
    expect((chineseSpoken * 0.25) / samples.length).toBeCloseTo(8.91, 1);
  });

  it('let the oracle translate word by word into Chinese characters, and back, at BLEU 100', async () => {
    for (const suite of [simulEnZh, simulZhEn]) {
      const { samples } = await load(suite);
      for (const policy of ['wait-1', 'wait-3', 'lag-2s']) {
        const mode = suite.withMode!(policy);
        for (const sample of samples.slice(0, 25)) {
          const output = await oracleOutput(mode, sample);
          expect((await mode.scorer.score({ sample, output })).value, `${mode.id} ${sample.id}`).toBeCloseTo(100, 9);
        }
      }
    }
  });

  it('give the random baseline same-length slices of other references', async () => {
    const { samples } = await load(simulEnZh);
    const mode = simulEnZh.withMode!('lag-4s');
    const references = samples.slice(0, 5).map((sample) => sample.targets[0] ?? '');
    const seen: string[][] = [];
    await mode.session!.run({
      sample: samples[0]!,
      chanceAnswers: references,
      generate: async (request) => {
        seen.push(request.reference?.().chanceAnswers ?? []);
        return { text: '', cached: false, totalMs: 1 };
      },
    });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toEqual(references);
    expect(seen[0]?.every((answer, index) => (references[index] ?? '').startsWith(answer))).toBe(true);
  });
});
