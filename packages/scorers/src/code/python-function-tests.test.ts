import type { Sample } from '@ladder/core';
import { describe, expect, it } from 'vitest';
import type { ProgramExecutor } from './execution/executor.js';
import { SandboxError } from './execution/program.js';
import { spawnProgram } from './execution/spawn-program.js';
import { interpreterFor } from './execution/interpreters.js';
import { resolveLimits } from './execution/limits.js';
import { WorkerPool } from './execution/worker-pool.js';
import { pythonFunctionTests } from './python-function-tests.js';

const sample: Sample = {
  id: 'add',
  input: '',
  targets: [],
  metadata: { entryPoint: 'add', tests: 'assert add(2, 3) == 5\nassert add(-1, 1) == 0' },
};

describe('pythonFunctionTests', () => {
  const scorer = pythonFunctionTests({ limits: { wallMs: 5000 } });

  it('passes a right function and fails a wrong one with the assertion', async () => {
    expect(await scorer.score({ sample, output: '```python\ndef add(a, b):\n    return a + b\n```' })).toMatchObject({ value: 1, details: { outcome: 'passed' } });
    expect(await scorer.score({ sample, output: 'def add(a, b):\n    return a - b' })).toMatchObject({
      value: 0,
      explanation: 'failed: AssertionError',
      details: { outcome: 'failed', message: 'AssertionError' },
    });
  });

  it('keeps the exception of a program that crashes', async () => {
    const result = await scorer.score({ sample, output: '```python\ndef add(a, b):\n    return a / 0\n```' });
    expect(result).toMatchObject({ value: 0, details: { outcome: 'error', message: 'ZeroDivisionError: division by zero' } });
  });

  it('calls an answer without code unanswered', async () => {
    expect(await scorer.score({ sample, output: '```python\n```' })).toMatchObject({ value: 0, unanswered: true });
  });

  it('raises (a scorer error) when the sample lacks its tests', async () => {
    await expect(scorer.score({ sample: { ...sample, metadata: { entryPoint: 'add' } }, output: 'x' })).rejects.toThrow(/no "tests" field/);
  });

  it('raises, never scores 0, when the sandbox cannot run the program', async () => {
    const broken: ProgramExecutor = {
      limits: resolveLimits(),
      workers: 1,
      setWorkers: () => undefined,
      run: () => Promise.reject(new SandboxError('the sandbox could not run the program: bwrap: No permissions to create new namespace')),
      environment: () => Promise.reject(new SandboxError('no sandbox')),
    };
    const failing = pythonFunctionTests({ executor: broken });
    await expect(failing.score({ sample, output: 'def add(a, b):\n    return a + b' })).rejects.toThrow(SandboxError);
  });

  it('describes its sandbox for the manifest and takes the worker count', async () => {
    const environment = await scorer.environment?.({ execWorkers: 3 });
    expect(environment).toMatchObject({ workers: 3, interpreter: { language: 'python', path: '/usr/bin/python3' }, limits: { wallMs: 10_000 } });
    expect(String((environment?.interpreter as { version: string }).version)).toMatch(/^Python 3\.\d+\.\d+/);
    await scorer.environment?.({});
  });
});

describe('spawnProgram', () => {
  it('reports a program that never started as a SandboxError', async () => {
    const launch = {
      file: '/usr/bin/sh',
      args: ['-c', 'echo "bwrap: Creating new namespace failed: Operation not permitted" >&2; exit 1'],
      cwd: '/',
      env: {},
      user: undefined,
      extraPipes: 0,
      programPid: () => undefined,
      kill: () => undefined,
      describeStartFailure: (stderr: string) => stderr.trim(),
    };
    await expect(spawnProgram(launch, interpreterFor('python'), 'print(1)', resolveLimits())).rejects.toThrow(
      'the sandbox could not run the program: bwrap: Creating new namespace failed: Operation not permitted',
    );
  });
});

describe('WorkerPool', () => {
  it('runs at most its size at once and can be resized', async () => {
    const pool = new WorkerPool(2);
    let running = 0;
    let peak = 0;
    const task = async () => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 10));
      running -= 1;
    };
    await Promise.all(Array.from({ length: 8 }, () => pool.run(task)));
    expect(peak).toBe(2);
    pool.resize(4);
    peak = 0;
    await Promise.all(Array.from({ length: 8 }, () => pool.run(task)));
    expect(peak).toBe(4);
    expect(() => pool.resize(0)).toThrow(/whole number >= 1/);
  });
});
