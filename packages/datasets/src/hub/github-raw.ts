import { UsageError } from '@ladder/core';

/** `https://raw.githubusercontent.com/<repo>/<commit>/<path>`; `commit` must be a full sha. */
export function githubRawUrl(options: { repo: string; commit: string; path: string }): string {
  if (!/^[0-9a-f]{40}$/.test(options.commit)) throw new UsageError(`${options.repo}: "${options.commit}" must be a commit sha (40 hex digits)`);
  return `https://raw.githubusercontent.com/${options.repo}/${options.commit}/${options.path}`;
}
