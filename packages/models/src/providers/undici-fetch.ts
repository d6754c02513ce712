import { Readable } from 'node:stream';
import type { Agent } from 'undici';

let client: Promise<{ agent: Agent; request: typeof import('undici').request }> | undefined;

/** undici, loaded on the first request (nobody who runs no provider model pays for it). */
function undiciClient() {
  client ??= import('undici').then(({ Agent, request }) => ({ agent: new Agent({ keepAliveTimeout: 30_000, connections: null }), request }));
  return client;
}

/**
 * A `fetch` for the provider SDKs on undici's `request` API, which does far less per request
 * than WHATWG `fetch` (no request cloning, no body teeing): at concurrency 64 against a local
 * server Node's built-in fetch alone cost more CPU than the whole rest of Ladder. Keep-alive
 * connections, no limit per origin; the caller's AbortSignal aborts the request.
 */
export const undiciFetch: typeof fetch = async (input, init) => {
  const { agent, request } = await undiciClient();
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const headers: Record<string, string> = {};
  new Headers(init?.headers).forEach((value, name) => {
    headers[name] = value;
  });
  const response = await request(url, {
    method: (init?.method ?? 'GET') as 'GET',
    headers,
    body: init?.body as string | Uint8Array | undefined,
    signal: init?.signal ?? undefined,
    dispatcher: agent,
  });
  const responseHeaders = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    if (Array.isArray(value)) for (const item of value) responseHeaders.append(name, item);
    else if (value !== undefined) responseHeaders.set(name, value);
  }
  const bodyless = response.statusCode === 204 || response.statusCode === 304 || init?.method === 'HEAD';
  if (bodyless) response.body.resume();
  return new Response(bodyless ? null : (Readable.toWeb(response.body) as ReadableStream<Uint8Array>), { status: response.statusCode, headers: responseHeaders });
};
