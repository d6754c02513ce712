import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aggregateRun } from '../aggregate.js';
import { buildLeaderboard } from '../leaderboard/build-leaderboard.js';
import { samplePagePath, sampleAnchor } from '../site-paths.js';
import { writeSyntheticRun, type SyntheticSuite } from '../testing/synthetic-run.js';
import { buildSite } from './build-site.js';
import { escapeHtml, jsonForScript } from './html.js';
import type { PromptSource } from './prompts.js';
import { classicInterpreterScript } from './vendor-assets.js';

const HOSTILE = '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2"><a href="javascript:window.pwned = 3">click</a>';
const SUITES: SyntheticSuite[] = [
  { id: 'arith', capabilities: ['math'], samples: 6 },
  { id: 'chrf', capabilities: ['translation'], samples: 4, metric: 'chrF', metricKind: 'mean', metricScale: 100 },
];
const prompt = (suite: SyntheticSuite, index: number) => [{ role: 'user' as const, content: `Question ${index} of ${suite.id}: what is <b>${index}</b>?` }];

function hostileRun(): string {
  const directory = join(mkdtempSync(join(tmpdir(), 'ladder-site-')), 'run');
  writeSyntheticRun({
    directory,
    suites: SUITES,
    models: ['lab/a', 'lab/<b>'],
    prompt,
    sample: ({ suite, model, index }) => ({
      score: suite.id === 'chrf' ? 50 + index : index % 2,
      output: model === 'lab/a' && index === 1 ? HOSTILE : `answer ${index}`,
      answer: String(index),
      totalMs: 20 + index,
      firstTokenMs: 5,
    }),
  });
  return directory;
}

async function build(options: { prompts?: PromptSource | null; site?: string } = {}) {
  const directory = hostileRun();
  const board = buildLeaderboard({ runs: [{ directory, aggregate: aggregateRun(directory, { keepScores: true }) }] });
  const site = options.site ?? join(mkdtempSync(join(tmpdir(), 'ladder-site-out-')), 'site');
  const result = await buildSite({ board, directory: site, title: 'Board <1>', prompts: options.prompts ?? null, generatedAt: '2026-01-01T00:00:00Z' });
  return { site, result, board };
}

describe('the static site', () => {
  it('puts every suite x model page and sample anchor where the gate links, with the manifest, charts and exports', async () => {
    const { site, result } = await build();
    for (const suite of SUITES) {
      for (const model of ['lab/a', 'lab/<b>']) {
        const page = readFileSync(join(site, samplePagePath(suite.id, model)), 'utf8');
        for (let index = 0; index < suite.samples; index += 1) expect(page).toContain(`id="${sampleAnchor(`q000${index}`, 0)}"`);
      }
    }
    expect(result.pages).toBe(1 + SUITES.length * 2);
    for (const file of ['index.html', 'results.json', 'results.csv', 'summary.md', '.nojekyll', 'runs/1-run/manifest.json', 'assets/vega.min.js', 'assets/vega-interpreter.js', 'assets/site.js']) {
      expect(existsSync(join(site, file)), file).toBe(true);
    }
    expect(result.charts.map((chart) => chart.name)).toEqual(['quality-speed', 'heatmap', 'capabilities']);
    for (const chart of result.charts) {
      expect(chart.marks, chart.name).toBeGreaterThan(0);
      expect(readFileSync(join(site, 'charts', `${chart.name}.svg`), 'utf8')).toBe(chart.svg);
    }
    expect(readFileSync(join(site, 'summary.md'), 'utf8')).toContain('![Every model on every suite](charts/heatmap.svg)');
  });

  it('escapes model output, ids and titles: the only scripts are the site\u2019s own files and inert JSON', async () => {
    const { site } = await build();
    const index = readFileSync(join(site, 'index.html'), 'utf8');
    const page = readFileSync(join(site, samplePagePath('arith', 'lab/a')), 'utf8');
    for (const html of [index, page]) {
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
      for (const tag of scripts) expect(tag).toMatch(/^<script (src="(\.\.\/\.\.\/)?assets\/[\w.-]+\.js" defer|type="application\/json" class="chart-spec")>$/);
      expect(html).not.toMatch(/<img|\bon[a-z]+="|href="javascript:/i);
      expect(html).toContain('http-equiv="Content-Security-Policy"');
    }
    expect(page).toContain(escapeHtml(HOSTILE));
    expect(index).toContain('<title>Board &lt;1&gt;</title>');
    expect(index).toContain('lab/&lt;b&gt;');
    // Chart data is JSON inside <script type="application/json">: no "<" can close it.
    for (const match of index.matchAll(/<script type="application\/json" class="chart-spec">([\s\S]*?)<\/script>/g)) expect(match[1]).not.toContain('<');
  });

  it('shows a prompt only when rendering it again gives the sha256 the run recorded', async () => {
    const prompts: PromptSource = async ({ suite, sampleIds }) => {
      if (suite.id === 'chrf') return { unavailable: 'no data here' };
      const definition = SUITES[0] as SyntheticSuite;
      // Sample 2's prompt "changed since the run".
      return new Map(sampleIds.map((id, index) => [id, index === 2 ? [{ role: 'user' as const, content: 'edited' }] : prompt(definition, index)]));
    };
    const { site, result } = await build({ prompts });
    expect(result.promptNotes.get('arith')).toMatch(/5 of 6 match the sha256 the run recorded; 1 no longer match/);
    expect(result.promptNotes.get('chrf')).toBe('Prompts are not shown: no data here');
    const page = readFileSync(join(site, samplePagePath('arith', 'lab/a')), 'utf8');
    expect(page).toContain('Question 1 of arith: what is &lt;b&gt;1&lt;/b&gt;?');
    expect(page).not.toContain('edited');
    expect(page).toContain('Prompt not shown: rendering the suite again no longer gives the prompt this run sent');
  });

  it('replaces a site it built before, and refuses a folder holding anything else', async () => {
    const { site } = await build();
    writeFileSync(join(site, 'stale.html'), 'old');
    await build({ site });
    expect(existsSync(join(site, 'stale.html'))).toBe(false);
    const other = mkdtempSync(join(tmpdir(), 'ladder-not-a-site-'));
    mkdirSync(join(other, 'photos'));
    await expect(build({ site: other })).rejects.toThrow(/holds other files and no Ladder site; give a new or empty folder/);
    expect(existsSync(join(other, 'photos'))).toBe(true);
  });
});

describe('HTML helpers', () => {
  it('escapes the five characters and keeps JSON free of <, > and &', () => {
    expect(escapeHtml(`<a href='x'>"&"</a>`)).toBe('&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;');
    const json = jsonForScript({ text: '</script><script>alert(1)</script>&\u2028' });
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual({ text: '</script><script>alert(1)</script>&\u2028' });
  });

  it('turns vega-interpreter into a classic script that takes vega-util from the vega global', () => {
    const script = classicInterpreterScript("import { ascending, isString } from 'vega-util';\nfunction expression() {}\nexport { expression as expressionInterpreter };\n");
    expect(script).toContain('const { ascending, isString } = globalThis.vega;');
    expect(script).toContain('globalThis.vegaExpressionInterpreter = expression;');
    expect(script).not.toMatch(/^\s*(import|export)\b/m);
    expect(() => classicInterpreterScript("import x from 'y';")).toThrow(/update site\/vendor-assets.ts/);
  });
});
