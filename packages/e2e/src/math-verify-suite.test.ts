import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ladder, readJson, temporaryDirectory } from './cli.js';

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
