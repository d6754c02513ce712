import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Sample, Suite } from '@ladder/core';
import { describe, expect, it } from 'vitest';
import { mbpp, mbppFull, suites } from './index.js';

const SHARED = fileURLToPath(new URL('../../../../shared/datasets/mbpp/', import.meta.url));

async function referenceFailures(suite: Suite, samples: Sample[]): Promise<string[]> {
  const scores = await Promise.all(samples.map((sample) => suite.scorer.score({ sample, output: suite.oracleAnswer?.(sample) ?? '' })));
  return samples.flatMap((sample, index) => (scores[index]?.value === 1 ? [] : [`${sample.id}: ${scores[index]?.explanation ?? ''}`]));
}

describe('mbpp (sanitized)', async () => {
  const { samples, sha256 } = await mbpp.load({ baseDir: process.cwd(), dataPath: join(SHARED, 'sanitized-mbpp.json') });

  it('loads the 427 problems with their entry points', () => {
    expect(samples).toHaveLength(427);
    expect(sha256).toBe('ca95deaa9a01ef0a6f439f88bcf0dd3db3563d22f22aad6cae04ebb9a8d8c8e9');
    expect(samples[0]).toMatchObject({ id: '2', metadata: { entryPoint: 'similar_elements' } });
  });

  it('passes every reference program against its tests', async () => {
    expect(await referenceFailures(mbpp, samples)).toEqual([]);
  });

  it('fails a function of the right name that returns None on every problem', async () => {
    const scores = await Promise.all(
      samples.map((sample) => mbpp.scorer.score({ sample, output: `\`\`\`python\ndef ${String(sample.metadata.entryPoint)}(*args, **kwargs):\n    return None\n\`\`\`` })),
    );
    expect(samples.filter((_sample, index) => scores[index]?.value !== 0).map((sample) => sample.id)).toEqual([]);
  });

  it('shows the tests in the MBPP prompt and asks for a ```python block', () => {
    const content = mbpp.prompt(samples[0] as Sample)[0]?.content ?? '';
    expect(content).toMatch(/^You are an expert Python programmer, and here is your task: Write a function to find the shared elements/);
    expect(content).toContain('Your code should pass these tests:\n\nassert set(similar_elements((3, 4, 5, 6),(5, 7, 4, 10))) == set((4, 5))\n');
    expect(content).toContain('```python');
  });
});

describe('mbpp-full', async () => {
  const { samples } = await mbppFull.load({ baseDir: process.cwd(), dataPath: join(SHARED, 'mbpp.jsonl') });

  it('loads all 974 problems, test_setup_code included', () => {
    expect(samples).toHaveLength(974);
    expect(samples.filter((sample) => String(sample.metadata.setup).trim() !== '')).toHaveLength(2);
  });

  it('passes every reference program against its tests', async () => {
    expect(await referenceFailures(mbppFull, samples)).toEqual([]);
  });
});

describe('the code family', () => {
  it('lists demo-code, humaneval, mbpp and mbpp-full', () => {
    expect(suites.map((suite) => suite.id)).toEqual(['demo-code', 'humaneval', 'mbpp', 'mbpp-full']);
  });

  it('names the file, line and field of a broken row', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ladder-mbpp-')), 'broken.json');
    writeFileSync(path, JSON.stringify([{ task_id: 1, prompt: 'p', code: 'def f():\n    pass', test_list: 'assert f() is None' }]));
    await expect(mbpp.load({ baseDir: process.cwd(), dataPath: path })).rejects.toThrow(`${path}:1: field "test_list" must be a list (the assert statements that test the function)`);
    writeFileSync(path, JSON.stringify([{ task_id: 1, prompt: 'p', code: 'def f():\n    pass', test_list: ['assert g() is None'] }]));
    await expect(mbpp.load({ baseDir: process.cwd(), dataPath: path })).rejects.toThrow(`${path}:1: field "code" defines no function that test_list calls`);
  });
});
