/**
 * One scenario of the harness-overhead benchmark, in its own process so that its peak RSS is
 * its own: `tsx scenario.ts <fresh|resumed|cached> <work-dir> <samples>`. Prints one JSON line.
 */
import { readFileSync, writeFileSync } from 'node:fs';
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

const started = performance.now();
const prepared = await prepareSuite(syntheticSuite(size), { baseDir: '.' });
const plan = planRun({ suites: [prepared], models: [{ id: 'builtin/echo', model: createEchoModel(), concurrency: 8 }], seed: 0 });
const cacheDirectory = join(workDirectory, 'cache');
let directory = join(workDirectory, 'fresh');
let resume = false;
if (mode === 'resumed') {
  // The fresh run's journal cut in half mid-line, as a kill would leave it.
  directory = join(workDirectory, 'fresh');
  const journal = join(directory, 'samples.jsonl');
  const text = readFileSync(journal, 'utf8');
  writeFileSync(journal, text.slice(0, Math.floor(text.length / 2)));
  resume = true;
} else if (mode === 'cached') {
  directory = join(workDirectory, 'cached');
}
const result = await runPlan({ plan, directory, resume, cacheDirectory: mode === 'resumed' ? null : cacheDirectory });
await writeResults(directory);
const wallMs = performance.now() - started;
const executed = result.summary.executed;
console.log(
  JSON.stringify({
    mode,
    samples: size,
    executed,
    resumed: result.summary.resumed,
    cacheHits: result.summary.cacheHits,
    modelCalls: result.summary.modelCalls,
    wallMs: Math.round(wallMs),
    samplesPerSecond: Math.round(size / (wallMs / 1000)),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
