import { join } from 'node:path';
import { dataCacheDir, isOffline } from './data-dir.js';
import { downloadPinned } from './download-pinned.js';
import { githubRawUrl } from './github-raw.js';

/**
 * A suite's file in `<LADDER_DATA_DIR or ~/.cache/ladder/data>/<suite>/<name>`, downloaded there
 * from GitHub at its pinned commit (a mirror with LADDER_GITHUB_RAW_ENDPOINT) and checked
 * against its sha256 when it is not there yet.
 */
export function cachedSuiteFile(options: {
  suite: string;
  name: string;
  source: { repo: string; commit: string; path: string; sha256: string };
  environment: NodeJS.ProcessEnv;
}): Promise<string> {
  const { environment, source } = options;
  return downloadPinned({
    url: githubRawUrl(source, environment),
    sha256: source.sha256,
    cachePath: join(dataCacheDir(environment), options.suite, options.name),
    name: options.suite,
    offline: isOffline(environment),
  });
}
