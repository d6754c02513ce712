import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExecutor, type ProgramExecutor } from './executor.js';
import { WALL_STRETCH_MAX, runQueueWaitMs, wallTimeLeftMs } from './run-queue.js';
import { runsWithSystemTool } from './system-tool.test-helpers.js';
import type { TierName } from './tier.js';

const WITH_BWRAP = runsWithSystemTool('bwrap', 'apt-get install -y bubblewrap');

describe('wallTimeLeftMs', () => {
  it('charges the elapsed time less the run-queue wait, up to the stretch', () => {
    expect(wallTimeLeftMs(2000, 2000, 0)).toBe(0);
    expect(wallTimeLeftMs(2000, 1500, 0)).toBe(500);
    expect(wallTimeLeftMs(2000, 2000, 1500)).toBe(1500);
    expect(wallTimeLeftMs(2000, 3500, 1500)).toBe(0);
    // Never past WALL_STRETCH_MAX times the limit, however long it waited.
    expect(wallTimeLeftMs(2000, 2000 * WALL_STRETCH_MAX - 10, 100_000)).toBe(10);
    expect(wallTimeLeftMs(2000, 2000 * WALL_STRETCH_MAX, 100_000)).toBe(0);
    // A wait the kernel over-reports cannot make the charged time negative.
    expect(wallTimeLeftMs(2000, 100, 5000)).toBe(2000);
  });

  it('reads a process run-queue wait from /proc, and 0 for one that does not exist', () => {
    expect(runQueueWaitMs(process.pid)).toBeGreaterThanOrEqual(0);
    expect(runQueueWaitMs(2 ** 22 + 1)).toBe(0);
    expect(runQueueWaitMs(undefined)).toBe(0);
  });
});

/**
 * A program that needs half a second of CPU, pinned to CPU 0 beside busy loops pinned there too,
 * takes several seconds by the clock: the wall-clock limit of 2 s must not stop it, while a
 * program that sleeps is still stopped at 2 s.
 */
const PINNED_WORK = [
  'import os, time',
  'os.sched_setaffinity(0, {0})',
  'start = time.process_time()',
  'while time.process_time() - start < 0.5:',
  '    pass',
  'print("done", round(time.process_time() - start, 2))',
].join('\n');
const HOGS = 3;

function crowdedSuite(tier: TierName, warm: boolean) {
  describe.skipIf(tier === 'bubblewrap' && !WITH_BWRAP)(`the wall-clock limit on a crowded CPU, ${tier} tier${tier === 'bubblewrap' && !warm ? ', a sandbox per program' : ''}`, () => {
    let executor: ProgramExecutor;
    const hogs: ChildProcess[] = [];

    beforeAll(async () => {
      executor = createExecutor({ sandbox: tier, workers: 1, limits: { wallMs: 2000, cpuSeconds: 5 }, warm });
      expect((await executor.environment('python')).tier).toBe(tier);
      // Start the worker before the CPU is crowded.
      expect((await executor.run({ language: 'python', source: 'pass\n' })).outcome).toBe('passed');
      // Each in a session of its own: the scheduler shares a CPU between sessions (autogroups), as the sandbox has its own.
      for (let index = 0; index < HOGS; index += 1) {
        hogs.push(spawn('/usr/bin/taskset', ['-c', '0', process.execPath, '-e', 'for (;;) {}'], { stdio: 'ignore', detached: true }));
      }
    });

    afterAll(() => {
      for (const hog of hogs) hog.kill('SIGKILL');
    });

    it('lets a program that waited for the CPU finish, and still stops one that sleeps', async () => {
      const started = performance.now();
      const crowded = await executor.run({ language: 'python', source: PINNED_WORK });
      const elapsed = performance.now() - started;
      expect(crowded.outcome, crowded.message).toBe('passed');
      expect(crowded.stdout).toMatch(/^done 0\.5/);
      // It really was crowded: by the clock it took longer than the limit it was held to.
      expect(elapsed).toBeGreaterThan(2000);

      const sleeper = await executor.run({ language: 'python', source: 'import time\ntime.sleep(30)\n' });
      expect(sleeper.outcome).toBe('timeout');
      expect(sleeper.limit).toBe('wall');
      expect(sleeper.durationMs).toBeLessThan(2000 * WALL_STRETCH_MAX + 1000);
    });
  });
}

crowdedSuite('subprocess', false);
crowdedSuite('bubblewrap', true);
crowdedSuite('bubblewrap', false);
