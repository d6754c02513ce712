/**
 * `ttft.ts <url> <requests> <server delay ms>`: time to first token measured by Ladder (callModel: what goes into
 * timing.firstTokenMs) and by a bare fetch client reading the SSE stream, interleaved, against the
 * same server. Prints one JSON line with medians.
 */
import { resolveModel } from '@ladder/models';
import { callModel } from '@ladder/runner';
import { chatRequestBody } from './request.js';

const [url = '', requestsText = '100', delayText = '0'] = process.argv.slice(2);
const requests = Number(requestsText);
const model = await resolveModel('vllm/bench', { providers: { vllm: { baseURL: `${url}/v1` } } });

async function fetchFirstToken(index: number): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer bench' },
    body: chatRequestBody(index),
  });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  let first: number | undefined;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffered += decoder.decode(value, { stream: true });
    if (first === undefined && /"content":"[^"]/.test(buffered)) first = performance.now() - started;
  }
  if (first === undefined) throw new Error('no content in the stream');
  return first;
}

async function ladderFirstToken(index: number): Promise<number> {
  const answer = await callModel(model, {
    prompt: [{ role: 'user', content: `Repeat after me: item number ${index}.` }],
    settings: { maxOutputTokens: 64 },
    requestKey: String(index),
    timeoutMs: 30_000,
  });
  if (answer.timing.firstTokenMs === null) throw new Error('no first token');
  return answer.timing.firstTokenMs;
}

// Warm both clients' connections first.
await fetchFirstToken(-1);
await ladderFirstToken(-1);
const viaFetch: number[] = [];
const viaLadder: number[] = [];
for (let index = 0; index < requests; index += 1) {
  if (index % 2 === 0) {
    viaFetch.push(await fetchFirstToken(index));
    viaLadder.push(await ladderFirstToken(index));
  } else {
    viaLadder.push(await ladderFirstToken(index));
    viaFetch.push(await fetchFirstToken(index));
  }
}
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = sorted[Math.floor(position)] ?? 0;
  const high = sorted[Math.ceil(position)] ?? low;
  return low + (high - low) * (position - Math.floor(position));
};
const delayMs = Number(delayText);
console.log(
  JSON.stringify({
    delayMs,
    requests,
    ladderMedianMs: quantile(viaLadder, 0.5),
    fetchMedianMs: quantile(viaFetch, 0.5),
    medianDifferenceMs: quantile(viaLadder, 0.5) - quantile(viaFetch, 0.5),
    ladderP90Ms: quantile(viaLadder, 0.9),
    fetchP90Ms: quantile(viaFetch, 0.9),
  }),
);
