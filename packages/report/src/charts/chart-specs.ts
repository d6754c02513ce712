import type { TopLevelSpec } from 'vega-lite';
import type { Leaderboard } from '../leaderboard/board-types.js';
import { cellFinder } from '../leaderboard/board-types.js';
import { formatValue } from '../summary-markdown.js';

/** A chart to render: its file-name stem, its title and its Vega-Lite spec. */
export interface ChartDefinition {
  name: string;
  title: string;
  spec: TopLevelSpec;
}

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const BASE = { $schema: SCHEMA, background: 'white', config: { font: 'system-ui, sans-serif', view: { stroke: '#ddd' } } } as const;

/** Every chart the board has data for: quality vs speed, the heatmap, capabilities, and quality-latency curves per simultaneous suite. */
export function chartDefinitions(board: Leaderboard): ChartDefinition[] {
  return [qualitySpeed(board), heatmap(board), capabilityDots(board), ...simultaneousCurves(board)].filter((chart): chart is ChartDefinition => chart !== null);
}

/** One point per model: the overall macro score (with its interval) against the median p50 end-to-end latency. */
function qualitySpeed(board: Leaderboard): ChartDefinition | null {
  const values = board.models.flatMap((model) => {
    const score = model.overall.score;
    const latency = model.latency.totalMsP50;
    if (score === null || latency === null || !(latency > 0)) return [];
    return [{ model: model.id, score: score.value, low: score.ci95[0], high: score.ci95[1], latency, tokensPerSecond: model.latency.outputTokensPerSecondP50 }];
  });
  if (values.length === 0) return null;
  const latencies = values.map((value) => value.latency);
  const logarithmic = Math.max(...latencies) / Math.min(...latencies) > 10;
  const x = { field: 'latency', type: 'quantitative', title: 'end-to-end latency, median of the suites\u2019 p50 (ms)', scale: logarithmic ? { type: 'log' as const } : { zero: false } } as const;
  const y = { field: 'score', type: 'quantitative', title: 'overall score (macro average, 0-1)', scale: { zero: false } } as const;
  return {
    name: 'quality-speed',
    title: 'Quality against speed',
    spec: {
      ...BASE,
      width: 520,
      height: 320,
      data: { values },
      layer: [
        { mark: { type: 'rule', strokeWidth: 2 }, encoding: { x, y: { field: 'low', type: 'quantitative', title: y.title, scale: y.scale }, y2: { field: 'high' }, color: { field: 'model', type: 'nominal', legend: null } } },
        {
          mark: { type: 'point', filled: true, size: 80 },
          encoding: {
            x,
            y,
            color: { field: 'model', type: 'nominal', title: 'model' },
            tooltip: [
              { field: 'model', type: 'nominal' },
              { field: 'score', type: 'quantitative', format: '.3f', title: 'overall score' },
              { field: 'low', type: 'quantitative', format: '.3f', title: '95% low' },
              { field: 'high', type: 'quantitative', format: '.3f', title: '95% high' },
              { field: 'latency', type: 'quantitative', format: '.1f', title: 'p50 latency (ms)' },
              { field: 'tokensPerSecond', type: 'quantitative', format: '.1f', title: 'output tokens/s' },
            ],
          },
        },
        { mark: { type: 'text', align: 'left', dx: 7, dy: -7, fontSize: 10 }, encoding: { x, y, text: { field: 'model', type: 'nominal' } } },
      ],
    },
  };
}

/** Model x suite, coloured by the value on the 0..1 scale, labelled on the metric's own. */
function heatmap(board: Leaderboard): ChartDefinition | null {
  const find = cellFinder(board);
  const values = board.models.flatMap((model) =>
    board.suites.flatMap((suite) => {
      const cell = find(suite.id, model.id);
      if (cell === undefined || cell.row.value === null) return [];
      return [{ model: model.id, suite: suite.id, normalized: cell.normalized, label: formatValue(cell.row.value, suite.metricKind === 'proportion' ? 'proportion' : 'mean'), rank: cell.rank }];
    }),
  );
  if (values.length === 0) return null;
  const axes = {
    x: { field: 'suite', type: 'nominal', sort: board.suites.map((suite) => suite.id), title: null, axis: { labelAngle: -40 } },
    y: { field: 'model', type: 'nominal', sort: board.models.map((model) => model.id), title: null },
  } as const;
  return {
    name: 'heatmap',
    title: 'Every model on every suite',
    spec: {
      ...BASE,
      width: Math.max(200, 52 * board.suites.length),
      height: Math.max(80, 24 * board.models.length),
      data: { values },
      layer: [
        {
          mark: { type: 'rect' },
          encoding: {
            ...axes,
            color: { field: 'normalized', type: 'quantitative', title: 'score (0-1)', scale: { scheme: 'viridis', domain: [0, 1] } },
            tooltip: [
              { field: 'model', type: 'nominal' },
              { field: 'suite', type: 'nominal' },
              { field: 'label', type: 'nominal', title: 'value' },
              { field: 'rank', type: 'quantitative', title: 'rank' },
            ],
          },
        },
        {
          mark: { type: 'text', fontSize: 9 },
          encoding: { ...axes, text: { field: 'label', type: 'nominal' }, color: { condition: { test: 'datum.normalized > 0.6', value: 'black' }, value: 'white' } },
        },
      ],
    },
  };
}

/** Per capability: each model's macro average with its 95% interval. */
function capabilityDots(board: Leaderboard): ChartDefinition | null {
  const values = board.models.flatMap((model) =>
    board.capabilities.flatMap((capability) => {
      const score = model.capabilities[capability]?.score;
      if (score === null || score === undefined) return [];
      return [{ model: model.id, capability, score: score.value, low: score.ci95[0], high: score.ci95[1], rank: model.capabilities[capability]?.rank ?? null }];
    }),
  );
  if (values.length === 0) return null;
  const y = { field: 'model', type: 'nominal', sort: board.models.map((model) => model.id), title: null } as const;
  const yOffset = { field: 'capability', type: 'nominal', sort: board.capabilities } as const;
  const color = { field: 'capability', type: 'nominal', sort: board.capabilities, title: 'capability' } as const;
  return {
    name: 'capabilities',
    title: 'Capabilities: macro averages with 95% intervals',
    spec: {
      ...BASE,
      width: 480,
      // One band per model, one sub-band per capability: at least 22 px per model.
      height: { step: Math.max(9, Math.ceil(22 / Math.max(1, board.capabilities.length))) },
      data: { values },
      encoding: { y, yOffset, color },
      layer: [
        { mark: { type: 'rule' }, encoding: { x: { field: 'low', type: 'quantitative', title: 'score (0-1)', scale: { domain: [0, 1] } }, x2: { field: 'high' } } },
        {
          mark: { type: 'point', filled: true, size: 50 },
          encoding: {
            x: { field: 'score', type: 'quantitative' },
            tooltip: [
              { field: 'model', type: 'nominal' },
              { field: 'capability', type: 'nominal' },
              { field: 'score', type: 'quantitative', format: '.3f' },
              { field: 'low', type: 'quantitative', format: '.3f', title: '95% low' },
              { field: 'high', type: 'quantitative', format: '.3f', title: '95% high' },
              { field: 'rank', type: 'quantitative' },
            ],
          },
        },
      ],
    },
  };
}

/** Simultaneous translation: quality against average lagging (ms), one curve per model, one chart per base suite. */
function simultaneousCurves(board: Leaderboard): ChartDefinition[] {
  const bySuite = new Map<string, { model: string; policy: string; quality: number; lagging: number; laal: number | null; suite: string }[]>();
  for (const cell of board.cells) {
    const simultaneous = cell.row.simultaneous;
    if (simultaneous === undefined || cell.row.value === null || simultaneous.ms.AL === null) continue;
    const points = bySuite.get(simultaneous.baseSuite) ?? [];
    points.push({ model: cell.model, policy: simultaneous.policy, quality: cell.row.value, lagging: simultaneous.ms.AL, laal: simultaneous.ms.LAAL, suite: cell.suite });
    bySuite.set(simultaneous.baseSuite, points);
  }
  return [...bySuite].map(([baseSuite, values]) => {
    const metric = board.suites.find((suite) => suite.id === values[0]?.suite)?.metric ?? 'quality';
    const x = { field: 'lagging', type: 'quantitative', title: 'average lagging, AL (ms)' } as const;
    const y = { field: 'quality', type: 'quantitative', title: metric, scale: { zero: false } } as const;
    const color = { field: 'model', type: 'nominal', sort: board.models.map((model) => model.id) } as const;
    return {
      name: `simultaneous-${baseSuite.replace(/[^A-Za-z0-9.-]/g, '_')}`,
      title: `Quality against latency: ${baseSuite}`,
      spec: {
        ...BASE,
        width: 480,
        height: 300,
        data: { values },
        encoding: { x, y, color },
        layer: [
          { mark: { type: 'line' }, encoding: { order: { field: 'lagging', type: 'quantitative' } } },
          {
            mark: { type: 'point', filled: true, size: 60 },
            encoding: {
              tooltip: [
                { field: 'model', type: 'nominal' },
                { field: 'policy', type: 'nominal' },
                { field: 'quality', type: 'quantitative', format: '.2f', title: metric },
                { field: 'lagging', type: 'quantitative', format: '.0f', title: 'AL (ms)' },
                { field: 'laal', type: 'quantitative', format: '.0f', title: 'LAAL (ms)' },
              ],
            },
          },
        ],
      },
    } satisfies ChartDefinition;
  });
}
