import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
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
 *
 * The answer is a `Response` in all the SDKs read of one (`ok`, `status`, `url`, `headers`,
 * `body`, `text()`, `json()`), not a WHATWG Response: its body is undici's Node stream, which
 * the SDKs iterate as an async iterable (they accept any), so no web stream is built per request.
 */
export const undiciFetch: typeof fetch = async (input, init) => {
  const { agent, request } = await undiciClient();
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const response = await request(url, {
    method: (init?.method ?? 'GET') as 'GET',
    headers: plainHeaders(init?.headers),
    body: init?.body as string | Uint8Array | undefined,
    signal: init?.signal ?? undefined,
    dispatcher: agent,
  });
  const bodyless = response.statusCode === 204 || response.statusCode === 304 || init?.method === 'HEAD';
  if (bodyless) response.body.resume();
  return new StreamedResponse({ url, status: response.statusCode, headers: response.headers, body: bodyless ? null : response.body }) as unknown as Response;
};

/** Request headers as undici takes them, from any `HeadersInit` (the SDKs pass a Headers, a record or pairs). */
function plainHeaders(init: RequestInit['headers']): Record<string, string> {
  const headers: Record<string, string> = {};
  if (init === undefined) return headers;
  const pairs: Iterable<readonly [string, string]> =
    init instanceof Headers || Array.isArray(init) ? (init as Iterable<[string, string]>) : Object.entries(init as Record<string, string>);
  for (const [name, value] of pairs) headers[name.toLowerCase()] = value;
  return headers;
}

/** The headers of a response, read-only, with the lookups of WHATWG `Headers` (names case-insensitive, lists joined by ", "). */
export class ResponseHeaders implements Iterable<[string, string]> {
  private readonly values = new Map<string, string>();

  constructor(raw: IncomingHttpHeaders) {
    for (const name in raw) {
      const value = raw[name];
      if (value === undefined) continue;
      this.values.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : value);
    }
  }

  get(name: string): string | null {
    return this.values.get(name.toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    return this.values.has(name.toLowerCase());
  }

  forEach(callback: (value: string, name: string, headers: ResponseHeaders) => void): void {
    for (const [name, value] of this.entries()) callback(value, name, this);
  }

  *entries(): IterableIterator<[string, string]> {
    yield* [...this.values.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  *keys(): IterableIterator<string> {
    for (const [name] of this.entries()) yield name;
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }
}

/** What the SDKs use of a fetch `Response`, over a Node stream. */
export class StreamedResponse {
  readonly url: string;
  readonly status: number;
  readonly statusText = '';
  readonly ok: boolean;
  readonly redirected = false;
  readonly type = 'basic';
  readonly headers: ResponseHeaders;
  readonly body: Readable | null;
  private used = false;

  constructor(options: { url: string; status: number; headers: IncomingHttpHeaders; body: Readable | null }) {
    this.url = options.url;
    this.status = options.status;
    this.ok = options.status >= 200 && options.status < 300;
    this.headers = new ResponseHeaders(options.headers);
    this.body = options.body;
  }

  get bodyUsed(): boolean {
    return this.used;
  }

  async text(): Promise<string> {
    if (this.used) throw new TypeError('Body is unusable: Body has already been read');
    this.used = true;
    if (this.body === null) return '';
    const chunks: Buffer[] = [];
    for await (const chunk of this.body) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
    return Buffer.concat(chunks).toString('utf8');
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = Buffer.from(await this.text(), 'utf8');
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }
}
