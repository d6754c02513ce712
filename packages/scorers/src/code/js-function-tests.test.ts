import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sample } from '@ladder/core';
import { describe, expect, it } from 'vitest';
import { runJavaScript } from './run-javascript.js';
import { sharedExecutor } from './execution/executor.js';
import { extractJavaScript } from './extract-code.js';
import { WALL_STRETCH_MAX } from './execution/run-queue.js';
import { jsFunctionTests } from './js-function-tests.js';

const task: Sample = {
  id: 'add',
  input: '',
  targets: [],
  metadata: { tests: 'assert.strictEqual(add(2, 3), 5);\nassert.strictEqual(add(-1, 1), 0);' },
};

describe('extractJavaScript', () => {
  it('takes the last JavaScript block, else the whole answer', () => {
    expect(extractJavaScript('Here:\n```js\nconst a = 1;\n```\nand\n```javascript\nconst b = 2;\n```')).toBe('const b = 2;');
    expect(extractJavaScript('```python\nx = 1\n```')).toBe('x = 1');
    expect(extractJavaScript('function f() {}')).toBe('function f() {}');
  });
});

describe('jsFunctionTests', () => {
  const scorer = jsFunctionTests({ timeoutMs: 3000 });

  it('passes a right function and fails a wrong one with the assertion message', async () => {
    expect(await scorer.score({ sample: task, output: '```js\nfunction add(a, b) { return a + b; }\n```' })).toMatchObject({
      value: 1,
      details: { outcome: 'passed' },
    });
    const wrong = await scorer.score({ sample: task, output: 'function add(a, b) { return a - b; }' });
    expect(wrong).toMatchObject({ value: 0, details: { outcome: 'failed' } });
    expect(wrong.explanation).toMatch(/AssertionError/);
  });

  it('reports a syntax error as an error', async () => {
    expect(await scorer.score({ sample: task, output: 'function add(a, b) { return a +' })).toMatchObject({ value: 0, details: { outcome: 'error' } });
  });

  it('kills an endless loop at the limit, its children included', async () => {
    const started = Date.now();
    const result = await scorer.score({
      sample: task,
      output: "import { spawn } from 'node:child_process';\nspawn('sleep', ['60'], { stdio: 'ignore' });\nwhile (true) {}",
    });
    expect(result).toMatchObject({ value: 0, details: { outcome: 'timeout' } });
    // The 3 s limit, stretched by any time it waited for a CPU (run-queue.ts), and time to kill it.
    expect(Date.now() - started).toBeLessThan(3000 * WALL_STRETCH_MAX + 5000);
  });

  it('gives the program no API keys from the harness environment', async () => {
    process.env.LADDER_TEST_PLANTED_KEY = 'sk-planted-1234';
    try {
      const result = await runJavaScript({ source: 'console.log(JSON.stringify(process.env));' });
      expect(result.outcome).toBe('passed');
      expect(result.stdout).not.toContain('sk-planted-1234');
    } finally {
      delete process.env.LADDER_TEST_PLANTED_KEY;
    }
  });

  it('stops a program past its output limit, keeps no more than it printed, and leaves no working directory', async () => {
    const result = await runJavaScript({ source: "process.stdout.write('x'.repeat(1_000_000));", outputLimit: 1000 });
    expect(result).toMatchObject({ outcome: 'error', limit: 'output' });
    expect(result.stdout.length).toBeLessThanOrEqual(1000);
    const environment = await sharedExecutor().environment('javascript');
    const cwd = (await runJavaScript({ source: 'console.log(process.cwd())' })).stdout.trim();
    if (environment.tier === 'bubblewrap') expect(cwd).toBe('/tmp');
    else {
      expect(cwd.startsWith(join(tmpdir(), 'ladder-exec-'))).toBe(true);
      expect(existsSync(cwd)).toBe(false);
    }
  });

  it('raises (a scorer error) when the item has no tests', async () => {
    await expect(scorer.score({ sample: { ...task, metadata: {} }, output: 'x' })).rejects.toThrow(/no "tests" field/);
  });
});
