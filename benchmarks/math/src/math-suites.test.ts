import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError, type LoadedDataset, type Sample, type Suite } from '@ladder/core';
import { fileSha256, githubRawUrl, loadRows } from '@ladder/datasets';
import { builtinScorers } from '@ladder/scorers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mathDatasets } from './math-datasets.js';
import { MATH_INSTRUCTION, loadMathDataset, type MathDataset } from './math-suite.js';
import { demoMath, gsm8k, suites } from './index.js';

/** The shared copies of the real files (see MANIFEST.md there), resolved from this test file. */
const SHARED = fileURLToPath(new URL('../../../../shared/datasets/', import.meta.url));
const MANIFEST = readFileSync(join(SHARED, 'MANIFEST.md'), 'utf8');

const LOCAL: Record<string, string> = {
  gsm8k: 'gsm8k/test.jsonl',
  math500: 'math500/test.jsonl',
  aime24: 'qwen25-math-eval/aime24/test.jsonl',
  aime25: 'aime25/test.jsonl',
  gaokao2023en: 'qwen25-math-eval/gaokao2023en/test.jsonl',
  gaokao2024: 'qwen25-math-eval/gaokao2024_mix/test.jsonl',
  cmath: 'qwen25-math-eval/cmath/test.jsonl',
  'cn-middle-school': 'qwen25-math-eval/cn_middle_school/test.jsonl',
  olympiadbench: 'qwen25-math-eval/olympiadbench/test.jsonl',
  'college-math': 'qwen25-math-eval/college_math/test.jsonl',
};

/** The first ids of each file, pinned so that a change in id rules shows up here. */
const FIRST_IDS: Record<string, string[]> = {
  gsm8k: ['0', '1', '2'],
  math500: ['test/precalculus/807.json', 'test/intermediate_algebra/1994.json', 'test/algebra/2584.json'],
  aime24: ['60', '61', '62'],
  aime25: ['0', '1', '2'],
  gaokao2023en: ['0', '1', '2'],
  gaokao2024: ['0', '1', '2'],
  cmath: ['0', '1', '2'],
  'cn-middle-school': ['0', '1', '2'],
  olympiadbench: ['1606', '1610', '1612'],
  'college-math': ['0', '1', '2'],
};

const hasMathScorer = 'math' in builtinScorers;

/** The rows and sha256 columns of MANIFEST.md for one path. */
function manifestRow(path: string): { rows: number; sha256: string } {
  const line = MANIFEST.split('\n').find((entry) => entry.startsWith(`| \`${path}\` |`));
  if (line === undefined) throw new Error(`${path} is not in MANIFEST.md`);
  const cells = line.split('|').map((cell) => cell.trim());
  return { rows: Number(cells[4]?.replaceAll(',', '')), sha256: (cells[6] ?? '').replaceAll('`', '') };
}

function suiteOf(dataset: MathDataset): Suite {
  const suite = suites.find((entry) => entry.id === dataset.id);
  if (suite === undefined) throw new Error(`no suite ${dataset.id}`);
  return suite;
}

/** The suite's own load when its scorer exists; the same loader without the scorer check otherwise. */
async function load(dataset: MathDataset, dataPath: string): Promise<LoadedDataset> {
  if (hasMathScorer) return suiteOf(dataset).load({ baseDir: process.cwd(), dataPath });
  return loadMathDataset(dataset, { baseDir: process.cwd(), dataPath });
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the math family', () => {
  it('lists demo-math first, then the ten real suites, with unique ids', () => {
    expect(suites[0]).toBe(demoMath);
    expect(suites.map((suite) => suite.id)).toEqual(['demo-math', ...mathDatasets.map((dataset) => dataset.id)]);
  });
});

describe.each(mathDatasets)('$id', (dataset) => {
  const localPath = join(SHARED, LOCAL[dataset.id] ?? '');
  const suite = suiteOf(dataset);

  it('has its local copy, byte-identical to the pinned source named in MANIFEST.md', async () => {
    expect(existsSync(localPath)).toBe(true);
    const manifest = manifestRow(LOCAL[dataset.id] ?? '');
    expect(await fileSha256(localPath)).toBe(dataset.source.sha256);
    expect(manifest.sha256).toBe(dataset.source.sha256);
    expect(manifest.rows).toBe(dataset.rows);
    expect(MANIFEST).toContain(`${dataset.source.repo}@${dataset.source.commit}:${dataset.source.path}`);
  });

  it('loads every row through --data, with unique, stable ids and the reference in the oracle answer', async () => {
    expect((await loadRows(localPath)).rows).toHaveLength(dataset.rows);
    const loaded = await load(dataset, localPath);
    expect(loaded.samples).toHaveLength(dataset.items);
    expect(loaded.sha256).toBe(dataset.source.sha256);
    expect(loaded.source).toBe(localPath);
    const ids = loaded.samples.map((sample) => sample.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(0, 3)).toEqual(FIRST_IDS[dataset.id]);
    expect((await load(dataset, localPath)).samples.map((sample) => sample.id)).toEqual(ids);
    for (const sample of loaded.samples) {
      const [target] = sample.targets;
      expect(target, sample.id).toBeTruthy();
      expect(target, sample.id).toBe(target?.trim());
      const oracle = suite.oracleAnswer?.(sample) ?? '';
      expect(oracle, sample.id).toContain(target);
      // The oracle must score 1: the reference, written as a model would, matches itself.
      expect((await suite.scorer.score({ sample, output: oracle })).value, `${sample.id}: ${oracle}`).toBe(1);
    }
  });

  it('asks zero-shot for step-by-step reasoning and a boxed answer', async () => {
    const [sample] = (await load(dataset, localPath)).samples;
    const messages = suite.prompt(sample as Sample);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.role).toBe('user');
    expect(messages[0]?.content).toBe(`${String(sample?.input)}\n${MATH_INSTRUCTION}`);
    expect(suite.version).toBe('1');
    expect(suite.capabilities).toEqual(['math', 'reasoning']);
    expect(suite.generation).toEqual({ temperature: 0, maxOutputTokens: 4096 });
    expect(suite.repeats).toBe(1);
  });

  it('without --data or a local copy, and offline, fails in one line naming the place, the pinned URL and --data', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ladder-math-'));
    vi.stubEnv('LADDER_DATA_DIR', dataDir);
    vi.stubEnv('LADDER_OFFLINE', '1');
    const error = await loadMathDataset(dataset, { baseDir: process.cwd() }).catch((caught: unknown) => caught);
    expect(UsageError.isInstance(error)).toBe(true);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    expect(message).toBe(
      `${dataset.id}: could not download ${githubRawUrl(dataset.source)} (offline: HF_HUB_OFFLINE or LADDER_OFFLINE is set); ` +
        `with no network, put the file at ${join(dataDir, dataset.id, dataset.file)} or pass --data <file>`,
    );
  });

  it('reads <LADDER_DATA_DIR>/<suite>/<file> when present, without a download', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ladder-math-'));
    mkdirSync(join(dataDir, dataset.id));
    copyFileSync(localPath, join(dataDir, dataset.id, dataset.file));
    vi.stubEnv('LADDER_DATA_DIR', dataDir);
    vi.stubEnv('LADDER_OFFLINE', '1');
    const loaded = await loadMathDataset(dataset, { baseDir: process.cwd() });
    expect(loaded.source).toBe(join(dataDir, dataset.id, dataset.file));
    expect(loaded.samples).toHaveLength(dataset.items);
  });

  if (!hasMathScorer) {
    it('refuses to start, in one line, while @ladder/scorers has no "math" scorer', async () => {
      await expect(suite.load({ baseDir: process.cwd(), dataPath: localPath })).rejects.toThrow(
        new UsageError(`${dataset.id}: needs the "math" scorer (mathAnswer in @ladder/scorers), which this build does not have yet; demo-math works without it`),
      );
    });
  }
});

describe.runIf(hasMathScorer)('gsm8k answers', () => {
  it('takes the number after ####, without thousands separators', async () => {
    const { samples } = await gsm8k.load({ baseDir: process.cwd(), dataPath: join(SHARED, LOCAL.gsm8k ?? '') });
    expect(samples[0]?.targets).toEqual(['18']);
    expect(samples.find((sample) => sample.id === '3')?.targets).toEqual(['540']);
    for (const sample of samples) expect(sample.targets[0], sample.id).toMatch(/^-?\d+(\.\d+)?$/);
  });

  it('scores every oracle answer 1 and a clearly wrong number 0 (Qwen grading: within 1e-4 relative, or x100 / /100, counts as equal)', async () => {
    const { samples } = await gsm8k.load({ baseDir: process.cwd(), dataPath: join(SHARED, LOCAL.gsm8k ?? '') });
    for (const sample of samples) {
      expect((await gsm8k.scorer.score({ sample, output: gsm8k.oracleAnswer?.(sample) ?? '' })).value, sample.id).toBe(1);
      const wrong = `The final answer is \\boxed{${2 * Number(sample.targets[0]) + 1}}.`;
      expect((await gsm8k.scorer.score({ sample, output: wrong })).value, sample.id).toBe(0);
    }
  });
});

describe('answer fields', () => {
  async function samplesOf(id: string): Promise<Sample[]> {
    const dataset = mathDatasets.find((entry) => entry.id === id) as MathDataset;
    return (await load(dataset, join(SHARED, LOCAL[id] ?? ''))).samples;
  }

  it('strips the $ around GaoKao 2023 and College Math answers, and leaves out the 2 GaoKao rows without one', async () => {
    const gaokao = await samplesOf('gaokao2023en');
    expect(gaokao[0]?.targets).toEqual(['\\{x|-2\\leq x < 1\\}']);
    expect(gaokao.some((sample) => sample.id === '167' || sample.id === '192')).toBe(false);
    expect((await samplesOf('college-math'))[0]?.targets).toEqual(['10-4 n']);
  });

  it('uses the choice letter when the Chinese exam sets have one, else the answer', async () => {
    const gaokao = await samplesOf('gaokao2024');
    expect(gaokao[0]?.targets).toEqual(['C']);
    expect(gaokao.filter((sample) => /^[A-D]+$/.test(sample.targets[0] ?? ''))).toHaveLength(55);
    const middle = await samplesOf('cn-middle-school');
    expect(middle[0]?.targets).toEqual(['A']);
    expect(middle.at(-1)?.targets).toEqual(['7x+7=9(x-1),8']);
  });

  it('reads AIME 2025 integer answers and OlympiadBench final_answer[0] without $', async () => {
    expect((await samplesOf('aime25'))[0]?.targets).toEqual(['70']);
    const olympiad = await samplesOf('olympiadbench');
    expect(olympiad[0]?.targets).toEqual(['2']);
    for (const sample of olympiad) expect(sample.targets[0], sample.id).not.toMatch(/^\$|\$$/);
  });
});
