import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { LadderError, UsageError } from '@ladder/core';
import { loadConfig, type LoadedConfig } from '../config.js';

/**
 * True when `@ladder/core` resolves from `directory` the way Node would resolve the config's
 * import (a `node_modules/@ladder/core` in it or a parent): inside the Ladder checkout.
 */
export function insideLadderCheckout(directory: string): boolean {
  let current = resolve(directory);
  for (;;) {
    if (existsSync(join(current, 'node_modules', '@ladder', 'core', 'package.json'))) return true;
    const parent = dirname(current);
    if (parent === current) return false;
    current = parent;
  }
}

export const CONFIG_EXTENSIONS = ['.ts', '.mts', '.js', '.mjs'];

/** `--out` must name a file the config loader can load. */
export function checkConfigPath(path: string): void {
  if (!CONFIG_EXTENSIONS.includes(extname(path))) {
    throw new UsageError(`--out ${path}: a config file ends in ${CONFIG_EXTENSIONS.join(', ')} (e.g. ladder.config.ts)`);
  }
}

/** The one-line refusal for an existing file without --force. */
export function refuseOverwrite(path: string): never {
  throw new UsageError(`${path} already exists; add --force to overwrite it`);
}

/**
 * Writes the config so that it is known to load: the text goes to a temporary file beside the
 * target, `loadConfig` (the same check `ladder run` makes) loads it, and only then does it take
 * the target's name. Nothing is left behind when it fails.
 */
export async function writeConfigFile(options: { path: string; text: string; force: boolean }): Promise<LoadedConfig> {
  const path = resolve(options.path);
  checkConfigPath(options.path);
  if (existsSync(path) && !options.force) refuseOverwrite(options.path);
  mkdirSync(dirname(path), { recursive: true });
  const extension = extname(path);
  const temporary = join(dirname(path), `.${basename(path, extension)}.${process.pid}.tmp${extension}`);
  writeFileSync(temporary, options.text);
  try {
    const loaded = await loadConfig({ explicitPath: temporary });
    renameSync(temporary, path);
    return { ...loaded, path };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new LadderError(`ladder init: the config it wrote does not load (a bug in ladder init; nothing was written): ${message}`, { cause: error });
  } finally {
    rmSync(temporary, { force: true });
  }
}
