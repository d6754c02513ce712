import { existsSync, mkdtempSync, readdirSync, readFileSync, chmodSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExecutor, type ProgramExecutor } from './executor.js';
import type { ProgramResult } from './program.js';
import { WALL_STRETCH_MAX } from './run-queue.js';
import { runningAsRoot } from './sandbox-user.js';
import type { TierName } from './tier.js';
import { runsWithSystemTool } from './system-tool.test-helpers.js';

const WITH_BWRAP = runsWithSystemTool('bwrap', 'apt-get install -y bubblewrap');

/**
 * Hostile programs, each its own test, for each tier. Every one must end as timeout, failed or
 * error within its limits, while a well-behaved program run beside it still passes and the
 * harness (this process) goes on.
 */
const LIMITS = { wallMs: 2000, cpuSeconds: 2 };
/** Its limit (stretched by the time it waited for a CPU, run-queue.ts) plus time for a loaded machine to kill and reap it. */
const WITHIN_MS = WALL_STRETCH_MAX * LIMITS.wallMs + 6000;
const BENIGN = 'import math\nassert math.factorial(10) == 3628800\nprint("benign ok")\n';
const PLANTED_KEY = 'sk-ladder-planted-7d1f0c2e9b';

/** Processes (and their threads) of `uid` still alive, zombies included. */
function processesOf(uid: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const owner = /^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1];
      if (Number(owner) === uid) pids.push(Number(entry));
    } catch {
      // It ended while we looked.
    }
  }
  return pids;
}

async function settle(uid: number, allowed: number): Promise<number[]> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    if (processesOf(uid).length <= allowed) return processesOf(uid);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return processesOf(uid);
}

function hostileSuite(tier: TierName, warm: boolean) {
  describe.skipIf(tier === 'bubblewrap' && !WITH_BWRAP)(`hostile programs, ${tier} tier${tier === 'bubblewrap' ? (warm ? ', warm Python workers' : ', a sandbox per program') : ''}`, () => {
    let executor: ProgramExecutor;

    beforeAll(async () => {
      executor = createExecutor({ sandbox: tier, workers: 2, limits: LIMITS, warm });
      const environment = await executor.environment('python');
      expect(environment.tier).toBe(tier);
    });

    /** Runs the hostile program and a benign one at the same time; the benign one must pass. */
    async function alongside(source: string, limits?: { memoryMb: number }): Promise<ProgramResult> {
      const started = performance.now();
      const [hostile, benign] = await Promise.all([
        executor.run({ language: 'python', source, ...(limits === undefined ? {} : { limits }) }),
        executor.run({ language: 'python', source: BENIGN }),
      ]);
      expect(benign.outcome, benign.message).toBe('passed');
      expect(benign.stdout).toContain('benign ok');
      expect(performance.now() - started).toBeLessThan(WITHIN_MS);
      expect(['timeout', 'failed', 'error']).toContain(hostile.outcome);
      return hostile;
    }

    it('stops an endless loop at the time limit', async () => {
      const result = await alongside('while True:\n    pass\n');
      expect(result.outcome).toBe('timeout');
    });

    it('stops a fork bomb at the process limit and leaves no process behind', async () => {
      const result = await alongside(
        // Every process forks for ever; one that hits the limit naps briefly, so the test does not starve the machine's other tests.
        ['import os, time', 'print(os.getuid(), flush=True)', 'while True:', '    try:', '        os.fork()', '    except OSError:', '        time.sleep(0.01)'].join('\n'),
      );
      expect(result.outcome).toBe('timeout');
      if (runningAsRoot()) {
        const uid = Number(result.stdout.trim().split('\n')[0]);
        expect(uid).toBeGreaterThan(0);
        // A warm worker stays, bwrap and its server process; nothing else of its uid may.
        const allowed = warm && tier === 'bubblewrap' ? 2 : 0;
        expect((await settle(uid, allowed)).length).toBeLessThanOrEqual(allowed);
      }
    });

    it('stops a memory bomb at the memory limit', async () => {
      // A lower limit than the default 1 GiB: a loaded machine writes 256 MiB of zeros well within the time limit.
      const result = await alongside('blocks = []\nwhile True:\n    blocks.append(bytearray(16 * 1024 * 1024))\n', { memoryMb: 256 });
      expect(result).toMatchObject({ outcome: 'error', limit: 'memory' });
      expect(result.message).toMatch(/^MemoryError/);
    });

    it('stops a program printing gigabytes at the output limit, keeping 64 KiB', async () => {
      const result = await alongside('import sys\nchunk = "x" * 1_000_000\nwhile True:\n    sys.stdout.write(chunk)\n');
      expect(result).toMatchObject({ outcome: 'error', limit: 'output' });
      expect(result.stdout.length).toBeLessThanOrEqual(65_536);
    });

    it('gives the program none of the harness environment (a planted API key)', async () => {
      process.env.LADDER_TEST_API_KEY = PLANTED_KEY;
      try {
        const result = await alongside(
          [
            'import os, glob',
            'print(dict(os.environ))',
            'for path in ["/proc/%d/environ" % os.getppid(), "/proc/1/environ"] + glob.glob("/proc/*/environ"):',
            '    try:',
            '        print(path, open(path, "rb").read())',
            '    except OSError as error:',
            '        print(path, error)',
            'raise AssertionError("the key was not found")',
          ].join('\n'),
        );
        expect(result.outcome).toBe('failed');
        expect(result.stdout).toContain('environ');
        expect(result.stdout + result.stderr).not.toContain(PLANTED_KEY);
      } finally {
        delete process.env.LADDER_TEST_API_KEY;
      }
    });

    it('cannot write outside its own directory: the harness files stay untouched', async () => {
      const harnessDirectory = mkdtempSync(join(tmpdir(), 'ladder-harness-'));
      chmodSync(harnessDirectory, 0o755);
      const targets = [join(harnessDirectory, 'pwned'), join(process.cwd(), 'pwned-by-program'), join(harnessDirectory, '..', `ladder-pwned-${process.pid}`)];
      // The subprocess tier shares the machine's world-writable /tmp: only the bubblewrap tier hides it.
      const checked = tier === 'bubblewrap' ? targets : targets.slice(0, 2);
      const result = await alongside(
        [
          'written = []',
          `for path in ${JSON.stringify(targets)}:`,
          '    try:',
          '        with open(path, "w") as handle:',
          '            handle.write("pwned")',
          '        written.append(path)',
          '    except OSError as error:',
          '        print(path, error)',
          'raise AssertionError("wrote %r" % written)',
        ].join('\n'),
      );
      expect(result.outcome).toBe('failed');
      for (const path of checked) expect(existsSync(path), path).toBe(false);
    });

    it('cannot kill its parent or the harness', async () => {
      const result = await alongside(
        [
          'import os, signal',
          `for pid in [os.getppid(), ${process.pid}, ${process.ppid}, -1]:`,
          '    try:',
          '        os.kill(pid, signal.SIGKILL)',
          '    except OSError as error:',
          '        print(pid, error)',
          'raise AssertionError("still here")',
        ].join('\n'),
      );
      expect(['failed', 'timeout']).toContain(result.outcome);
      // This process, the harness, is alive, and so is the executor.
      expect(process.kill(process.pid, 0)).toBe(true);
      expect((await executor.run({ language: 'python', source: BENIGN })).outcome).toBe('passed');
    });

    if (tier === 'bubblewrap') {
      describe('network', () => {
        let server: Server;
        let port = 0;
        let connections = 0;
        beforeAll(async () => {
          server = createServer((socket) => {
            connections += 1;
            socket.destroy();
          });
          await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
          port = (server.address() as AddressInfo).port;
        });
        afterAll(async () => {
          await new Promise<void>((resolve) => server.close(() => resolve()));
        });

        it('cannot open a TCP connection to a listener on 127.0.0.1', async () => {
          const result = await alongside(
            [
              'import socket',
              `connection = socket.create_connection(("127.0.0.1", ${port}), timeout=2)`,
              'connection.sendall(b"hello")',
              'raise AssertionError("connected")',
            ].join('\n'),
          );
          expect(result.outcome).toBe('error');
          expect(result.message).toMatch(/ConnectionRefusedError|OSError|unreachable/);
          // The listener works: a connection from the harness itself arrives.
          const { connect } = await import('node:net');
          await new Promise<void>((resolve, reject) => connect(port, '127.0.0.1', resolve).on('error', reject));
          await new Promise((resolve) => setTimeout(resolve, 100));
          expect(connections).toBe(1);
        });
      });
    }
  });
}

describe.skipIf(!WITH_BWRAP)('programs that follow each other in one warm worker', () => {
  it('see nothing of the program before them, even one that tampered with the worker', async () => {
    const executor = createExecutor({ sandbox: 'bubblewrap', workers: 1, limits: LIMITS });
    const tamper = [
      'import os, resource, subprocess',
      'open("/tmp/secret", "w").write("from the first program")',
      'os.makedirs("/tmp/locked/inner")',
      'open("/tmp/locked/inner/file", "w").write("x")',
      'os.chmod("/tmp/locked/inner", 0)',
      'os.chmod("/tmp/locked", 0)',
      'open("/dev/shm/left", "w").write("x")',
      'subprocess.Popen(["/usr/bin/sleep", "60"], start_new_session=True)',
      // The worker is pid 1 of the sandbox and of the same uid: prlimit on it is allowed.
      'resource.prlimit(1, resource.RLIMIT_AS, (50 * 1024 * 1024, 50 * 1024 * 1024))',
      'raise AssertionError("tampered")',
    ].join('\n');
    const check = [
      'import os, resource',
      'assert [name for name in os.listdir("/tmp") if os.path.join("/tmp", name) != os.getcwd()] == [], os.listdir("/tmp")',
      'assert os.listdir("/dev/shm") == [], os.listdir("/dev/shm")',
      'others = [pid for pid in os.listdir("/proc") if pid.isdigit() and int(pid) not in (1, os.getpid())]',
      'assert others == [], [open("/proc/%s/cmdline" % pid).read() for pid in others]',
      'assert resource.getrlimit(resource.RLIMIT_AS)[0] == 1024 * 1024 * 1024',
      'block = bytearray(200 * 1024 * 1024)',
    ].join('\n');
    expect((await executor.run({ language: 'python', source: tamper })).outcome).toBe('failed');
    const after = await executor.run({ language: 'python', source: check });
    expect(after.outcome, after.message).toBe('passed');
  });
});

hostileSuite('bubblewrap', true);
hostileSuite('bubblewrap', false);
hostileSuite('subprocess', false);
