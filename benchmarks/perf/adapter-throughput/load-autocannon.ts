/** `load-autocannon.ts <url> <connections> <requests>`: autocannon against the fake server; prints one JSON line. */
import autocannon from 'autocannon';
import { chatRequestBody } from './request.js';

const [url = '', connectionsText = '1', requestsText = '1000'] = process.argv.slice(2);
const started = performance.now();
const result = await autocannon({
  url: `${url}/v1/chat/completions`,
  method: 'POST',
  connections: Number(connectionsText),
  amount: Number(requestsText),
  headers: { 'content-type': 'application/json', authorization: 'Bearer bench' },
  body: chatRequestBody(0),
});
const wallMs = performance.now() - started;
const completed = result.requests.sent;
console.log(
  JSON.stringify({
    requests: completed,
    errors: result.errors + result.non2xx,
    wallMs,
    requestsPerSecond: (result['2xx'] * 1000) / (result.duration * 1000),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
