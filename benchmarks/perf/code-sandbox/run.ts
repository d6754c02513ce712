/**
 * Code sandbox: scoring the 164 canonical HumanEval solutions, answered as a model would (the
 * whole function in a ```python block), through the humaneval suite's scorer: extraction, the
 * sandbox, the score. Ladder's executor (bubblewrap, warm workers; and a fresh sandbox per
 * program) against a plain sequential, unsandboxed loop that starts `python3 -c <program>` per
 * problem, in the same run, several rounds interleaved. Each Ladder round uses a new executor,
 * so starting its workers is in the time. Target: Ladder faster than the plain loop.
 *
 *   npx -y pnpm@10 --filter @ladder/perf code-sandbox [-- --rounds 3 --workers 2 --data HumanEval.jsonl.gz]
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Sample } from '@ladder/core';
import { createExecutor, pythonFunctionTests, type ProgramExecutor } from '@ladder/scorers';
import { humaneval } from '@ladder/suites-code';
import { printTable } from '../shared/table.js';

function flag(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : (process.argv[index + 1] ?? fallback);
}

const rounds = Number(flag('rounds', '3'));
const workers = Number(flag('workers', String(availableParallelism())));
const dataPath = flag('data', fileURLToPath(new URL('../../../../shared/datasets/humaneval/HumanEval.jsonl.gz', import.meta.url)));
const { samples } = await humaneval.load({ baseDir: process.cwd(), dataPath });

/** What openai/human-eval runs: prompt + completion + test + check(entry_point). */
function plainProgram(sample: Sample): string {
  return `${String(sample.metadata.prompt)}${String(sample.metadata.canonicalSolution)}\n${String(sample.metadata.tests)}\n`;
}

function runPlain(python: string, source: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(python, ['-c', source], { stdio: ['ignore', 'ignore', 'ignore'] });
    child.on('error', () => resolve(false));
    child.on('close', (code) => resolve(code === 0));
  });
}

async function plainLoop(python: string): Promise<number> {
  let passed = 0;
  for (const sample of samples) if (await runPlain(python, plainProgram(sample))) passed += 1;
  return passed;
}

async function ladderScoring(executor: ProgramExecutor): Promise<number> {
  const scorer = pythonFunctionTests({ executor });
  const scores = await Promise.all(samples.map((sample) => scorer.score({ sample, output: humaneval.oracleAnswer?.(sample) ?? '' })));
  return scores.filter((score) => score.value === 1).length;
}

interface Configuration {
  name: string;
  sandboxed: string;
  workers: number;
  run(): Promise<number>;
}

const configurations: Configuration[] = [
  { name: 'plain loop: python3 -c per program (python3 on PATH)', sandboxed: 'no', workers: 1, run: () => plainLoop('python3') },
  { name: 'plain loop: /usr/bin/python3 -c per program', sandboxed: 'no', workers: 1, run: () => plainLoop('/usr/bin/python3') },
  { name: 'Ladder: bubblewrap, warm workers (default)', sandboxed: 'bubblewrap', workers, run: () => ladderScoring(createExecutor({ sandbox: 'bubblewrap', workers })) },
  { name: 'Ladder: bubblewrap, a sandbox per program', sandboxed: 'bubblewrap', workers, run: () => ladderScoring(createExecutor({ sandbox: 'bubblewrap', workers, warm: false })) },
];

const times = new Map<string, number[]>(configurations.map((configuration) => [configuration.name, []]));
const passedBy = new Map<string, number>();
for (let round = 0; round < rounds; round += 1) {
  for (const configuration of configurations) {
    const started = performance.now();
    const passed = await configuration.run();
    times.get(configuration.name)?.push((performance.now() - started) / 1000);
    passedBy.set(configuration.name, passed);
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const baseline = median(times.get(configurations[0]?.name ?? '') ?? []);
printTable(
  ['configuration', 'sandbox', 'workers', 'passed', `median s (${rounds} rounds)`, 'best s', 'plain python3 loop / this'],
  configurations.map((configuration) => {
    const measured = times.get(configuration.name) ?? [];
    return [
      configuration.name,
      configuration.sandboxed,
      String(configuration.workers),
      `${passedBy.get(configuration.name) ?? 0}/${samples.length}`,
      median(measured).toFixed(2),
      Math.min(...measured).toFixed(2),
      `${(baseline / median(measured)).toFixed(1)}x`,
    ];
  }),
);
const ladder = median(times.get(configurations[2]?.name ?? '') ?? []);
const plainSameInterpreter = median(times.get(configurations[1]?.name ?? '') ?? []);
if (!(ladder < baseline && ladder < plainSameInterpreter)) console.log('Ladder is not faster than the plain loops on this machine');
