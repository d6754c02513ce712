import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError, redactSecrets } from '@ladder/core';
import { dataCacheDir, isOffline } from './data-dir.js';
import { describeFetchError, downloadPinned } from './download-pinned.js';

export interface HubFileOptions {
  /** `owner/name` of the Hugging Face repository. */
  repo: string;
  /** A commit sha (40 hex digits): a branch name could move, so it is refused. */
  revision: string;
  /** The file's path inside the repository. */
  path: string;
  /** The expected sha256 of the file's bytes; without it, the checksum the hub gives for the file (see hubChecksum). */
  sha256?: string;
  repoType?: 'dataset';
  /** Who asks, for error messages (a suite id). */
  name?: string;
  /** Defaults to `process.env` (`HF_ENDPOINT`, `HF_TOKEN`, `LADDER_DATA_DIR`). */
  environment?: NodeJS.ProcessEnv;
}

/** The endpoint huggingface_hub uses: `HF_ENDPOINT`, else https://huggingface.co. */
export function hubEndpoint(environment: NodeJS.ProcessEnv = process.env): string {
  const configured = environment.HF_ENDPOINT?.trim();
  return (configured === undefined || configured === '' ? 'https://huggingface.co' : configured).replace(/\/+$/, '');
}

/** `<endpoint>/datasets/<repo>/resolve/<revision>/<path>`. */
export function hubUrl(options: Pick<HubFileOptions, 'repo' | 'revision' | 'path' | 'environment'>): string {
  const path = options.path.split('/').map(encodeURIComponent).join('/');
  return `${hubEndpoint(options.environment)}/datasets/${options.repo}/resolve/${options.revision}/${path}`;
}

/**
 * A file of a Hugging Face dataset repository at a pinned commit, as a local path: from the cache
 * (`<data dir>/<repo>/<revision>/<path>`) or else downloaded there and checked against `sha256`.
 * Sends `Authorization: Bearer $HF_TOKEN` when `HF_TOKEN` is set.
 */
export async function hubFile(options: HubFileOptions): Promise<string> {
  const environment = options.environment ?? process.env;
  const name = options.name ?? options.repo;
  if ((options.repoType ?? 'dataset') !== 'dataset') throw new UsageError(`${name}: only dataset repositories are supported`);
  if (!/^[\w.-]+\/[\w.-]+$/.test(options.repo)) throw new UsageError(`${name}: "${options.repo}" is not a hub repository id (owner/name)`);
  if (!/^[0-9a-f]{40}$/.test(options.revision)) {
    throw new UsageError(`${name}: revision "${options.revision}" of ${options.repo} must be a commit sha (40 hex digits), so the data cannot change under a run`);
  }
  const parts = options.path.split('/');
  if (parts.some((part) => part === '' || part === '.' || part === '..')) throw new UsageError(`${name}: "${options.path}" is not a plain path inside ${options.repo}`);
  const token = environment.HF_TOKEN?.trim();
  const headers: Record<string, string> = token === undefined || token === '' ? {} : { authorization: `Bearer ${token}` };
  const url = hubUrl({ ...options, environment });
  const cachePath = join(dataCacheDir(environment), ...options.repo.split('/'), options.revision, ...parts);
  const offline = isOffline(environment);
  if (existsSync(cachePath)) return cachePath;
  const expected = options.sha256 !== undefined ? { sha256: options.sha256 } : offline ? {} : await hubChecksum(url, headers, name, cachePath);
  return downloadPinned({ url, ...expected, cachePath, name, offline, headers });
}

/**
 * The checksum the hub gives for a file, as huggingface_hub reads it (a HEAD request that does not
 * follow the redirect to the storage host): `X-Linked-Etag`, the sha256 of an LFS file, else
 * `ETag`, the git blob id of a file kept in git. A 401/403 or 404 is a one-line error saying what
 * to do.
 */
async function hubChecksum(url: string, headers: Record<string, string>, name: string, cachePath: string): Promise<{ sha256: string } | { gitBlobSha1: string }> {
  const fail = (reason: string) => new UsageError(redactSecrets(`${name}: could not download ${url} (${reason}); with no network, put the file at ${cachePath} or pass --data <file>`));
  let response: Response;
  try {
    response = await fetch(url, { method: 'HEAD', headers, redirect: 'manual', signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    throw fail(describeFetchError(error, 30_000));
  }
  if (response.status === 401 || response.status === 403) {
    throw new UsageError(`${name}: ${url} answered HTTP ${response.status}: a gated or private dataset needs HF_TOKEN set to a token of an account that has accepted its terms`);
  }
  if (response.status === 404) throw new UsageError(`${name}: ${url}: no such file at that commit (HTTP 404); check the repository, the commit and the path`);
  if (response.status >= 400) throw fail(`HTTP ${response.status}`);
  const tag = normalizeEtag(response.headers.get('x-linked-etag') ?? response.headers.get('etag'));
  if (tag !== undefined && /^[0-9a-f]{64}$/.test(tag)) return { sha256: tag };
  if (tag !== undefined && /^[0-9a-f]{40}$/.test(tag)) return { gitBlobSha1: tag };
  throw new UsageError(`${name}: the hub gave no checksum (X-Linked-Etag or ETag) for ${url}, so its download cannot be checked; download it yourself and pass --data <file>`);
}

/** `W/"abc"` and `"abc"` to `abc`, lower case. */
function normalizeEtag(value: string | null): string | undefined {
  if (value === null) return undefined;
  return value.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1').toLowerCase();
}
