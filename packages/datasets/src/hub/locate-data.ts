import { cachedSuiteFile } from './suite-file.js';

/** A file in a public GitHub repository at a pinned commit, with the sha256 of its bytes. */
export interface PinnedGithubFile {
  repo: string;
  commit: string;
  path: string;
  sha256: string;
}

export interface LocateDataOptions {
  /** The suite id: the folder under the data directory and the name in error messages. */
  suite: string;
  /** The file name under `<data dir>/<suite>/`. */
  file: string;
  /** `--data <path>`, when given. */
  dataPath?: string | undefined;
  /** Where to download the file from when there is no local copy. */
  source: PinnedGithubFile;
  environment?: NodeJS.ProcessEnv;
}

/**
 * Where a suite reads its data, in this order:
 * 1. `--data <path>`;
 * 2. `<LADDER_DATA_DIR or ~/.cache/ladder/data>/<suite>/<file>`;
 * 3. a download of the pinned source into that same place, checked against its sha256.
 * Without network, step 3 fails with one line naming the URL, the place and `--data`.
 */
export async function locateData(options: LocateDataOptions): Promise<string> {
  if (options.dataPath !== undefined) return options.dataPath;
  return cachedSuiteFile({ suite: options.suite, name: options.file, source: options.source, environment: options.environment ?? process.env });
}
