import { mkdirSync, mkdtempSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError, type Sample } from '@ladder/core';
import { afterEach, describe, expect, it } from 'vitest';
import { humaneval } from './index.js';

const DATA = fileURLToPath(new URL('../../../../shared/datasets/humaneval/HumanEval.jsonl.gz', import.meta.url));
const { samples, sha256 } = await humaneval.load({ baseDir: process.cwd(), dataPath: DATA });

async function passed(outputs: (sample: Sample) => string): Promise<Record<string, number>> {
  const scores = await Promise.all(samples.map((sample) => humaneval.scorer.score({ sample, output: outputs(sample) })));
  return Object.fromEntries(samples.map((sample, index) => [sample.id, scores[index]?.value ?? -1]));
}

describe('humaneval', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('loads the 164 problems of the pinned file', () => {
    expect(samples).toHaveLength(164);
    expect(sha256).toBe('b796127e635a67f93fb35c04f4cb03cf06f38c8072ee7cee8833d7bee06979ef');
    expect(samples[0]).toMatchObject({ id: 'HumanEval/0', metadata: { entryPoint: 'has_close_elements' } });
    expect(String(samples[0]?.metadata.tests)).toMatch(/\n\ncheck\(has_close_elements\)$/);
  });

  it('passes every canonical solution, answered as a model would (a whole function in a ```python block)', async () => {
    const scores = await passed((sample) => humaneval.oracleAnswer?.(sample) ?? '');
    expect(Object.entries(scores).filter(([, value]) => value !== 1)).toEqual([]);
  });

  it('fails every bare prompt with `pass` as its body, so every problem\'s tests check something', async () => {
    const scores = await passed((sample) => `${String(sample.metadata.prompt)}    pass\n`);
    expect(Object.entries(scores).filter(([, value]) => value !== 0)).toEqual([]);
  });

  it('passes a canonical body given alone, as a completion of the prompt', async () => {
    const sample = samples[2] as Sample;
    expect(await humaneval.scorer.score({ sample, output: String(sample.metadata.canonicalSolution) })).toMatchObject({ value: 1 });
  });

  it('asks for the whole function in a ```python block', () => {
    const content = humaneval.prompt(samples[0] as Sample)[0]?.content ?? '';
    expect(content).toContain(`\`\`\`python\n${String(samples[0]?.metadata.prompt).trimEnd()}\n\`\`\``);
    expect(content).toContain('starts with ```python and ends with ```');
  });

  it('reads $LADDER_DATA_DIR/humaneval/ before any download', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'ladder-data-'));
    mkdirSync(join(directory, 'humaneval'));
    copyFileSync(DATA, join(directory, 'humaneval', 'HumanEval.jsonl.gz'));
    process.env.LADDER_DATA_DIR = directory;
    process.env.LADDER_OFFLINE = '1';
    const loaded = await humaneval.load({ baseDir: process.cwd() });
    expect(loaded.source).toBe(join(directory, 'humaneval', 'HumanEval.jsonl.gz'));
    expect(loaded.samples).toHaveLength(164);
  });

  it('says in one line where to put the file when it is missing and there is no network', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'ladder-data-'));
    process.env.LADDER_DATA_DIR = directory;
    process.env.LADDER_OFFLINE = '1';
    const error = await humaneval.load({ baseDir: process.cwd() }).catch((caught: unknown) => caught);
    expect(UsageError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe(
      `humaneval: could not download https://raw.githubusercontent.com/openai/human-eval/6d43fb980f9fee3c892a914eda09951f772ad10d/data/HumanEval.jsonl.gz (offline: HF_HUB_OFFLINE or LADDER_OFFLINE is set); with no network, put the file at ${join(directory, 'humaneval', 'HumanEval.jsonl.gz')} or pass --data <file>`,
    );
  });
});
