import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResponseHeaders, undiciFetch } from './undici-fetch.js';

describe('undiciFetch', () => {
  let url = '';
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      if (request.url === '/empty') {
        response.writeHead(204).end();
        return;
      }
      response.writeHead(request.url === '/fail' ? 503 : 200, { 'content-type': 'application/json', 'x-seen-auth': request.headers.authorization ?? '', 'Set-Cookie': ['a=1', 'b=2'] });
      response.end(JSON.stringify({ method: request.method, body }));
    });
  });

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends the method, headers (a Headers, a record or pairs) and body, and reads status, headers and JSON', async () => {
    for (const headers of [new Headers({ Authorization: 'Bearer k' }), { Authorization: 'Bearer k' }, [['Authorization', 'Bearer k']] as [string, string][]]) {
      const response = await undiciFetch(`${url}/echo`, { method: 'POST', headers, body: 'hello' });
      expect(response.ok).toBe(true);
      expect(response.status).toBe(200);
      expect(response.headers.get('X-Seen-Auth')).toBe('Bearer k');
      expect(response.headers.get('set-cookie')).toBe('a=1, b=2');
      expect(await response.json()).toEqual({ method: 'POST', body: 'hello' });
    }
  });

  it('reads an error body once as text, streams a body as an async iterable, and has no body for 204', async () => {
    const failed = await undiciFetch(`${url}/fail`, { method: 'POST' });
    expect(failed.ok).toBe(false);
    expect(failed.status).toBe(503);
    expect(JSON.parse(await failed.text())).toEqual({ method: 'POST', body: '' });
    await expect(failed.text()).rejects.toThrow(/already been read/);
    const streamed = await undiciFetch(`${url}/echo`);
    let text = '';
    for await (const chunk of streamed.body as unknown as AsyncIterable<Buffer>) text += chunk.toString('utf8');
    expect(JSON.parse(text)).toEqual({ method: 'GET', body: '' });
    expect((await undiciFetch(`${url}/empty`)).body).toBeNull();
  });

  it('gives headers that a WHATWG Response accepts, sorted like Headers', () => {
    const headers = new ResponseHeaders({ 'x-b': '2', 'content-type': 'text/plain', 'x-a': ['1', '3'] });
    expect([...headers]).toEqual([['content-type', 'text/plain'], ['x-a', '1, 3'], ['x-b', '2']]);
    expect(new Response('x', { headers: headers as unknown as ConstructorParameters<typeof Headers>[0] }).headers.get('x-a')).toBe('1, 3');
    expect(headers.has('X-B')).toBe(true);
  });
});
