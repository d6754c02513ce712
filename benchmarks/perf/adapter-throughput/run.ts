/**
 * Adapter throughput and time-to-first-token accuracy against a local, instant
 * OpenAI-compatible server (@ladder/test-server):
 *
 * 1. Requests/s of Ladder (runner + OpenAI adapter, streaming, journal, no cache) beside a raw
 *    HTTP load generator (autocannon) sending the same streaming request, and beside the floor of
 *    any Node.js client (undici's request API reading each answer and JSON-parsing its events,
 *    nothing more), at concurrency 1, 16,
 *    64 and 256, each load generator in its own process, with its peak RSS. Each is warmed up
 *    first (500 requests: modules loaded, connections open, code compiled) and the two alternate
 *    for three rounds; the table shows each one's median round.
 * 2. Time to first token measured by Ladder beside a bare `fetch` client, interleaved, against a
 *    server that delays its first token by a known amount.
 *
 *   npx -y pnpm@10 --filter @ladder/perf adapter-throughput [-- --requests 4000]
 */
import { startFakeProvider } from '@ladder/test-server';
import { printTable, runScript } from '../shared/table.js';

interface LoadResult {
  requests: number;
  errors: number;
  wallMs: number;
  requestsPerSecond: number;
  peakRssMb: number;
}

interface TtftResult {
  delayMs: number;
  requests: number;
  ladderMedianMs: number;
  fetchMedianMs: number;
  medianDifferenceMs: number;
  ladderP90Ms: number;
  fetchP90Ms: number;
}

const requestsFlag = process.argv.indexOf('--requests');
const baseRequests = requestsFlag === -1 ? 4000 : Number(process.argv[requestsFlag + 1]);
const concurrencies = [1, 16, 64, 256];
const ROUNDS = 3;

/** The round with the median requests/s (its RSS is the largest of all rounds). */
function medianRound(results: LoadResult[]): LoadResult {
  const sorted = [...results].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  const median = sorted[Math.floor(sorted.length / 2)] as LoadResult;
  return { ...median, errors: results.reduce((total, result) => total + result.errors, 0), peakRssMb: Math.max(...results.map((result) => result.peakRssMb)) };
}

const instant = await startFakeProvider({ recordRequests: false });
const rows: string[][] = [];
try {
  for (const concurrency of concurrencies) {
    const requests = concurrency === 1 ? Math.round(baseRequests / 4) : baseRequests;
    // Alternate the two load generators, ROUNDS times each, and keep each one's median round:
    // a shared machine's noise hits both alike.
    const raws: LoadResult[] = [];
    const bares: LoadResult[] = [];
    const ladders: LoadResult[] = [];
    const args = [instant.url, String(concurrency), String(requests)];
    for (let round = 0; round < ROUNDS; round += 1) {
      raws.push(await runScript<LoadResult>(new URL('./load-autocannon.ts', import.meta.url).href, args));
      bares.push(await runScript<LoadResult>(new URL('./load-undici.ts', import.meta.url).href, args));
      ladders.push(await runScript<LoadResult>(new URL('./load-ladder.ts', import.meta.url).href, args));
    }
    const raw = medianRound(raws);
    const bare = medianRound(bares);
    const ladder = medianRound(ladders);
    const percent = (value: number) => `${((100 * value) / raw.requestsPerSecond).toFixed(0)}%`;
    rows.push([
      String(concurrency),
      raw.requestsPerSecond.toFixed(0),
      `${bare.requestsPerSecond.toFixed(0)} (${percent(bare.requestsPerSecond)})`,
      `${ladder.requestsPerSecond.toFixed(0)} (${percent(ladder.requestsPerSecond)})`,
      `${((100 * ladder.requestsPerSecond) / bare.requestsPerSecond).toFixed(0)}%`,
      String(raw.errors + bare.errors + ladder.errors),
      String(raw.peakRssMb),
      String(ladder.peakRssMb),
    ]);
  }
} finally {
  await instant.close();
}
printTable(['concurrency', 'autocannon req/s', 'bare undici req/s (of autocannon)', 'Ladder req/s (of autocannon)', 'Ladder / bare undici', 'errors', 'autocannon RSS MB', 'Ladder RSS MB'], rows);

const delays = [50, 200];
const ttftRows: string[][] = [];
for (const delayMs of delays) {
  const delayed = await startFakeProvider({ recordRequests: false, firstTokenDelayMs: delayMs });
  try {
    const result = await runScript<TtftResult>(new URL('./ttft.ts', import.meta.url).href, [delayed.url, '100', String(delayMs)]);
    ttftRows.push([
      String(delayMs),
      String(result.requests),
      result.fetchMedianMs.toFixed(2),
      result.ladderMedianMs.toFixed(2),
      result.medianDifferenceMs.toFixed(2),
      result.fetchP90Ms.toFixed(2),
      result.ladderP90Ms.toFixed(2),
    ]);
  } finally {
    await delayed.close();
  }
}
console.log('');
printTable(['first-token delay ms', 'requests', 'fetch TTFT p50 ms', 'Ladder TTFT p50 ms', 'difference ms', 'fetch p90 ms', 'Ladder p90 ms'], ttftRows);
console.log(`\nNode ${process.version}, ${process.platform}-${process.arch}. Targets: Ladder >= 80% of autocannon at concurrency 64; TTFT median within 2 ms of fetch.`);
