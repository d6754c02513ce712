import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { CONFIG_NAMES } from '../config.js';
import { insideLadderCheckout } from './write-config.js';

/**
 * The command that runs the config just written: plain `ladder run` when it is the config
 * `ladder run` finds by itself in `cwd`, `--config <file>` otherwise. `pnpm ladder` is a script of
 * the Ladder checkout, so from anywhere else the command names the file by its absolute path.
 */
export function nextCommand(options: { path: string; cwd: string }): string {
  const path = resolve(options.path);
  if (!insideLadderCheckout(options.cwd)) return `npx -y pnpm@10 ladder run --config ${shellQuote(path)}  (from the Ladder checkout)`;
  const found = CONFIG_NAMES.map((name) => resolve(options.cwd, name)).find((candidate) => existsSync(candidate));
  if (found === path) return 'npx -y pnpm@10 ladder run';
  const fromCwd = relative(options.cwd, path);
  const shown = fromCwd.startsWith('..') || isAbsolute(fromCwd) ? path : fromCwd;
  return `npx -y pnpm@10 ladder run --config ${shellQuote(shown)}`;
}

function shellQuote(text: string): string {
  return /^[\w./@:+-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}
