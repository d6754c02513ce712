/**
 * `load-ladder.ts <url> <concurrency> <requests>`: the same requests through Ladder's runner and
 * its OpenAI-compatible adapter (streaming, timing, scoring, journal; no cache). Prints one JSON line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sample, Suite } from '@ladder/core';
import { resolveModel } from '@ladder/models';
import { planRun, prepareSuite, runPlan } from '@ladder/runner';

const [url = '', concurrencyText = '1', requestsText = '1000'] = process.argv.slice(2);
const requests = Number(requestsText);
const WARMUP_REQUESTS = 500;

function benchSuite(count: number): Suite {
  const samples: Sample[] = Array.from({ length: count }, (_, index) => ({
    id: `s${index}`,
    input: `Repeat after me: item number ${index}.`,
    targets: ['x'],
    metadata: {},
  }));
  return {
    id: 'bench',
    version: '1',
    capabilities: ['language'],
    generation: { maxOutputTokens: 64 },
    repeats: 1,
    load: async () => ({ samples, sha256: '0'.repeat(64), source: 'memory' }),
    prompt: (sample) => [{ role: 'user', content: String(sample.input) }],
    scorer: { name: 'exact', metric: { name: 'accuracy', kind: 'proportion' }, score: ({ output }) => ({ value: output === 'x' ? 1 : 0 }) },
  };
}

const directory = mkdtempSync(join(tmpdir(), 'ladder-throughput-'));
try {
  const model = await resolveModel('vllm/bench', { providers: { vllm: { baseURL: `${url}/v1` } } });
  const concurrency = Number(concurrencyText);
  const runOnce = async (count: number, name: string) => {
    const prepared = await prepareSuite(benchSuite(count), { baseDir: '.' });
    const plan = planRun({ suites: [prepared], models: [{ id: 'vllm/bench', model, concurrency }], seed: 0 });
    return runPlan({ plan, directory: join(directory, name), cacheDirectory: null, retry: { maxAttempts: 1 } });
  };
  // Warm-up, as autocannon gets: the SDK and undici loaded, connections open, code compiled.
  await runOnce(WARMUP_REQUESTS, 'warmup');
  const started = performance.now();
  const { summary } = await runOnce(requests, 'run');
  const wallMs = performance.now() - started;
  const errors = Object.entries(summary.byStatus).reduce((total, [status, count]) => (status === 'ok' || status === 'format_error' ? total : total + count), 0);
  console.log(
    JSON.stringify({
      requests: summary.executed,
      errors,
      wallMs,
      requestsPerSecond: (summary.executed * 1000) / wallMs,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
} finally {
  rmSync(directory, { recursive: true, force: true });
}
