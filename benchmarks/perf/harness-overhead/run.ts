/**
 * Harness overhead: 100,000 samples through builtin/echo (no model time at all), so what is
 * measured is Ladder itself: planning, streaming, timing, scoring, journaling, caching and
 * results. Three scenarios, each in its own process: a fresh run (writing the cache), a resume
 * of that run from a journal cut in half, and a second run served fully from the cache.
 *
 *   npx -y pnpm@10 --filter @ladder/perf harness-overhead [-- --samples 100000]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printTable } from '../shared/table.js';

const here = dirname(fileURLToPath(import.meta.url));
const samplesFlag = process.argv.indexOf('--samples');
const samples = samplesFlag === -1 ? 100_000 : Number(process.argv[samplesFlag + 1]);
const workDirectory = mkdtempSync(join(tmpdir(), 'ladder-perf-'));
const tsx = join(here, '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');

interface Measurement {
  mode: string;
  samples: number;
  executed: number;
  resumed: number;
  cacheHits: number;
  modelCalls: number;
  wallMs: number;
  samplesPerSecond: number;
  peakRssMb: number;
}

const rows: Measurement[] = [];
try {
  for (const mode of ['fresh', 'resumed', 'cached']) {
    const output = execFileSync(process.execPath, [tsx, join(here, 'scenario.ts'), mode, workDirectory, String(samples)], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    rows.push(JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as Measurement);
  }
} finally {
  rmSync(workDirectory, { recursive: true, force: true });
}

const header = ['scenario', 'samples', 'asked', 'resumed', 'cache hits', 'wall s', 'samples/s', 'peak RSS MB'];
const table = rows.map((row) => [
  row.mode,
  String(row.samples),
  String(row.modelCalls),
  String(row.resumed),
  String(row.cacheHits),
  (row.wallMs / 1000).toFixed(2),
  String(row.samplesPerSecond),
  String(row.peakRssMb),
]);
printTable(header, table);
console.log(`\nNode ${process.version}, ${process.platform}-${process.arch}. Target: peak RSS under 300 MB for 100,000 samples.`);
