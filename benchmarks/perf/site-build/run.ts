/**
 * Site build: 20 models x 14 suites x 500 samples (140,000 samples in 2 run directories, written
 * here), then `buildSite` in its own process: read and aggregate the runs, the leaderboard
 * (ranks, win rates, macro averages, a paired delta), and the whole site (charts rendered to
 * SVG, 281 pages with every sample and its prompt verified against the run's sha256).
 * Target: under 10 s.
 *
 *   npx -y pnpm@10 --filter @ladder/perf site-build [-- --models 20 --samples 500 --runs 2]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { printTable, runScript } from '../shared/table.js';
import { writeSyntheticBoard } from './synthetic-board.js';

function flag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
}

interface Measurement {
  readMs: number;
  compareMs: number;
  siteMs: number;
  totalMs: number;
  cpuMs: number;
  pages: number;
  bytes: number;
  charts: number;
  promptsVerified: boolean;
  peakRssMb: number;
}

const models = flag('models', 20);
const samples = flag('samples', 500);
const runs = flag('runs', 2);
const workDirectory = mkdtempSync(join(tmpdir(), 'ladder-site-build-'));
try {
  const written = performance.now();
  const directories = writeSyntheticBoard({ directory: join(workDirectory, 'runs'), runs, models, samples });
  console.log(`Wrote ${runs} run directories (${models} models x 14 suites x ${samples} samples) in ${((performance.now() - written) / 1000).toFixed(1)} s.`);
  const rows: string[][] = [];
  for (const attempt of [1, 2, 3]) {
    const result = await runScript<Measurement>(new URL('./build.ts', import.meta.url).href, [join(workDirectory, 'site'), ...directories]);
    if (!result.promptsVerified) throw new Error('the prompts of the synthetic suites did not verify');
    rows.push([
      String(attempt),
      `${models} x 14 x ${samples}`,
      (result.readMs / 1000).toFixed(2),
      (result.compareMs / 1000).toFixed(2),
      (result.siteMs / 1000).toFixed(2),
      (result.totalMs / 1000).toFixed(2),
      (result.cpuMs / 1000).toFixed(2),
      String(result.pages),
      String(result.charts),
      (result.bytes / 1e6).toFixed(1),
      String(result.peakRssMb),
    ]);
  }
  printTable(['build', 'models x suites x samples', 'read s', 'leaderboard s', 'site s', 'total s', 'CPU s', 'pages', 'charts', 'MB written', 'peak RSS MB'], rows);
  console.log(`\nNode ${process.version}, ${process.platform}-${process.arch}, load average ${loadavg().map((value) => value.toFixed(1)).join(' ')}. Target: total under 10 s.`);
  console.log('CPU s: user + system time of the build process (it includes loading the modules); on a loaded machine the wall time exceeds it.');
} finally {
  rmSync(workDirectory, { recursive: true, force: true });
}
