import { UsageError } from '@ladder/core';

/**
 * `https://raw.githubusercontent.com/<repo>/<commit>/<path>`; `commit` must be a full sha.
 * `LADDER_GITHUB_RAW_ENDPOINT` replaces the host (a mirror, or a local server in tests).
 */
export function githubRawUrl(options: { repo: string; commit: string; path: string }, environment: NodeJS.ProcessEnv = process.env): string {
  if (!/^[0-9a-f]{40}$/.test(options.commit)) throw new UsageError(`${options.repo}: "${options.commit}" must be a commit sha (40 hex digits)`);
  const endpoint = (environment['LADDER_GITHUB_RAW_ENDPOINT'] ?? 'https://raw.githubusercontent.com').replace(/\/+$/, '');
  return `${endpoint}/${options.repo}/${options.commit}/${options.path}`;
}
