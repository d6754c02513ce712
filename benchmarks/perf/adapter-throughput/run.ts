/**
 * Adapter throughput and time-to-first-token accuracy against a local, instant
 * OpenAI-compatible server (@ladder/test-server):
 *
 * 1. Requests/s of Ladder (runner + OpenAI adapter, streaming, journal, no cache) beside a raw
 *    HTTP load generator (autocannon) sending the same streaming request, at concurrency 1, 16,
 *    64 and 256, each load generator in its own process, with its peak RSS.
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

const instant = await startFakeProvider({ recordRequests: false });
const rows: string[][] = [];
try {
  for (const concurrency of concurrencies) {
    const requests = concurrency === 1 ? Math.round(baseRequests / 4) : baseRequests;
    const raw = await runScript<LoadResult>(new URL('./load-autocannon.ts', import.meta.url).href, [instant.url, String(concurrency), String(requests)]);
    const ladder = await runScript<LoadResult>(new URL('./load-ladder.ts', import.meta.url).href, [instant.url, String(concurrency), String(requests)]);
    rows.push([
      String(concurrency),
      String(requests),
      raw.requestsPerSecond.toFixed(0),
      ladder.requestsPerSecond.toFixed(0),
      `${((100 * ladder.requestsPerSecond) / raw.requestsPerSecond).toFixed(0)}%`,
      String(raw.errors + ladder.errors),
      String(raw.peakRssMb),
      String(ladder.peakRssMb),
    ]);
  }
} finally {
  await instant.close();
}
printTable(['concurrency', 'requests', 'autocannon req/s', 'Ladder req/s', 'Ladder / raw', 'errors', 'autocannon RSS MB', 'Ladder RSS MB'], rows);

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
