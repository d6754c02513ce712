import { join } from 'node:path';
import { UsageError } from '@ladder/core';
import { dataCacheDir, isOffline } from './data-dir.js';
import { downloadPinned } from './download-pinned.js';

export interface HubFileOptions {
  /** `owner/name` of the Hugging Face repository. */
  repo: string;
  /** A commit sha (40 hex digits): a branch name could move, so it is refused. */
  revision: string;
  /** The file's path inside the repository. */
  path: string;
  /** The expected sha256 of the file's bytes. */
  sha256: string;
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
  return downloadPinned({
    url: hubUrl({ ...options, environment }),
    sha256: options.sha256,
    cachePath: join(dataCacheDir(environment), ...options.repo.split('/'), options.revision, ...parts),
    name,
    offline: isOffline(environment),
    ...(token === undefined || token === '' ? {} : { headers: { authorization: `Bearer ${token}` } }),
  });
}
