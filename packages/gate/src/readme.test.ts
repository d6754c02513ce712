import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url);

describe('the documented GitHub Actions workflow', () => {
  it('the README shows docs/examples/ladder-gate.yml as it is committed', () => {
    const workflow = readFileSync(new URL('docs/examples/ladder-gate.yml', root), 'utf8');
    const readme = readFileSync(new URL('README.md', root), 'utf8');
    expect(readme).toContain(`\`\`\`yaml\n${workflow}\`\`\``);
    expect(workflow).toContain('ladder gate --baseline reports/baseline --candidate reports/candidate');
  });
});
