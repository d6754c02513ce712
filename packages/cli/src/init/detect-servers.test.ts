import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { detectLocalServers, localProbes, modelIdsOf, type LocalProbe } from './detect-servers.js';

const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done))));
});

/** A local HTTP server on port 0; returns its origin. */
async function serve(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function probe(provider: string, baseURL: string, extra: Partial<LocalProbe> = {}): LocalProbe {
  return { provider, label: provider, baseURL, defaultBaseURL: 'http://127.0.0.1:1/v1', ...extra };
}

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

describe('detectLocalServers', () => {
  it('lists the models of a server that answers /v1/models like vLLM, and like llama.cpp', async () => {
    const vllm = await serve((request, response) => {
      if (request.url === '/v1/models') json(response, 200, { object: 'list', data: [{ id: 'Qwen/Qwen2.5-0.5B-Instruct', object: 'model', owned_by: 'vllm' }, { id: 'tiny', object: 'model' }] });
      else json(response, 404, { error: 'not found' });
    });
    const llamacpp = await serve((request, response) => {
      if (request.url === '/v1/models') {
        json(response, 200, { models: [{ name: '/models/stories260K.gguf', model: '/models/stories260K.gguf' }], object: 'list', data: [{ id: '/models/stories260K.gguf', object: 'model' }] });
      } else json(response, 404, {});
    });
    const found = await detectLocalServers({ probes: [probe('vllm', `${vllm}/v1`), probe('llamacpp', `${llamacpp}/v1`)], timeoutMs: 10_000 });
    expect(found).toEqual([
      { provider: 'vllm', label: 'vllm', baseURL: `${vllm}/v1`, customBaseURL: true, models: ['Qwen/Qwen2.5-0.5B-Instruct', 'tiny'] },
      { provider: 'llamacpp', label: 'llamacpp', baseURL: `${llamacpp}/v1`, customBaseURL: true, models: ['stories260K.gguf'] },
    ]);
  });

  it("merges Ollama's /api/tags with its /v1/models", async () => {
    const ollama = await serve((request, response) => {
      if (request.url === '/api/tags') json(response, 200, { models: [{ name: 'llama3.2:latest', model: 'llama3.2:latest' }, { name: 'qwen3:0.6b' }] });
      else if (request.url === '/v1/models') json(response, 200, { object: 'list', data: [{ id: 'llama3.2:latest' }] });
      else json(response, 404, {});
    });
    const [server] = await detectLocalServers({ probes: [probe('ollama', `${ollama}/v1`, { tagsURL: `${ollama}/api/tags` })], timeoutMs: 10_000 });
    expect(server?.models).toEqual(['llama3.2:latest', 'qwen3:0.6b']);
  });

  it('sends a set key variable to the server as a bearer token, and reports a 401 without models', async () => {
    const seen: Array<string | undefined> = [];
    const guarded = await serve((request, response) => {
      seen.push(request.headers.authorization);
      if (request.headers.authorization === 'Bearer local-key') json(response, 200, { data: [{ id: 'm' }] });
      else json(response, 401, { error: 'unauthorized' });
    });
    const withKey = await detectLocalServers({ probes: [probe('vllm', `${guarded}/v1`, { apiKeyEnv: ['VLLM_API_KEY'] })], env: { VLLM_API_KEY: 'local-key' }, timeoutMs: 10_000 });
    expect(withKey[0]?.models).toEqual(['m']);
    const without = await detectLocalServers({ probes: [probe('vllm', `${guarded}/v1`, { apiKeyEnv: ['VLLM_API_KEY'] })], env: {}, timeoutMs: 10_000 });
    expect(without[0]).toMatchObject({ models: [], problem: 'answered HTTP 401 (needs a key)' });
    expect(seen).toEqual(['Bearer local-key', undefined]);
  });

  it('returns at once when nothing listens, and within the timeout when a server never answers', async () => {
    const port = await closedPort();
    let started = Date.now();
    expect(await detectLocalServers({ probes: [probe('vllm', `http://127.0.0.1:${port}/v1`)], timeoutMs: 500 })).toEqual([]);
    expect(Date.now() - started).toBeLessThan(3000);

    const silent = await serve(() => {
      // accepts the request and never answers
    });
    started = Date.now();
    expect(await detectLocalServers({ probes: [probe('sglang', `${silent}/v1`), probe('vllm', `http://127.0.0.1:${port}/v1`)], timeoutMs: 200 })).toEqual([]);
    expect(Date.now() - started).toBeLessThan(4000);
    for (const server of servers) server.closeAllConnections();
  });

  it('ignores a server whose answer is not a model list, without throwing', async () => {
    const html = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html>hello</html>');
    });
    const [server] = await detectLocalServers({ probes: [probe('vllm', `${html}/v1`)], timeoutMs: 10_000 });
    expect(server?.models).toEqual([]);
  });
});

describe('localProbes', () => {
  it("probes each local preset at its default address, or at <NAME>_BASE_URL", () => {
    const probes = localProbes({ env: { VLLM_BASE_URL: 'http://gpu-box:9000/v1/' } });
    expect(probes.map((entry) => entry.provider)).toEqual(['vllm', 'sglang', 'ollama', 'llamacpp']);
    expect(probes[0]).toMatchObject({ baseURL: 'http://gpu-box:9000/v1', defaultBaseURL: 'http://127.0.0.1:8000/v1' });
    expect(probes.find((entry) => entry.provider === 'ollama')).toMatchObject({ baseURL: 'http://127.0.0.1:11434/v1', tagsURL: 'http://127.0.0.1:11434/api/tags' });
  });
});

describe('modelIdsOf', () => {
  it('reads OpenAI, llama.cpp and Ollama lists and drops control characters', () => {
    expect(modelIdsOf({ data: [{ id: 'a' }, { id: 3 }, null] })).toEqual(['a']);
    expect(modelIdsOf({ models: [{ name: 'b' }, { model: 'c' }] })).toEqual(['b', 'c']);
    expect(modelIdsOf({ data: [{ id: "x\n'); evil //" }] })).toEqual(["x'); evil //"]);
    expect(modelIdsOf('nope')).toEqual([]);
  });
});
