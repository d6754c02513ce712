import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ladder, readJson, SHARED, temporaryDirectory } from './cli.js';

interface Row {
  suite: string;
  model: string;
  value: number | null;
  n: number;
}

/**
 * A suite of the user's own in ladder.config.ts graded by `scorer: 'math-verify'`. builtin/echo
 * answers with its prompt, so each item's `reply` field is the "model answer" that gets graded.
 */
describe('a config suite with scorer math-verify', () => {
  it('grades answers as Math-Verify does and the oracle scores 100%', () => {
    const directory = temporaryDirectory();
    mkdirSync(join(directory, 'data'));
    const items = [
      { id: 'frac', answer: '\\frac{1}{2}', reply: 'The final answer is $0.5$. I hope it is correct.' },
      { id: 'interval', answer: '(-\\infty, 3]', reply: 'So $x \\in \\boxed{(-\\infty, 3]}$.' },
      { id: 'set', answer: '\\{1, 2\\}', reply: 'The roots are $2$ and $1$.' },
      { id: 'wrong', answer: '\\sqrt{2}', reply: 'Thus the answer is $\\boxed{2}$.' },
    ];
    writeFileSync(join(directory, 'data', 'math.jsonl'), `${items.map((item) => JSON.stringify(item)).join('\n')}\n`);
    writeFileSync(
      join(directory, 'ladder.config.ts'),
      "export default { suites: [{ id: 'my-math', version: '1', data: 'data/math.jsonl', idField: 'id', prompt: '{{reply}}', target: 'answer', scorer: 'math-verify' }] };\n",
    );
    const out = join(directory, 'run');
    const run = ladder(['run', '--suite', 'my-math', '--model', 'builtin/echo,builtin/oracle', '--out', out], { cwd: directory });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const rows = readJson<{ rows: Row[] }>(join(out, 'results.json')).rows.map(({ suite, model, value, n }) => ({ suite, model, value, n }));
    expect(rows).toEqual([
      { suite: 'my-math', model: 'builtin/echo', value: 0.75, n: 4 },
      { suite: 'my-math', model: 'builtin/oracle', value: 1, n: 4 },
    ]);
    const summary = readFileSync(join(out, 'summary.md'), 'utf8');
    expect(summary).toContain('my-math');
  });
});

describe('--scorer: a built-in suite graded by another built-in scorer', () => {
  it('math500 with --scorer math-verify: the oracle scores 100%, and the plan and manifest name the scorer', () => {
    const directory = temporaryDirectory();
    const data = join(SHARED, 'datasets', 'math500', 'test.jsonl');
    const run = (scorer: string[], out: string) => ladder(['run', '--suite', 'math500', '--model', 'builtin/oracle', '--data', data, '--limit', '40', ...scorer, '--out', out], { cwd: directory });
    const verified = join(directory, 'verified');
    expect(run(['--scorer', 'math-verify'], verified).status).toBe(0);
    const manifest = readJson<{ planId: string; suites: { id: string; scorer: string }[] }>(join(verified, 'manifest.json'));
    expect(manifest.suites[0]).toMatchObject({ id: 'math500', scorer: 'math-verify' });
    expect(readJson<{ rows: Row[] }>(join(verified, 'results.json')).rows[0]).toMatchObject({ value: 1, n: 40 });
    const own = join(directory, 'own');
    expect(run([], own).status).toBe(0);
    const ownManifest = readJson<{ planId: string; suites: { scorer: string }[] }>(join(own, 'manifest.json'));
    expect(ownManifest.suites[0]?.scorer).toBe('math');
    // A different scorer is a different plan: the two runs are never mixed by --resume.
    expect(ownManifest.planId).not.toBe(manifest.planId);
  });

  it('changes the verdicts: 0.5 for 1/2 is right for math, wrong for exact', () => {
    const directory = temporaryDirectory();
    mkdirSync(join(directory, 'data'));
    writeFileSync(join(directory, 'data', 'half.jsonl'), `${JSON.stringify({ id: 'half', answer: '\\frac{1}{2}', reply: 'So it is $\\boxed{0.5}$.' })}\n`);
    writeFileSync(
      join(directory, 'ladder.config.ts'),
      "export default { suites: [{ id: 'half', version: '1', data: 'data/half.jsonl', idField: 'id', prompt: '{{reply}}', target: 'answer', scorer: 'math' }] };\n",
    );
    const value = (scorer: string[], out: string) => {
      const result = ladder(['run', '--suite', 'half', '--model', 'builtin/echo', ...scorer, '--out', join(directory, out)], { cwd: directory });
      expect(result.status, result.stderr).toBe(0);
      return readJson<{ rows: Row[] }>(join(directory, out, 'results.json')).rows[0]?.value;
    };
    expect(value([], 'math')).toBe(1);
    expect(value(['--scorer', 'exact'], 'exact')).toBe(0);
  });
});
