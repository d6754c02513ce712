import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError, type Suite } from '@ladder/core';
import { parsePair } from './languages.js';
import { createTranslationSuite } from './translation-suite.js';

export const FILES_SUITE_ID = 'translation';

export interface FilesSuiteOptions {
  /** The source file, one segment per line. */
  source: string;
  /** Reference files aligned with it, one or more. */
  references: string[];
  /** `<source>-<target>`, e.g. `zh-en`. */
  pair: string;
}

const USAGE = 'give --source <file> --reference <file> [--reference <file>] --pair <source>-<target> (e.g. zh-en)';

/** The generic translation suite of `ladder run --suite translation --source F --reference F --pair zh-en`. */
export function filesTranslationSuite(options: FilesSuiteOptions): Suite {
  const { source, target } = parsePair(options.pair);
  if (options.references.length === 0) throw new UsageError(`--suite translation: no --reference; ${USAGE}`);
  const paths = [options.source, ...options.references].map((path) => resolve(path));
  paths.forEach((path, index) => {
    const flag = index === 0 ? '--source' : '--reference';
    if (!existsSync(path)) throw new UsageError(`${flag} ${path}: no such file`);
    if (!statSync(path).isFile()) throw new UsageError(`${flag} ${path}: not a file`);
  });
  return createTranslationSuite({
    id: FILES_SUITE_ID,
    version: '1',
    description: `${source.name} to ${target.targetName} from ${paths[0]} (${options.references.length} reference file(s))`,
    source,
    target,
    references: options.references.length,
    maxOutputTokens: 1024,
    async locate(context) {
      if (context.dataPath !== undefined) throw new UsageError(`--data: the translation suite reads --source and --reference, not --data`);
      return paths;
    },
  });
}

/** The catalog entry (for `ladder list`): running it without the files is a one-line error. */
export const filesSuitePlaceholder: Suite = createTranslationSuite({
  id: FILES_SUITE_ID,
  version: '1',
  description: 'your own line-aligned files: --source F --reference F [--reference F] --pair zh-en; corpus BLEU and chrF',
  ...parsePair('zh-en'),
  references: 1,
  maxOutputTokens: 1024,
  locate: () => Promise.reject(new UsageError(`--suite translation: ${USAGE}`)),
});
