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

/**
 * The suites named by `--suite`. A suite with modes (the simultaneous-translation suites) named
 * as `<id>@<mode>` runs in that mode; named alone, in each of `modes` (`--simul-policy`) or of its
 * default modes, one suite `<id>@<mode>` each.
 */
export function pickSuites(catalog: Map<string, Suite>, ids: string[], options: { modes?: string[] } = {}): Suite[] {
  const lookup = (id: string): Suite => {
    const suite = catalog.get(id);
    if (suite === undefined) {
      throw new UsageError(`--suite ${id}: unknown suite; known: ${[...catalog.keys()].join(', ')} (\`ladder list\` describes them)`);
    }
    return suite;
  };
  const inMode = (suite: Suite, mode: string, flag: string): Suite => {
    try {
      return (suite.withMode as (mode: string) => Suite)(mode);
    } catch (error) {
      if (UsageError.isInstance(error)) throw new UsageError(`${flag}: ${error.message}`);
      throw error;
    }
  };
  let moded = false;
  const picked = ids.flatMap((id) => {
    const at = id.indexOf('@');
    if (at > 0) {
      const base = lookup(id.slice(0, at));
      if (base.withMode === undefined) throw new UsageError(`--suite ${id}: ${base.id} has no modes; name it without "@"`);
      moded = true;
      return [inMode(base, id.slice(at + 1), `--suite ${id}`)];
    }
    const suite = lookup(id);
    if (suite.withMode === undefined) return [suite];
    moded = true;
    return (options.modes ?? suite.modes?.defaults ?? []).map((mode) => inMode(suite, mode, options.modes === undefined ? `--suite ${id}` : `--simul-policy ${mode}`));
  });
  if (options.modes !== undefined && !moded) {
    throw new UsageError('--simul-policy: none of the suites has policies; it applies to the simultaneous-translation suites (simul-*)');
  }
  const seen = new Set<string>();
  for (const suite of picked) {
    if (seen.has(suite.id)) throw new UsageError(`ladder run: suite "${suite.id}" is given twice`);
    seen.add(suite.id);
  }
  return picked;
}
