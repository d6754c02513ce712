import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The recorded transcripts under packages/test-server/fixtures/. */
export const FIXTURES_DIRECTORY = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** A fixture's text, verbatim (e.g. `readFixture('openai-gpt-4o.sse')`). */
export function readFixture(name: string): string {
  return readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
}
