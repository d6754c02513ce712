import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aggregateRun } from '../aggregate.js';
import { buildLeaderboard } from '../leaderboard/build-leaderboard.js';
import { writeSyntheticRun } from '../testing/synthetic-run.js';
import { renderLeaderboardSummary } from '../leaderboard/leaderboard-markdown.js';
import { chartDefinitions } from './chart-specs.js';
import { renderChart } from './render-chart.js';

function board(models: string[]) {
  const directory = join(mkdtempSync(join(tmpdir(), 'ladder-charts-')), 'run');
  const suites = [
    { id: 'simul-wait1', capabilities: ['translation' as const], samples: 8, metric: 'chrF', metricKind: 'mean' as const, metricScale: 100 },
    { id: 'simul-wait5', capabilities: ['translation' as const], samples: 8, metric: 'chrF', metricKind: 'mean' as const, metricScale: 100 },
    { id: 'arith', capabilities: ['math' as const], samples: 8 },
  ];
  writeSyntheticRun({
    directory,
    suites,
    models,
    sample: ({ suite, model, index }) => ({ score: suite.id === 'arith' ? index % 2 : 40 + models.indexOf(model) * 5 + (suite.id.endsWith('5') ? 10 : 0) + index, totalMs: 100 * (1 + models.indexOf(model)) }),
  });
  const result = buildLeaderboard({ runs: [{ directory, aggregate: aggregateRun(directory, { keepScores: true }) }] });
  // What issue 6b's aggregation adds to simultaneous rows.
  for (const cell of result.cells) {
    if (!cell.suite.startsWith('simul')) continue;
    const lag = cell.suite.endsWith('1') ? 900 : 2600;
    const metrics = { AL: lag, LAAL: lag + 50, DAL: lag + 100, AP: 0.7, startOffset: 0, endOffset: 300 };
    cell.row.simultaneous = { baseSuite: 'wmt-zh-en', policy: cell.suite.replace('simul-', ''), words: metrics, ms: metrics, msComputationAware: { ...metrics, AL: lag + 200 } };
  }
  return result;
}

describe('charts', () => {
  it('draws every chart, with quality-latency curves when simultaneous rows exist', async () => {
    const definitions = chartDefinitions(board(['lab/a', 'lab/b', 'lab/c']));
    expect(definitions.map((chart) => chart.name)).toEqual(['quality-speed', 'heatmap', 'capabilities', 'simultaneous-wmt-zh-en']);
    const rendered = await Promise.all(definitions.map((definition) => renderChart(definition)));
    const marks = Object.fromEntries(rendered.map((chart) => [chart.name, chart.marks]));
    // quality-speed: 3 interval rules + 3 points + 3 labels; heatmap: 9 cells + 9 labels;
    // capabilities: 2 x 3 rules + points; curves: 3 lines + 6 points.
    expect(marks).toEqual({ 'quality-speed': 9, heatmap: 18, capabilities: 12, 'simultaneous-wmt-zh-en': 9 });
    for (const chart of rendered) expect(chart.svg.startsWith('<svg')).toBe(true);
  });

  it('lists the simultaneous rows in summary.md beside the curves', () => {
    const summary = renderLeaderboardSummary(board(['lab/a', 'lab/b']), { title: 'Board', charts: [] });
    expect(summary).toContain('## Quality and latency (simultaneous translation)');
    expect(summary).toMatch(/\| wmt-zh-en \| lab\/a \| wait1 \| [\d.]+ chrF \| 900 \| 950 \| 1100 \|/);
  });

  it('escapes model ids in the SVG', async () => {
    const [heatmap] = chartDefinitions(board(['<script>alert(1)</script>', 'lab/b'])).filter((chart) => chart.name === 'heatmap');
    const svg = (await renderChart(heatmap as NonNullable<typeof heatmap>)).svg;
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;');
  });
});
