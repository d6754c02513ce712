import { describe, expect, it } from 'vitest';
import { runGate } from './gate.js';
import { renderJunit } from './render-junit.js';
import { renderMarkdown } from './render-markdown.js';
import { renderTable } from './render-table.js';
import { syntheticRun, type SyntheticSample } from './test-fixtures.js';

function items(n: number, wrong: (index: number) => boolean): SyntheticSample[] {
  return Array.from({ length: n }, (_, index) => ({ id: `q/${index}`, scores: [wrong(index) ? 0 : 1] }));
}

const baseline = syntheticRun({ source: 'runs/base', model: 'acme/v1', suites: [{ id: 'math', samples: items(200, (index) => index < 20) }, { id: 'kb', samples: items(100, () => false) }] });
const candidate = syntheticRun({
  source: 'runs/pr',
  model: 'acme/v2',
  suites: [{ id: 'math', samples: items(200, (index) => index < 40) }, { id: 'kb', samples: items(100, () => false) }],
});
const report = runGate(baseline, candidate);

describe('gate renderers', () => {
  it('prints a table with a verdict per suite, the flipped samples and the overall verdict', () => {
    const text = renderTable(report);
    expect(text).toMatch(/^math\s+acme\/v1 → acme\/v2\s+accuracy\s+200\s+90\.0%\s+80\.0%\s+−10\.0 pts\s+\[.*\] pts \(\d+(\.\d+)?%\)\s+[<\d.]+\s+[\d.]+ pts\s+0\/200\s+regression$/m);
    expect(text).toMatch(/^kb\s+.*\s+pass$/m);
    expect(text).toContain("math (acme/v1 → acme/v2): McNemar's exact test; 20 samples flipped pass → fail:");
    expect(text).toContain('  q/20, q/21, q/22');
    expect(text.trim().split('\n').at(-1)).toMatch(/^REGRESSION: math \(acme\/v1 → acme\/v2\) measurably worse/);
  });

  it('writes Markdown for a pull request, linking each flipped sample into the static site', () => {
    const markdown = renderMarkdown(report, { site: 'https://example.org/ladder/pr-12', baselineSite: 'https://example.org/ladder/main' });
    expect(markdown).toMatch(/^## ❌ Ladder gate: regression/);
    expect(markdown).toContain('| math | acme/v1 → acme/v2 | accuracy | 200 | 90.0% | 80.0% | −10.0 pts |');
    expect(markdown).toContain('### math (acme/v1 → acme/v2): 20 samples flipped pass → fail');
    expect(markdown).toContain('| [q/20](https://example.org/ladder/pr-12/samples/math/acme_2fv2.html#s-q_2f20-r0) | [pass `1`](https://example.org/ladder/main/samples/math/acme_2fv1.html#s-q_2f20-r0) | fail `0` |');
    expect(markdown).toContain('| kb | acme/v1 → acme/v2 |');
    const plain = renderMarkdown(report);
    expect(plain).toContain('| `q/20` |');
  });

  it('writes JUnit XML with one testcase per suite, a failure for the regression', () => {
    const xml = renderJunit(report);
    expect(xml).toContain('<testsuites name="ladder gate" tests="2" failures="1" errors="0">');
    expect(xml).toMatch(/<testcase classname="ladder\.gate\.math" name="math \(acme\/v1 → acme\/v2\)">\s*<failure type="regression" message="accuracy 90\.0% → 80\.0%, delta −10\.0 pts/);
    expect(xml).toMatch(/<testcase classname="ladder\.gate\.kb" name="kb \(acme\/v1 → acme\/v2\)">\s*<system-out>/);
    expect((xml.match(/<testcase /g) ?? []).length).toBe(2);
  });

  it('renders a refusal in every format', () => {
    const drifted = syntheticRun({ source: 'runs/pr', model: 'acme/v2', suites: [{ id: 'math', version: '2', samples: items(200, () => false) }] });
    const refused = runGate(syntheticRun({ model: 'acme/v1', suites: [{ id: 'math', samples: items(200, () => false) }] }), drifted);
    expect(renderTable(refused)).toContain('CANNOT COMPARE: math: the suite version changed (1 → 2); rerun the baseline or pass --allow-drift');
    expect(renderMarkdown(refused)).toContain('## ⚠️ Ladder gate: cannot compare');
    expect(renderJunit(refused)).toContain('<error type="drift" message="math: the suite version changed (1 → 2); rerun the baseline or pass --allow-drift"/>');
  });
});
