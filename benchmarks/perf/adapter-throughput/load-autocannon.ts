/**
 * `load-autocannon.ts <url> <connections> <requests>`: autocannon against the fake server; prints
 * one JSON line. autocannon stops an `amount` run only at its next one-second tick, which would
 * understate its rate several times over: it runs for a fixed duration instead (as long as the
 * given number of requests would take at 4,000 requests/s, at least 2 s), timed by the wall clock.
 */
import autocannon from 'autocannon';
import { chatRequestBody } from './request.js';

const [url = '', connectionsText = '1', requestsText = '1000'] = process.argv.slice(2);
const load = (seconds: number) =>
  autocannon({
    url: `${url}/v1/chat/completions`,
    method: 'POST',
    connections: Number(connectionsText),
    duration: seconds,
    headers: { 'content-type': 'application/json', authorization: 'Bearer bench' },
    body: chatRequestBody(0),
  });
// Warm-up, as Ladder gets: connections open, code compiled.
await load(1);
const seconds = Math.max(2, Math.round(Number(requestsText) / 4000));
const started = performance.now();
const result = await load(seconds);
const wallMs = performance.now() - started;
console.log(
  JSON.stringify({
    requests: result['2xx'],
    errors: result.errors + result.non2xx,
    wallMs,
    requestsPerSecond: (result['2xx'] * 1000) / wallMs,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
