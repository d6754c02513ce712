import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Where downloaded data lives: `LADDER_DATA_DIR` when set, else `~/.cache/ladder/data`.
 * Suites look for `<data dir>/<suite id>/<file>`; hub files go to `<data dir>/<repo>/<revision>/<path>`.
 */
export function dataCacheDir(environment: NodeJS.ProcessEnv = process.env): string {
  const configured = environment.LADDER_DATA_DIR;
  if (configured !== undefined && configured.trim() !== '') return resolve(configured);
  return join(homedir(), '.cache', 'ladder', 'data');
}

/** True when `HF_HUB_OFFLINE` or `LADDER_OFFLINE` is set to 1/true/yes/on: no download is tried. */
export function isOffline(environment: NodeJS.ProcessEnv = process.env): boolean {
  return [environment.HF_HUB_OFFLINE, environment.LADDER_OFFLINE].some((value) => value !== undefined && /^(1|true|yes|on)$/i.test(value.trim()));
}
