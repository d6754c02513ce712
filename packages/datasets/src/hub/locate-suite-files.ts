import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '@ladder/core';
import { dataCacheDir } from './data-dir.js';
import { cachedSuiteFile } from './suite-file.js';

/** A file a suite needs: its name in the suite's folder, and where to download it at a pinned commit. */
export interface PinnedSuiteFile {
  name: string;
  repo: string;
  commit: string;
  path: string;
  sha256: string;
}

export interface LocateSuiteFilesOptions {
  /** The suite id: the folder under the data directory and the name in error messages. */
  suite: string;
  files: readonly PinnedSuiteFile[];
  /** `--data <folder>`, when given: a folder holding the files under their names. */
  dataPath?: string | undefined;
  environment?: NodeJS.ProcessEnv;
}

/**
 * The paths of a multi-file suite's data (a source and its references), in the order of `files`,
 * taken from, in this order:
 * 1. `--data <folder>`: the files under their names in that folder (not checked against sha256:
 *    it is the user's copy; the manifest records the hashes of what was read);
 * 2. `<LADDER_DATA_DIR or ~/.cache/ladder/data>/<suite>/`;
 * 3. a download of each missing file from GitHub at its pinned commit into that folder, each
 *    checked against its sha256 before it is kept.
 * Failures are one line naming the folder to put the files in.
 */
export async function locateSuiteFiles(options: LocateSuiteFilesOptions): Promise<string[]> {
  const names = options.files.map((file) => file.name).join(', ');
  if (options.dataPath !== undefined) {
    const folder = options.dataPath;
    if (!existsSync(folder)) throw new UsageError(`--data ${folder}: no such folder; ${options.suite} reads a folder holding ${names}`);
    if (!statSync(folder).isDirectory()) throw new UsageError(`--data ${folder}: is a file; ${options.suite} reads a folder holding ${names}`);
    return options.files.map((file) => {
      const path = join(folder, file.name);
      if (!existsSync(path)) throw new UsageError(`--data ${folder}: has no ${file.name}; ${options.suite} reads a folder holding ${names}`);
      return path;
    });
  }
  const environment = options.environment ?? process.env;
  const folder = join(dataCacheDir(environment), options.suite);
  const paths: string[] = [];
  for (const file of options.files) {
    try {
      paths.push(await cachedSuiteFile({ suite: options.suite, name: file.name, source: file, environment }));
    } catch (error) {
      if (!UsageError.isInstance(error) || !/could not download/.test(error.message)) throw error;
      const reason = error.message.replace(/; with no network, .*$/, '');
      throw new UsageError(`${reason}; with no network, put ${names} in ${folder} or pass --data <folder holding them>`);
    }
  }
  return paths;
}
