import { UsageError, type Suite } from '@ladder/core';
import { FILES_SUITE_ID, filesTranslationSuite } from '@ladder/suites-translation';

/**
 * `ladder run --suite translation --source F --reference F [--reference F] --pair zh-en`: the
 * generic translation suite built from the user's files; undefined when the flags are not given.
 */
export function translationFilesSuite(values: { source?: string | undefined; reference?: string[] | undefined; pair?: string | undefined }, suiteIds: string[]): Suite | undefined {
  const given = (['source', 'reference', 'pair'] as const).filter((flag) => values[flag] !== undefined);
  if (given.length === 0) return undefined;
  if (!suiteIds.includes(FILES_SUITE_ID)) throw new UsageError(`--${given[0]}: only with --suite ${FILES_SUITE_ID} (your own source and reference files)`);
  const missing = (['source', 'reference', 'pair'] as const).find((flag) => values[flag] === undefined);
  if (missing !== undefined) throw new UsageError(`--suite ${FILES_SUITE_ID}: --${missing} is missing; give --source <file> --reference <file> --pair <source>-<target> (e.g. zh-en)`);
  return filesTranslationSuite({ source: values.source as string, references: values.reference as string[], pair: values.pair as string });
}
