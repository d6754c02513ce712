import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED, journalLines, ladder, readJson, temporaryDirectory } from './cli.js';
import { runsWithSystemTool } from './system-tool.js';

const WITH_BWRAP = runsWithSystemTool('bwrap', 'apt-get install -y bubblewrap');

interface Row {
  suite: string;
  model: string;
  value: number | null;
  n: number;
  errors: number;
  passAtK?: Record<string, number> | null;
  passCounts?: Record<string, { n: number; passed: number }> | null;
}

describe('code suites through the CLI', () => {
  it.skipIf(!WITH_BWRAP)('humaneval: builtin/oracle passes all 164 problems in the sandbox, pass@1 and pass@2 with two repeats', () => {
    const out = join(temporaryDirectory(), 'run');
    const data = join(SHARED, 'datasets', 'humaneval', 'HumanEval.jsonl.gz');
    const result = ladder(['run', '--suite', 'humaneval', '--model', 'builtin/oracle', '--data', data, '--repeats', '2', '--exec-workers', '2', '--no-cache', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('humaneval · builtin/oracle: pass@1 100.0% · pass@2 100.0% (164 problems, 2 sample(s) each)');
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain('builtin/oracle: pass@1 100.0% · pass@2 100.0% (unbiased estimator over 164 problems, 2 sample(s) each).');

    const [row] = readJson<{ rows: Row[] }>(join(out, 'results.json')).rows;
    expect(row).toMatchObject({ suite: 'humaneval', value: 1, n: 328, errors: 0, passAtK: { '1': 1, '2': 1 } });
    expect(Object.keys(row?.passCounts ?? {})).toHaveLength(164);
    expect(Object.values(row?.passCounts ?? {}).every((counts) => counts.n === 2 && counts.passed === 2)).toBe(true);

    const manifest = readJson<{ options: { execWorkers: number }; suites: { scorerEnvironment: Record<string, unknown> }[]; warnings?: string[] }>(join(out, 'manifest.json'));
    expect(manifest.options.execWorkers).toBe(2);
    expect(manifest.warnings).toBeUndefined();
    expect(manifest.suites[0]?.scorerEnvironment).toMatchObject({
      tier: 'bubblewrap',
      workers: 2,
      limits: { wallMs: 10_000, cpuSeconds: 10, memoryMb: 1024, processes: 64 },
      interpreter: { language: 'python', path: '/usr/bin/python3' },
    });
    const records = journalLines(join(out, 'samples.jsonl'));
    expect(records).toHaveLength(328);
    expect(records.every((record) => record.status === 'ok' && (record.details as { outcome: string }).outcome === 'passed')).toBe(true);
  });

  it('warns loudly, on stderr and in the manifest, when programs run without the sandbox', () => {
    const out = join(temporaryDirectory(), 'run');
    const data = join(SHARED, 'datasets', 'mbpp', 'sanitized-mbpp.json');
    const result = ladder(['run', '--suite', 'mbpp', '--model', 'builtin/oracle', '--data', data, '--limit', '5', '--no-cache', '--out', out], { env: { LADDER_SANDBOX: 'subprocess' } });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^ladder: WARNING: code runs WITHOUT a sandbox .*can use the network/m);
    const manifest = readJson<{ warnings?: string[]; suites: { scorerEnvironment: { tier: string; warning?: string } }[] }>(join(out, 'manifest.json'));
    expect(manifest.warnings?.[0]).toMatch(/^code runs WITHOUT a sandbox/);
    expect(manifest.suites[0]?.scorerEnvironment.tier).toBe('subprocess');
    expect(readJson<{ rows: Row[] }>(join(out, 'results.json')).rows[0]).toMatchObject({ value: 1, n: 5 });
  });

  it('refuses a bad --exec-workers in one line', () => {
    const out = join(temporaryDirectory(), 'run');
    const result = ladder(['run', '--suite', 'humaneval', '--model', 'builtin/oracle', '--exec-workers', '0', '--out', out]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe('ladder: --exec-workers 0: expected a whole number from 1 to 1024');
  });

  it('a program that hunts for the harness\'s API key finds none: it is nowhere in the run directory', () => {
    const directory = temporaryDirectory();
    const key = 'sk-e2e-planted-5c0ffee';
    // The program puts whatever it finds into its error message, which the journal keeps.
    const hunter = [
      'import glob, os',
      'found = [value for value in os.environ.values() if "sk-" in value]',
      'for path in glob.glob("/proc/*/environ") + ["/proc/%d/environ" % os.getppid()]:',
      '    try:',
      '        found += [part.decode() for part in open(path, "rb").read().split(b"\\0") if b"sk-" in part]',
      '    except OSError:',
      '        pass',
      'def f():',
      '    return 1',
      'raise AssertionError("found: %r" % found)',
    ].join('\n');
    const rows = [
      { id: 'hunter', task: 'Write f.', solution: `\`\`\`python\n${hunter}\n\`\`\``, entryPoint: 'f', tests: 'assert f() == 1' },
      { id: 'honest', task: 'Write f.', solution: '```python\ndef f():\n    return 1\n```', entryPoint: 'f', tests: 'assert f() == 1' },
    ];
    writeFileSync(join(directory, 'hostile.jsonl'), `${rows.map((row) => JSON.stringify(row)).join('\n')}\n`);
    writeFileSync(
      join(directory, 'ladder.config.ts'),
      "export default { suites: [{ id: 'hostile-code', data: 'hostile.jsonl', idField: 'id', prompt: '{{task}}', target: 'solution', scorer: 'python-tests', capabilities: ['code'] }] };\n",
    );
    const out = join(directory, 'run');
    const result = ladder(['run', '--suite', 'hostile-code', '--model', 'builtin/oracle', '--no-cache', '--out', out], { cwd: directory, env: { OPENAI_API_KEY: key, LADDER_TEST_API_KEY: key } });
    expect(result.status).toBe(0);
    const records = journalLines(join(out, 'samples.jsonl'));
    const hunted = records.find((record) => record.sampleId === 'hunter');
    expect(hunted).toMatchObject({ status: 'ok', score: 0, details: { outcome: 'failed', message: 'AssertionError: found: []' } });
    expect(records.find((record) => record.sampleId === 'honest')).toMatchObject({ status: 'ok', score: 1 });
    for (const file of readdirSync(out)) expect(readFileSync(join(out, file), 'utf8'), file).not.toContain(key);
    expect(result.stdout + result.stderr).not.toContain(key);
  });
});
