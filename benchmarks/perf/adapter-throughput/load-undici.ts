/**
 * `load-undici.ts <url> <concurrency> <requests>`: the floor for any Node.js client: the same
 * streaming requests on undici's `request` API (Ladder's transport), each answer read to its
 * end and every SSE event JSON-parsed, and nothing else (no SDK, runner, scoring or journal).
 * Prints one JSON line.
 */
import { Agent, request } from 'undici';
import { chatRequestBody } from './request.js';

const [url = '', concurrencyText = '1', requestsText = '1000'] = process.argv.slice(2);
const agent = new Agent({ keepAliveTimeout: 30_000, connections: null });
const body = chatRequestBody(0);
let errors = 0;

async function one(): Promise<void> {
  const response = await request(`${url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer bench' },
    body,
    dispatcher: agent,
  });
  if (response.statusCode !== 200) errors += 1;
  let pending = '';
  for await (const chunk of response.body) {
    pending += (chunk as Buffer).toString('utf8');
    let end = pending.indexOf('\n\n');
    while (end !== -1) {
      const data = pending.slice(pending.indexOf('data: ') + 6, end);
      if (data !== '[DONE]') JSON.parse(data);
      pending = pending.slice(end + 2);
      end = pending.indexOf('\n\n');
    }
  }
}

async function load(count: number): Promise<void> {
  let left = count;
  const worker = async () => {
    while (left > 0) {
      left -= 1;
      await one();
    }
  };
  await Promise.all(Array.from({ length: Number(concurrencyText) }, worker));
}

await load(500);
const requests = Number(requestsText);
const started = performance.now();
await load(requests);
const wallMs = performance.now() - started;
await agent.close();
console.log(JSON.stringify({ requests, errors, wallMs, requestsPerSecond: (requests * 1000) / wallMs, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
