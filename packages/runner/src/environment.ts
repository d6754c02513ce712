import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The root of the Ladder checkout this code runs from. */
export const LADDER_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export function gitRevision(): string | null {
  try {
    const revision = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: LADDER_ROOT, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      cwd: LADDER_ROOT,
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .toString()
      .trim();
    return dirty === '' ? revision : `${revision}-dirty`;
  } catch {
    return null;
  }
}

/** Versions of Ladder's own packages and of the libraries that can change a number. */
export function packageVersions(): Record<string, string> {
  const versions: Record<string, string> = {};
  for (const group of ['packages', 'benchmarks']) {
    let entries: string[] = [];
    try {
      entries = readdirSync(join(LADDER_ROOT, group));
    } catch {
      continue;
    }
    for (const entry of entries) {
      try {
        const manifest = JSON.parse(readFileSync(join(LADDER_ROOT, group, entry, 'package.json'), 'utf8')) as {
          name?: string;
          version?: string;
        };
        if (manifest.name !== undefined && manifest.version !== undefined) versions[manifest.name] = manifest.version;
      } catch {
        // not a package
      }
    }
  }
  const require = createRequire(join(LADDER_ROOT, 'packages', 'models', 'package.json'));
  for (const library of ['node-llama-cpp']) {
    try {
      const path = require.resolve(`${library}/package.json`);
      versions[library] = (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
    } catch {
      // optional and not installed
    }
  }
  return versions;
}
