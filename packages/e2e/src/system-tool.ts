import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * Whether the tests that need a system program (bubblewrap, Chromium) run: always under
 * CI=true, where .ci/run installs it and a missing one must fail them; elsewhere only when it is
 * on PATH, so that the Quick start's test block passes with Node and npm alone (saying what it skipped).
 */
export function runsWithSystemTool(command: string, install: string): boolean {
  if (commandOnPath(command) || process.env.CI === 'true') return true;
  console.warn(`${command} is not installed: the tests that need it are skipped (${install}; under CI=true they run and fail without it)`);
  return false;
}

export function commandOnPath(command: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((folder) => {
    try {
      accessSync(join(folder, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
