import { readFileSync } from 'node:fs';
import { UsageError } from '@ladder/core';
import { pythonRstrip } from '@ladder/scorers/translation';

/**
 * The lines of a plain-text file of segments, read as sacreBLEU's command line reads them: UTF-8
 * (a byte-order mark is kept, as Python's `utf-8` codec keeps it), split on "\n" only, each line
 * `rstrip()`ped; a final newline does not start another line. One-line errors name the flag and file.
 */
export function readSegments(flag: string, path: string): string[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a file' : code === 'EACCES' ? 'not readable (permission denied)' : String(code ?? error);
    throw new UsageError(`--${flag} ${path}: ${reason}`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new UsageError(`--${flag} ${path}: not valid UTF-8; convert it (e.g. iconv -t UTF-8) and try again`);
  }
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map(pythonRstrip);
}
