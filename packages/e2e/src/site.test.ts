import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { aggregateRun, buildLeaderboard, buildSite, sampleAnchor, samplePagePath } from '@ladder/report';
import { writeSyntheticRun } from '@ladder/report/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartMarks, launchChromium, serveFolder, watchPage } from './browser.js';
import { ladderAsync, temporaryDirectory } from './cli.js';
import { runsWithSystemTool } from './system-tool.js';
import { CONFIG_SUITES, DEMO_SUITES, HOSTILE_COUNTRY, HOSTILE_OUTPUT, LAB_MODELS, writeSiteFixture } from './site-fixture.js';

// 5 models x 8 suites in two runs (the built-ins in one, two config models in the other), one
// site built by `ladder report`, opened in headless Chromium over HTTP as a static host serves it.
// Chromium drives the pages; bubblewrap runs demo-code's programs without a warning on stderr.
const WITH_TOOLS = runsWithSystemTool('chromium', 'apt-get install -y chromium') && runsWithSystemTool('bwrap', 'apt-get install -y bubblewrap');

describe.skipIf(!WITH_TOOLS)('the leaderboard site in a browser', () => {
  const root = temporaryDirectory();
  const site = join(root, 'site');
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveFolder>>;
  let reportStdout = '';

  beforeAll(async () => {
    const config = writeSiteFixture(join(root, 'fixture'));
    const suites = [...DEMO_SUITES, ...CONFIG_SUITES].join(',');
    // --limit keeps the demo suites (and demo-code's child processes) small; the config suites are smaller still.
    const [builtins, lab] = await Promise.all([
      ladderAsync(['run', '--config', config, '--suite', suites, '--model', 'builtin/oracle,builtin/random,builtin/echo', '--limit', '12', '--out', join(root, 'builtins')]),
      ladderAsync(['run', '--config', config, '--suite', suites, '--model', LAB_MODELS.join(','), '--limit', '12', '--out', join(root, 'lab')]),
      launchChromium().then((launched) => (browser = launched)),
    ]);
    expect(builtins.stderr).toBe('');
    expect(lab.stderr).toBe('');
    const report = await ladderAsync(['report', join(root, 'builtins'), join(root, 'lab'), '--config', config, '--site', site, '--delta', LAB_MODELS.join(','), '--title', 'Lab <models>']);
    expect(report.stderr).toBe('');
    expect(report.status).toBe(0);
    reportStdout = report.stdout;
    server = await serveFolder(site);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path: string): Promise<{ page: Page; watched: ReturnType<typeof watchPage> }> {
    const page = await browser.newPage();
    const watched = watchPage(page);
    await page.goto(`${server.url}/${path}`);
    return { page, watched };
  }

  it('opens with no console errors and every chart drawn live with all its marks', async () => {
    expect(reportStdout).toMatch(/Site: .*index\.html \(41 pages/);
    const { page, watched } = await open('index.html');
    await page.waitForFunction(() => [...document.querySelectorAll('figure.chart')].every((figure) => figure.hasAttribute('data-rendered')), undefined, { timeout: 20_000 });
    const charts = await chartMarks(page);
    expect(charts.map((chart) => chart.name)).toEqual(['quality-speed', 'heatmap', 'capabilities']);
    for (const chart of charts) {
      expect(chart.rendered, chart.name).toBe('live');
      expect(chart.expected, chart.name).toBeGreaterThan(0);
      expect(chart.live, chart.name).toBe(chart.expected);
    }
    // 5 points of the scatter, 5 x 8 heatmap cells with their labels.
    expect(charts.find((chart) => chart.name === 'heatmap')?.expected).toBe(80);
    expect(await page.locator('#leaderboard tbody tr').count()).toBe(5);
    expect(watched.problems).toEqual([]);
    expect(watched.requests.every((url) => url.startsWith(`${server.url}/`))).toBe(true);
    await page.close();
  });

  it('sorts the table by any column and filters it by model', async () => {
    const { page, watched } = await open('index.html');
    const column = async (index: number) => page.locator('#leaderboard tbody tr:not([hidden])').evaluateAll((rows, at) => rows.map((row) => (row as HTMLTableRowElement).cells[at]?.getAttribute('data-value') ?? ''), index);
    const header = (label: string) => page.locator('#leaderboard thead button', { hasText: new RegExp(`^${label}$`) });
    // Default order: by mean win rate, the oracle first.
    expect((await column(1))[0]).toBe('builtin/oracle');
    await header('model').click();
    expect(await column(1)).toEqual(['builtin/echo', 'builtin/oracle', 'builtin/random', 'lab/spark-4.0', 'lab/spark-4.0-turbo']);
    await header('model').click();
    expect(await column(1)).toEqual(['lab/spark-4.0-turbo', 'lab/spark-4.0', 'builtin/random', 'builtin/oracle', 'builtin/echo']);
    const arithIndex = await page.locator('#leaderboard thead th').evaluateAll((cells) => cells.findIndex((cell) => cell.textContent === 'arith'));
    await header('arith').click();
    const descending = (await column(arithIndex)).map(Number);
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    expect(await page.locator('#leaderboard thead th', { hasText: /^arith$/ }).getAttribute('aria-sort')).toBe('descending');
    await header('arith').click();
    const ascending = (await column(arithIndex)).map(Number);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await page.locator('#model-filter').fill('spark');
    expect(await column(1)).toHaveLength(2);
    expect(await page.locator('#filter-count').textContent()).toBe('2 of 5 models');
    expect(watched.problems).toEqual([]);
    await page.close();
  });

  it('shows a hostile model output and a hostile dataset prompt as text: nothing runs, loads or pops up', async () => {
    const path = `${samplePagePath('capitals', 'lab/spark-4.0-turbo')}#${sampleAnchor('xss', 0)}`;
    const { page, watched } = await open(path);
    const article = page.locator(`article#${sampleAnchor('xss', 0)}`);
    await article.locator('summary', { hasText: 'Prompt' }).click();
    expect(await article.locator('.output pre').textContent()).toBe(HOSTILE_OUTPUT);
    expect(await article.locator('.prompt pre').textContent()).toContain(HOSTILE_COUNTRY);
    await article.locator('.output pre').click();
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __ladderPwned?: number }).__ladderPwned)).toBeUndefined();
    expect(await page.locator('img, iframe, a[href^="javascript:"]').count()).toBe(0);
    expect(watched.dialogs).toEqual([]);
    expect(watched.problems).toEqual([]);
    const allowed = new Set([`${server.url}/${path.split('#')[0]}`, `${server.url}/assets/site.css`, `${server.url}/assets/site.js`]);
    expect(watched.requests.filter((url) => !allowed.has(url))).toEqual([]);
    // The page's filter: only the wrong answers.
    await page.locator('#outcome-filter').selectOption('wrong');
    expect(await page.locator('article.sample:not([hidden])').evaluateAll((articles) => articles.every((entry) => entry.getAttribute('data-outcome') === 'wrong'))).toBe(true);
    await page.close();
  });

  it('works without JavaScript: the charts drawn at build time are inline SVG', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/index.html`);
    for (const chart of await chartMarks(page)) {
      expect(chart.rendered, chart.name).toBeNull();
      expect(chart.staticMarks, chart.name).toBe(chart.expected);
    }
    await context.close();
  });

  it('opens from file:// too, with no console errors', async () => {
    const page = await browser.newPage();
    const watched = watchPage(page);
    await page.goto(pathToFileURL(join(site, 'index.html')).href);
    await page.waitForFunction(() => [...document.querySelectorAll('figure.chart')].every((figure) => figure.getAttribute('data-rendered') === 'live'), undefined, { timeout: 20_000 });
    expect(watched.problems).toEqual([]);
    await page.close();
  });

  it('keeps the reproducibility manifests, the exports and the deltas', () => {
    for (const file of ['runs/1-builtins/manifest.json', 'runs/2-lab/manifest.json', 'results.json', 'results.csv', 'summary.md', 'charts/heatmap.svg', '.nojekyll']) expect(existsSync(join(site, file)), file).toBe(true);
    const summary = readFileSync(join(site, 'summary.md'), 'utf8');
    expect(summary).toContain('## lab/spark-4.0-turbo against lab/spark-4.0');
    expect(summary).toMatch(/\| phrases \| [\d.]+ \| [\d.]+ \| .* \| paired, 12 samples \|/);
    const index = readFileSync(join(site, 'index.html'), 'utf8');
    expect(index).toContain('<h1>Lab &lt;models&gt;</h1>');
  });

  it('draws translation quality-latency curves when rows carry simultaneous latency', async () => {
    const directory = join(root, 'simultaneous');
    const policies = ['wait-1', 'wait-3', 'wait-5'];
    writeSyntheticRun({
      directory,
      suites: policies.map((policy) => ({ id: `wmt-${policy}`, capabilities: ['translation'], samples: 10, metric: 'chrF', metricKind: 'mean', metricScale: 100 })),
      models: ['lab/a', 'lab/b'],
      sample: ({ suite, model, index }) => ({ score: 40 + Number(suite.id.at(-1)) * 3 + (model === 'lab/b' ? 8 : 0) + index, totalMs: 50 }),
    });
    const board = buildLeaderboard({ runs: [{ directory, aggregate: aggregateRun(directory, { keepScores: true }) }] });
    for (const cell of board.cells) {
      const lag = 600 * Number(cell.suite.at(-1));
      const metrics = { AL: lag, LAAL: lag + 40, DAL: lag + 90, AP: 0.6, startOffset: 0, endOffset: 200 };
      cell.row.simultaneous = { baseSuite: 'wmt-zh-en', policy: cell.suite.slice(4), words: metrics, ms: metrics, msComputationAware: metrics };
    }
    const folder = join(root, 'simultaneous-site');
    await buildSite({ board, directory: folder, title: 'Simultaneous', prompts: null, generatedAt: 'now' });
    const page = await browser.newPage();
    const watched = watchPage(page);
    await page.goto(pathToFileURL(join(folder, 'index.html')).href);
    await page.waitForFunction(() => [...document.querySelectorAll('figure.chart')].every((figure) => figure.hasAttribute('data-rendered')), undefined, { timeout: 20_000 });
    const curves = (await chartMarks(page)).find((chart) => chart.name === 'simultaneous-wmt-zh-en');
    // Two lines and six points.
    expect(curves).toMatchObject({ rendered: 'live', expected: 8, live: 8 });
    expect(watched.problems).toEqual([]);
    await page.close();
  });
});
