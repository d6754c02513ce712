import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HubFile {
  bytes: Buffer;
  /** Kept in LFS: the resolve URL redirects to a storage host with `X-Linked-Etag` (the sha256); else it answers with the bytes and an `ETag` (the git blob id). */
  lfs: boolean;
  /** Gated: the hub answers 401 unless the request carries this token. */
  token?: string;
  /** What the hub claims as the checksum instead of the right one (a corrupted mirror). */
  wrongChecksum?: boolean;
}

export interface FakeHubRequest {
  method: string;
  url: string;
  host: 'hub' | 'storage';
  headers: IncomingHttpHeaders;
}

export interface FakeHub {
  /** The hub's endpoint, for HF_ENDPOINT (http://127.0.0.1:<port>). */
  endpoint: string;
  requests: FakeHubRequest[];
  close(): Promise<void>;
}

/** git's id of a file's contents. */
export function gitBlobId(bytes: Buffer): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/**
 * A local stand-in for the Hugging Face hub's file endpoint, on 127.0.0.1, as huggingface_hub
 * sees it: `/datasets/<repo>/resolve/<revision>/<path>` answers HEAD and GET; an LFS file is a
 * 302 to a storage host of another origin (`localhost`, where no Authorization header belongs)
 * with `X-Linked-Etag` and `X-Linked-Size`; a git file is a 200 with `ETag`. Unknown paths are
 * 404 `Entry not found`, as on the hub. `files` is keyed by `<repo>@<revision>/<path>`.
 */
export async function startFakeHub(files: Record<string, HubFile>): Promise<FakeHub> {
  const requests: FakeHubRequest[] = [];
  let port = 0;
  const server: Server = createServer((request, response) => {
    const url = request.url ?? '';
    const storage = url.startsWith('/storage/');
    requests.push({ method: request.method ?? 'GET', url, host: storage ? 'storage' : 'hub', headers: request.headers });
    const key = storage ? decodeURIComponent(url.slice('/storage/'.length)) : hubKey(url);
    const file = key === undefined ? undefined : files[key];
    if (file === undefined) {
      response.writeHead(404, { 'x-error-code': 'EntryNotFound' }).end('Entry not found');
      return;
    }
    if (storage) {
      response.writeHead(200, { 'content-length': file.bytes.length }).end(request.method === 'HEAD' ? undefined : file.bytes);
      return;
    }
    if (file.token !== undefined && request.headers.authorization !== `Bearer ${file.token}`) {
      response.writeHead(401, { 'x-error-code': 'GatedRepo' }).end('Access to this dataset is restricted');
      return;
    }
    const sha256 = createHash('sha256').update(file.wrongChecksum === true ? Buffer.from('other') : file.bytes).digest('hex');
    if (file.lfs) {
      response.writeHead(302, { location: `http://localhost:${port}/storage/${encodeURIComponent(key ?? '')}`, 'x-linked-etag': `"${sha256}"`, 'x-linked-size': String(file.bytes.length), etag: `"${gitBlobId(Buffer.from('pointer'))}"` }).end();
      return;
    }
    const blob = gitBlobId(file.wrongChecksum === true ? Buffer.from('other') : file.bytes);
    response.writeHead(200, { etag: `W/"${blob}"`, 'content-length': file.bytes.length }).end(request.method === 'HEAD' ? undefined : file.bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function hubKey(url: string): string | undefined {
  const match = /^\/datasets\/([^/]+\/[^/]+)\/resolve\/([^/]+)\/(.+)$/.exec(url.split('?')[0] ?? '');
  if (match === null) return undefined;
  return `${match[1]}@${match[2]}/${match[3]?.split('/').map(decodeURIComponent).join('/')}`;
}
