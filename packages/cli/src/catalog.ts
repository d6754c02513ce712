import { UsageError, isSuite, type LadderConfig, type Suite } from '@ladder/core';
import { resolveSuiteDefinition } from '@ladder/runner';
import { suites as codeSuites } from '@ladder/suites-code';
import { suites as languageSuites } from '@ladder/suites-language';
import { suites as mathSuites } from '@ladder/suites-math';
import { suites as translationSuites } from '@ladder/suites-translation';

/** Every suite Ladder ships, by id (an explicit list: no registration by import side effect). */
export function builtinSuites(): Suite[] {
  return [...mathSuites, ...codeSuites, ...languageSuites, ...translationSuites];
}

/** The built-in suites plus the config's, by id; a config suite may not reuse a built-in id. */
export function suiteCatalog(options: { config: LadderConfig; configPath: string | null; baseDir: string }): Map<string, Suite> {
  const catalog = new Map<string, Suite>();
  for (const suite of builtinSuites()) catalog.set(suite.id, suite);
  for (const entry of options.config.suites ?? []) {
    const origin = options.configPath ?? 'config';
    const suite = isSuite(entry) ? entry : resolveSuiteDefinition(entry, { baseDir: options.baseDir, origin });
    if (catalog.has(suite.id)) throw new UsageError(`${origin}: suite id "${suite.id}" is already taken; choose another id`);
    catalog.set(suite.id, suite);
  }
  return catalog;
}

export function pickSuites(catalog: Map<string, Suite>, ids: string[]): Suite[] {
  return ids.map((id) => {
    const suite = catalog.get(id);
    if (suite === undefined) {
      throw new UsageError(`--suite ${id}: unknown suite; known: ${[...catalog.keys()].join(', ')} (\`ladder list\` describes them)`);
    }
    return suite;
  });
}
