import { formatCost, formatDifference, formatIntervalEnds, formatLatency, formatPoints, formatRate, formatScore, formatValue, plural } from '../format.js';
import { cellFinder, type CapabilityScore, type Leaderboard } from './board-types.js';
import type { ModelDelta } from './deltas.js';

function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

/** Markdown-safe inline code for ids. */
function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

function groupText(entry: CapabilityScore | undefined): string {
  if (entry?.score === null || entry?.score === undefined) return '—';
  return `${formatScore(entry.score.value)} [${formatScore(entry.score.ci95[0])}, ${formatScore(entry.score.ci95[1])}] #${entry.rank ?? '—'}`;
}

/**
 * The combined summary.md (GitHub-flavoured, fit for a pull-request comment or a job summary):
 * the leaderboard with ranks, intervals and firsts, every suite, speed and cost, the deltas, and
 * the charts as SVG files beside it (`charts/<name>.svg`).
 */
export function renderLeaderboardSummary(board: Leaderboard, options: { title: string; charts: { name: string; title: string }[] }): string {
  const find = cellFinder(board);
  const lines: string[] = [`# ${cell(options.title)}`, ''];
  lines.push(`${plural(board.models.length, 'model')} · ${plural(board.suites.length, 'suite')} · ${plural(board.runs.length, 'run')}: ${board.runs.map((run) => `${code(run.name)} (plan ${code(run.manifest.planId.slice(0, 12))}${run.complete ? '' : `, **incomplete**: ${run.finished} of ${run.planned} samples`})`).join(', ')}`, '');
  if (!board.complete) lines.push('> **Incomplete runs:** their numbers cover only the samples that finished. Finish them with the same `ladder run` command plus `--resume`.', '');

  lines.push('## Leaderboard', '');
  lines.push(`| # | model | mean win rate | firsts | overall | ${board.capabilities.map(cell).join(' | ')}${board.capabilities.length > 0 ? ' |' : ''}`);
  lines.push(`| ---: | --- | ---: | ---: | ---: |${board.capabilities.map(() => ' ---: |').join('')}`);
  for (const model of board.models) {
    lines.push(
      `| ${model.order} | ${cell(model.id)} | ${model.meanWinRate === null ? '—' : `${(model.meanWinRate * 100).toFixed(1)}%`} | ${model.firsts} | ${groupText(model.overall)} |${board.capabilities.map((capability) => ` ${groupText(model.capabilities[capability])} |`).join('')}`,
    );
  }
  lines.push(
    '',
    'Order: mean win rate (HELM: the share of the other models beaten on each suite, averaged). Overall and capabilities: the unweighted mean of the suites on a 0-100 scale, with its 95% interval and rank. ' +
      'Rank `#k`: 1 + the models whose interval lies entirely above (models whose intervals overlap share a rank). Firsts: suites where a model is alone at rank 1.',
    '',
  );

  lines.push('## Suites', '', `| model | ${board.suites.map((suite) => cell(`${suite.id} (${suite.metric})`)).join(' | ')} |`, `| --- |${board.suites.map(() => ' ---: |').join('')}`);
  for (const model of board.models) {
    const cells = board.suites.map((suite) => {
      const entry = find(suite.id, model.id);
      if (entry === undefined) return '';
      const { row } = entry;
      return `${formatValue(row.value, suite.metricKind)} [${formatIntervalEnds(row.ci95, suite.metricKind, ', ')}] #${entry.rank ?? '—'}${entry.first ? ' ★' : ''}`;
    });
    lines.push(`| ${cell(model.id)} | ${cells.map(cell).join(' | ')} |`);
  }
  lines.push('', 'Cells: the metric, its 95% interval, the rank; ★ = alone at rank 1 (a first). Infrastructure errors are outside the denominator.', '');

  lines.push('## Speed and cost', '', '| model | p50 latency | p90 latency | TTFT p50 | TTFT p90 | output tokens/s | cost |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const model of board.models) {
    const { latency } = model;
    lines.push(
      `| ${cell(model.id)} | ${formatLatency(latency.totalMsP50)} | ${formatLatency(latency.totalMsP90)} | ${formatLatency(latency.firstTokenMsP50)} | ${formatLatency(latency.firstTokenMsP90)} | ${formatRate(latency.outputTokensPerSecondP50)} | ${formatCost(model.costUsd)} |`,
    );
  }
  lines.push('', 'Uncached calls only; per model, the median over its suites of their p50 and p90.', '');

  lines.push(...simultaneousLines(board));
  for (const delta of board.deltas) lines.push(...deltaLines(board, delta));

  if (options.charts.length > 0) {
    lines.push('## Charts', '');
    for (const chart of options.charts) lines.push(`![${cell(chart.title)}](charts/${chart.name}.svg)`, '');
  }
  return `${lines.join('\n')}\n`;
}

function deltaLines(board: Leaderboard, delta: ModelDelta): string[] {
  const lines = [`## ${cell(delta.candidate)} against ${cell(delta.base)}`, '', `| suite / capability | ${cell(delta.base)} | ${cell(delta.candidate)} | Δ | 95% interval | how |`, '| --- | ---: | ---: | ---: | ---: | --- |'];
  for (const entry of delta.suites) {
    const kind = board.suites.find((suite) => suite.id === entry.suite)?.metricKind ?? 'mean';
    const estimate = entry.delta;
    const clear = estimate !== null && (estimate.ci95[0] > 0 || estimate.ci95[1] < 0);
    lines.push(
      `| ${cell(entry.suite)} | ${formatValue(entry.base, kind)} | ${formatValue(entry.candidate, kind)} | ${clear ? '**' : ''}${formatDifference(estimate?.value, kind)}${clear ? '**' : ''} | ${estimate === null ? '' : `${formatDifference(estimate.ci95[0], kind)} to ${formatDifference(estimate.ci95[1], kind)}`} | ${estimate === null ? 'no values' : estimate.method === 'paired' ? `paired, ${estimate.pairs} samples` : 'unpaired'} |`,
    );
  }
  for (const entry of [...delta.capabilities, delta.overall]) {
    const estimate = entry.delta;
    const clear = estimate !== null && (estimate.ci95[0] > 0 || estimate.ci95[1] < 0);
    lines.push(
      `| *${cell(entry.group)}* | ${formatScore(entry.base)} | ${formatScore(entry.candidate)} | ${clear ? '**' : ''}${formatPoints(estimate?.value)}${clear ? '**' : ''} | ${estimate === null ? '' : `${formatPoints(estimate.ci95[0])} to ${formatPoints(estimate.ci95[1])}`} | ${estimate === null ? cell(`missing ${entry.missing.join(', ')}`) : plural(estimate.suites.length, 'suite')} |`,
    );
  }
  lines.push('', `Δ = ${cell(delta.candidate)} − ${cell(delta.base)}; bold when the 95% interval excludes 0. Capabilities and overall in points of the 0-100 scale.`, '');
  return lines;
}

/** Simultaneous translation: each policy's quality beside its latency, when rows carry it. */
function simultaneousLines(board: Leaderboard): string[] {
  const rows = board.cells.filter((entry) => entry.row.simultaneous !== undefined);
  if (rows.length === 0) return [];
  const lines = ['## Quality and latency (simultaneous translation)', '', '| base suite | model | policy | quality | AL (ms) | LAAL (ms) | AL with computation (ms) |', '| --- | --- | --- | ---: | ---: | ---: | ---: |'];
  const milliseconds = (value: number | null) => (value === null ? '—' : value.toFixed(0));
  for (const entry of rows) {
    const simultaneous = entry.row.simultaneous;
    if (simultaneous === undefined) continue;
    const kind = board.suites.find((suite) => suite.id === entry.suite)?.metricKind ?? 'mean';
    lines.push(
      `| ${cell(simultaneous.baseSuite)} | ${cell(entry.model)} | ${cell(simultaneous.policy)} | ${formatValue(entry.row.value, kind)} ${entry.row.metric === '' ? '' : cell(entry.row.metric)} | ${milliseconds(simultaneous.ms.AL)} | ${milliseconds(simultaneous.ms.LAAL)} | ${milliseconds(simultaneous.msComputationAware.AL)} |`,
    );
  }
  lines.push('', 'Latency in milliseconds of the source\u2019s timeline (SimulEval\u2019s AL and LAAL); the last column adds the model\u2019s own computation time. The curves are in charts/simultaneous-*.svg.', '');
  return lines;
}
