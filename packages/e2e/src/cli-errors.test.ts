import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ladder, temporaryDirectory } from './cli.js';

/** A new user's mistakes: one line naming what is wrong, a non-zero exit, no stack, no run directory. */
function expectOneLineError(result: ReturnType<typeof ladder>, pattern: RegExp, out: string) {
  expect(result.status).not.toBe(0);
  const lines = result.stderr.split('\n').filter((line) => line.trim() !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^ladder: /);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(existsSync(out)).toBe(false);
}

describe('ladder run rejects bad input cleanly', () => {
  it('an unknown suite', () => {
    const out = join(temporaryDirectory(), 'run');
    const result = ladder(['run', '--suite', 'demo-maths', '--model', 'builtin/oracle', '--out', out]);
    expectOneLineError(result, /--suite demo-maths: unknown suite; known: .*demo-math/, out);
  });

  it('an unknown model and an unknown provider', () => {
    const out = join(temporaryDirectory(), 'run');
    expectOneLineError(
      ladder(['run', '--suite', 'demo-math', '--model', 'builtin/oracel', '--out', out]),
      /--model builtin\/oracel: unknown built-in model; choose one of builtin\/oracle/,
      out,
    );
    expectOneLineError(ladder(['run', '--suite', 'demo-math', '--model', 'acme/x', '--out', out]), /unknown provider "acme"/, out);
    expectOneLineError(ladder(['run', '--suite', 'demo-math', '--model', 'oracle', '--out', out]), /a model id is provider\/model/, out);
  });

  it('an unknown --scorer, and a --data folder where the suite reads one file', () => {
    const directory = temporaryDirectory();
    const out = join(directory, 'run');
    expectOneLineError(
      ladder(['run', '--suite', 'demo-math', '--model', 'builtin/oracle', '--scorer', 'mathverify', '--out', out]),
      /--scorer mathverify: not a built-in scorer; use one of .*math-verify/,
      out,
    );
    const folder = join(directory, 'data');
    mkdirSync(folder);
    writeFileSync(join(folder, 'test.jsonl'), `${JSON.stringify({ id: 'm1', question: 'What is 1 + 1?', answer: '2' })}\n`);
    expectOneLineError(
      ladder(['run', '--suite', 'demo-math', '--model', 'builtin/oracle', '--data', folder, '--out', out]),
      /data: is a folder; this suite reads one file, so pass the file itself, e\.g\. --data .*data\/test\.jsonl$/,
      out,
    );
  });

  it('a --data file with bad JSON on line 7', () => {
    const directory = temporaryDirectory();
    const data = join(directory, 'items.jsonl');
    const lines = Array.from({ length: 10 }, (_, index) => JSON.stringify({ id: `m${index}`, question: `What is ${index} + 1?`, answer: String(index + 1) }));
    lines[6] = '{"id": "m6", "question": "What is 6 + 1?", "answer": "7"';
    writeFileSync(data, `${lines.join('\n')}\n`);
    const out = join(directory, 'run');
    expectOneLineError(ladder(['run', '--suite', 'demo-math', '--model', 'builtin/oracle', '--data', data, '--out', out]), new RegExp(`${data.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:7: not valid JSON`), out);
  });

  it('a config file with a syntax error, and one with a wrong field', () => {
    const directory = temporaryDirectory();
    writeFileSync(join(directory, 'ladder.config.ts'), "export default {\n  suites: [\n    { id: 'x', data: 'a.jsonl' prompt: 'p' },\n  ],\n};\n");
    const out = join(directory, 'run');
    expectOneLineError(ladder(['run', '--suite', 'x', '--model', 'builtin/echo', '--out', out], { cwd: directory }), /ladder\.config\.ts:3:\d+/, out);

    const other = temporaryDirectory();
    writeFileSync(join(other, 'ladder.config.ts'), "export default { suite: [] };\n");
    expectOneLineError(
      ladder(['run', '--suite', 'demo-math', '--model', 'builtin/echo', '--out', join(other, 'run')], { cwd: other }),
      /ladder\.config\.ts: unknown field "suite"/,
      join(other, 'run'),
    );
  });

  it('a config suite whose data lacks the target field', () => {
    const directory = temporaryDirectory();
    mkdirSync(join(directory, 'data'));
    writeFileSync(join(directory, 'data', 'q.jsonl'), '{"id":"a","q":"x","answer":"1"}\n{"id":"b","q":"y"}\n');
    writeFileSync(
      join(directory, 'ladder.config.ts'),
      "export default { suites: [{ id: 'mine', data: 'data/q.jsonl', idField: 'id', prompt: 'Q: {{q}}', target: 'answer', scorer: 'exact' }] };\n",
    );
    const out = join(directory, 'run');
    expectOneLineError(ladder(['run', '--suite', 'mine', '--model', 'builtin/echo', '--out', out], { cwd: directory }), /q\.jsonl:2: field "answer" \(the target\) is missing/, out);
  });

  it('--shard 3/2, a bad number and an unknown flag', () => {
    const out = join(temporaryDirectory(), 'run');
    expectOneLineError(ladder(['run', '--suite', 'demo-math', '--model', 'builtin/oracle', '--shard', '3/2', '--out', out]), /--shard 3\/2: the shard number must be between 1 and 2/, out);
    expectOneLineError(ladder(['run', '--suite', 'demo-math', '--model', 'builtin/oracle', '--limit', '0', '--out', out]), /--limit 0: expected a whole number >= 1/, out);
    expectOneLineError(ladder(['run', '--suite', 'demo-math', '--model', 'builtin/oracle', '--limt', '3', '--out', out]), /Unknown option '--limt'/, out);
  });

  it('--resume of a folder that holds no run', () => {
    const out = join(temporaryDirectory(), 'nothing');
    expectOneLineError(ladder(['run', '--suite', 'demo-math', '--model', 'builtin/oracle', '--resume', '--out', out]), /holds no run to resume/, out);
  });
});
