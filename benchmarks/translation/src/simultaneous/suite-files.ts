import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError, sha256, type LoadContext } from '@ladder/core';
import { locateData, type PinnedGithubFile } from '@ladder/datasets';

/** A data file of a suite: its name in the suite's folder, and where it is pinned on GitHub. */
export type SuiteFile = PinnedGithubFile & { file: string };

/**
 * Where a file of a suite whose `--data` is a folder is: `<--data>/<file>`, else
 * `<data dir>/<folder>/<file>`, else downloaded there (see `locateData`).
 */
export function locateSuiteFile(context: LoadContext, options: { folder: string; file: SuiteFile; dataArgument: string }): Promise<string> {
  return locateData({
    suite: options.folder,
    file: options.file.file,
    dataPath: context.dataPath === undefined ? undefined : join(context.dataPath, options.file.file),
    source: options.file,
    dataArgument: options.dataArgument,
  });
}

/** A text file's lines (a final newline ends the last line) and the sha256 of its bytes; `hint` says what the suite expects when the file is missing. */
export async function readLines(path: string, hint: string): Promise<{ lines: string[]; sha256: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new UsageError(`${path}: ${code === 'ENOENT' ? 'not found' : code === 'ENOTDIR' ? 'not in a folder' : 'unreadable'}; ${hint}`);
  }
  const lines = bytes.toString('utf8').split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return { lines, sha256: sha256(bytes) };
}
