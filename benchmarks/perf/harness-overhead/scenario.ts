/**
 * One scenario of the harness-overhead benchmark, in its own process so that its peak RSS is
 * its own: `tsx scenario.ts <fresh|resumed|cached> <work-dir> <samples>`. Prints one JSON line.
 */
import { statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import type { Sample, Suite } from '@ladder/core';
import { createEchoModel } from '@ladder/models';
import { writeResults } from '@ladder/report';
import { planRun, prepareSuite, runPlan } from '@ladder/runner';

const [mode = 'fresh', workDirectory = '.', sizeText = '100000'] = process.argv.slice(2);
const size = Number(sizeText);

function syntheticSuite(count: number): Suite {
  const samples: Sample[] = [];
  for (let index = 0; index < count; index += 1) {
    samples.push({ id: `s${index}`, input: `Repeat after me: item number ${index}.`, targets: [`Repeat after me: item number ${index}.`], metadata: {} });
  }
  return {
    id: 'synthetic-echo',
    version: '1',
    capabilities: ['language'],
    generation: {},
    repeats: 1,
    async load() {
      return { samples, sha256: '0'.repeat(64), source: 'memory' };
    },
    prompt: (sample) => [{ role: 'user', content: String(sample.input) }],
    scorer: {
      name: 'exact',
      metric: { name: 'accuracy', kind: 'proportion' },
      score: ({ sample, output }) => ({ value: output === sample.targets[0] ? 1 : 0, answer: output }),
    },
  };
}

/** Runs the scenario; returns only counts, so the suite and plan are garbage before results are written. */
async function run(): Promise<{ directory: string; summary: Awaited<ReturnType<typeof runPlan>>['summary'] }> {
  const prepared = await prepareSuite(syntheticSuite(size), { baseDir: '.' });
  const plan = planRun({ suites: [prepared], models: [{ id: 'builtin/echo', model: createEchoModel(), concurrency: 8 }], seed: 0 });
  const cacheDirectory = join(workDirectory, 'cache');
  let directory = join(workDirectory, 'fresh');
  let resume = false;
  if (mode === 'resumed') {
    // The fresh run's journal cut in half mid-line, as a kill would leave it.
    const journal = join(directory, 'samples.jsonl');
    truncateSync(journal, Math.floor(statSync(journal).size / 2));
    resume = true;
  } else if (mode === 'cached') {
    directory = join(workDirectory, 'cached');
  }
  const { summary } = await runPlan({ plan, directory, resume, cacheDirectory: mode === 'resumed' ? null : cacheDirectory });
  return { directory, summary };
}

const started = performance.now();
const { directory, summary } = await run();
await writeResults(directory);
const wallMs = performance.now() - started;
console.log(
  JSON.stringify({
    mode,
    samples: size,
    executed: summary.executed,
    resumed: summary.resumed,
    cacheHits: summary.cacheHits,
    modelCalls: summary.modelCalls,
    wallMs: Math.round(wallMs),
    samplesPerSecond: Math.round(size / (wallMs / 1000)),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
