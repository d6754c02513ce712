import { UsageError } from '@ladder/core';
import { hubFile } from './hub-file.js';

export interface HubUri {
  repo: string;
  revision: string;
  path: string;
}

const FORM = 'hf://datasets/<owner>/<name>@<commit>/<file>';

/** True for a `--data` value that names a file on the Hugging Face hub. */
export function isHubUri(value: string): boolean {
  return value.startsWith('hf://');
}

/**
 * `hf://datasets/<owner>/<name>@<commit>/<path>` (huggingface_hub's HfFileSystem form, with the
 * revision a commit sha so the data cannot change under a run) to its parts; a UsageError that
 * shows the form otherwise.
 */
export function parseHubUri(uri: string, option = '--data'): HubUri {
  const match = /^hf:\/\/datasets\/([^/@]+\/[^/@]+)(?:@([^/]*))?(?:\/(.*))?$/.exec(uri);
  if (match === null) throw new UsageError(`${option} ${uri}: write a hub file as ${FORM} (only dataset repositories)`);
  const [, repo = '', revision, path] = match;
  if (revision === undefined || revision === '') {
    throw new UsageError(`${option} ${uri}: name the commit, as ${FORM}: a branch such as main can move, and the data must not change under a run (the commit is on the dataset's "Files and versions" page)`);
  }
  if (!/^[0-9a-f]{40}$/.test(revision)) {
    throw new UsageError(`${option} ${uri}: "${revision}" is not a commit sha (40 hex digits); a branch or tag can move, and the data must not change under a run`);
  }
  if (path === undefined || path === '' || path.endsWith('/')) throw new UsageError(`${option} ${uri}: name one file after the commit, as ${FORM}`);
  return { repo, revision, path };
}

/**
 * The local path of the file an hf:// URI names: from the data cache, else downloaded there
 * (HF_ENDPOINT, HF_TOKEN, HF_HUB_OFFLINE and LADDER_DATA_DIR apply) and checked against the
 * checksum the hub gives for it.
 */
export function hubData(uri: string, options: { option?: string; environment?: NodeJS.ProcessEnv } = {}): Promise<string> {
  const { repo, revision, path } = parseHubUri(uri, options.option);
  return hubFile({ repo, revision, path, name: `${options.option ?? '--data'} ${uri}`, ...(options.environment === undefined ? {} : { environment: options.environment }) });
}
