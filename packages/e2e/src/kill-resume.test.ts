import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { journalLines, ladder, readJson, startLadder, temporaryDirectory } from './cli.js';

const SAMPLES = 20_000;

/** A 20,000-item multiple-choice suite in a user's ladder.config.ts, answered by the seeded random baseline. */
function writeProject(directory: string): void {
  const lines: string[] = [];
  for (let index = 0; index < SAMPLES; index += 1) {
    lines.push(JSON.stringify({ id: `item-${index}`, question: `Question ${index}?`, options: ['w', 'x', 'y', 'z'], answer: 'ABCD'[index % 4] }));
  }
  writeFileSync(join(directory, 'items.jsonl'), `${lines.join('\n')}\n`);
  writeFileSync(
    join(directory, 'ladder.config.ts'),
    `export default {
  suites: [
    {
      id: 'big-choice',
      data: 'items.jsonl',
      idField: 'id',
      prompt: '{{question}} A) w B) x C) y D) z',
      target: 'answer',
      choices: 'options',
      scorer: 'choice',
    },
  ],
};
`,
  );
}

function journalLineCount(path: string): number {
  if (!existsSync(path)) return 0;
  const buffer = readFileSync(path);
  let count = 0;
  for (const byte of buffer) if (byte === 0x0a) count += 1;
  return count;
}

describe('a run killed with kill -9 and resumed', () => {
  it('has every sample exactly once and the same results as an uninterrupted run', async () => {
    const directory = temporaryDirectory();
    writeProject(directory);
    const args = ['run', '--suite', 'big-choice', '--model', 'builtin/random', '--seed', '7', '--no-cache', '--concurrency', '16'];

    const reference = ladder([...args, '--out', join(directory, 'reference')], { cwd: directory });
    expect(reference.stderr).toBe('');
    expect(reference.status).toBe(0);

    // Kill at a random point of the journal: after 1 to 90% of the samples were written.
    const target = 1 + Math.floor(Math.random() * SAMPLES * 0.9);
    const out = join(directory, 'killed');
    const journal = join(out, 'samples.jsonl');
    const child = startLadder([...args, '--out', out], { cwd: directory });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const started = Date.now();
    while (journalLineCount(journal) < target && child.exitCode === null && Date.now() - started < 120_000) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    child.kill('SIGKILL');
    await exited;
    const before = journalLineCount(journal);
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(SAMPLES);
    // Nothing of the killed run writes on (no orphaned child process).
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(journalLineCount(journal)).toBe(before);
    expect(existsSync(join(out, 'results.json'))).toBe(false);
    expect(readJson<{ status: string }>(join(out, 'manifest.json')).status).toBe('running');
    const sizeBefore = statSync(journal).size;

    const resumed = ladder([...args, '--out', out, '--resume'], { cwd: directory });
    expect(resumed.stderr).toBe('');
    expect(resumed.status).toBe(0);
    expect(resumed.stdout).toMatch(new RegExp(`${SAMPLES} samples \\((\\d+) resumed`));
    const resumedCount = Number(/\((\d+) resumed/.exec(resumed.stdout)?.[1]);
    expect(resumedCount).toBeGreaterThanOrEqual(before - 1);
    expect(resumedCount).toBeLessThanOrEqual(before);
    expect(resumed.stdout).toContain(`${SAMPLES - resumedCount} model calls`);

    const records = journalLines(journal);
    expect(records).toHaveLength(SAMPLES);
    expect(new Set(records.map((record) => record.sampleId)).size).toBe(SAMPLES);
    expect(statSync(journal).size).toBeGreaterThan(sizeBefore);

    const expected = readJson<{ rows: unknown[] }>(join(directory, 'reference', 'results.json')).rows;
    const actual = readJson<{ rows: unknown[] }>(join(out, 'results.json')).rows;
    expect(actual).toEqual(expected);
    expect(readJson<{ status: string }>(join(out, 'manifest.json')).status).toBe('complete');
  });
});
