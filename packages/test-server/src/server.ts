import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultErrorMessage, type Dialect, type Pacing } from './dialect.js';
import { anthropicMessages } from './protocols/anthropic.js';
import { geminiGenerateContent } from './protocols/gemini.js';
import { listOpenAIModels, openaiChatCompletions } from './protocols/openai.js';
import { delayOf, sendBody, SSE_HEADERS } from './sse.js';
import type { FakeAnswer, FakeProvider, FakeProviderOptions, FakeRequest } from './types.js';

/**
 * The routing table: method, path pattern (matched against the path without its query;
 * named groups become `params`), and either a dialect (answers a prompt) or a static handler.
 * To add a protocol, write src/protocols/<name>.ts exporting a `Dialect` and add its line here:
 *
 *   { method: 'POST', pattern: /^\/v1\/messages$/, dialect: anthropicMessages },              // src/protocols/anthropic.ts
 *   { method: 'POST', pattern: /^\/v1beta\/models\/(?<model>[^/:]+):(?<action>streamGenerateContent|generateContent)$/,
 *     dialect: geminiGenerateContent },                                                         // src/protocols/gemini.ts
 */
type Route =
  | { method: 'GET' | 'POST'; pattern: RegExp; dialect: Dialect }
  | { method: 'GET' | 'POST'; pattern: RegExp; serve: (response: ServerResponse, url: URL) => void };

const ROUTES: Route[] = [
  { method: 'POST', pattern: /^\/v1\/chat\/completions$/, dialect: openaiChatCompletions },
  { method: 'POST', pattern: /^\/v1\/messages$/, dialect: anthropicMessages },
  { method: 'POST', pattern: /^\/v1beta\/models\/(?<model>[^/:]+):(?<action>streamGenerateContent|generateContent)$/, dialect: geminiGenerateContent },
  { method: 'GET', pattern: /^\/v1\/models$/, serve: listOpenAIModels },
];

const defaultAnswer = (request: FakeRequest): FakeAnswer => ({ text: `Answer: ${request.prompt}` });

/** Starts a fake LLM provider on 127.0.0.1 (port 0 by default: any free port). */
export async function startFakeProvider(options: FakeProviderOptions = {}): Promise<FakeProvider> {
  const requests: FakeRequest[] = [];
  const record = options.recordRequests !== false;
  let requestCount = 0;

  const handle = async (incoming: IncomingMessage, response: ServerResponse): Promise<void> => {
    const rawUrl = incoming.url ?? '/';
    const query = rawUrl.indexOf('?');
    const path = query === -1 ? rawUrl : rawUrl.slice(0, query);
    const found = findRoute(incoming.method ?? 'GET', path);
    if (found === undefined) {
      sendBody(response, 404, JSON.stringify({ error: { message: `Unknown request URL: ${incoming.method} ${path}`, type: 'invalid_request_error', param: null, code: 'unknown_url' } }));
      return;
    }
    const url = new URL(rawUrl, 'http://127.0.0.1');
    if ('serve' in found.route) {
      found.route.serve(response, url);
      return;
    }
    const dialect = found.route.dialect;
    const text = await readBody(incoming);
    let body: unknown;
    let parsed: ReturnType<Dialect['readRequest']>;
    try {
      body = JSON.parse(text);
      parsed = dialect.readRequest(body, found.params, url);
    } catch (error) {
      const message = error instanceof SyntaxError ? 'We could not parse the JSON body of your request.' : (error as Error).message;
      sendBody(response, 400, dialect.errorBody(400, message));
      return;
    }

    const request: FakeRequest = {
      index: requestCount,
      protocol: dialect.protocol,
      path,
      model: parsed.model,
      body,
      headers: headersOf(incoming),
      prompt: parsed.prompt,
      completed: false,
    };
    requestCount += 1;
    if (record) requests.push(request);
    const fault = options.fault?.(request);
    if (fault !== undefined) request.fault = fault;

    if (fault?.kind === 'status') {
      const headers: Record<string, string> = fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter };
      if (fault.body !== undefined && !fault.body.trimStart().startsWith('{')) headers['content-type'] = 'text/html; charset=utf-8';
      sendBody(response, fault.status, fault.body ?? dialect.errorBody(fault.status, fault.message ?? defaultErrorMessage(fault.status)), headers);
      return;
    }
    if (fault?.kind === 'hang') {
      if (fault.headers === true) {
        response.writeHead(200, parsed.stream ? SSE_HEADERS : { 'content-type': 'application/json' });
        response.flushHeaders();
      }
      return; // Nothing more, ever: close() or the client ends it.
    }

    const replayed = options.replay?.(request);
    if (replayed !== undefined) {
      response.writeHead(200, parsed.stream ? SSE_HEADERS : { 'content-type': 'application/json' });
      response.end(replayed, () => {
        request.completed = true;
      });
      return;
    }

    const pacing: Pacing = {
      firstTokenDelayMs: delayOf(options.firstTokenDelayMs, request),
      chunkDelayMs: options.chunkDelayMs ?? 0,
      tokensPerChunk: options.tokensPerChunk ?? 1,
    };
    const answer = (options.answer ?? defaultAnswer)(request);
    const sent = await dialect.respond({ request, response, answer, stream: parsed.stream, fault, pacing });
    request.completed = sent && fault === undefined;
  };

  const server = createServer((incoming, response) => {
    handle(incoming, response).catch((error: unknown) => {
      if (!response.headersSent) sendBody(response, 500, JSON.stringify({ error: { message: `fake provider bug: ${String(error)}` } }));
      else response.destroy();
    });
  });
  // Clients keep connections alive between requests; so do we, a little longer than undici's 4 s.
  server.keepAliveTimeout = 10_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get requestCount() {
      return requestCount;
    },
    close: () => {
      // Idempotent: a test may close early and again in its afterEach.
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function findRoute(method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(path);
    if (match !== null) return { route, params: { ...match.groups } };
  }
  return undefined;
}

function readBody(incoming: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => resolve(chunks.length === 1 ? (chunks[0] as Buffer).toString('utf8') : Buffer.concat(chunks).toString('utf8')));
    incoming.on('error', reject);
  });
}

function headersOf(incoming: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}
