import type { RenderedChart } from '../charts/render-chart.js';
import { formatCost, formatDifference, formatIntervalEnds, formatLatency, formatPoints, formatRate, formatScore, formatValue, plural } from '../format.js';
import { cellFinder, type BoardCell, type BoardModel, type BoardSuite, type CapabilityScore, type Leaderboard } from '../leaderboard/board-types.js';
import type { ModelDelta } from '../leaderboard/deltas.js';
import { samplePagePath } from '../site-paths.js';
import { escapeHtml, htmlPage, jsonForScript } from './html.js';

/** The site's front page: the leaderboard, the deltas, the charts, the suites and the runs. */
export function renderIndexPage(options: { board: Leaderboard; charts: RenderedChart[]; title: string; generatedAt: string }): string {
  const { board } = options;
  const incomplete = board.runs.filter((run) => !run.complete);
  const body = [
    `<header class="page"><h1>${escapeHtml(options.title)}</h1>`,
    `<p class="lede">${plural(board.models.length, 'model')} on ${plural(board.suites.length, 'suite')} from ${plural(board.runs.length, 'run')} · generated ${escapeHtml(options.generatedAt)} by Ladder · <a href="summary.md">summary.md</a> · <a href="results.json">results.json</a> · <a href="results.csv">results.csv</a></p>`,
    incomplete.length === 0
      ? ''
      : `<p class="warning">Incomplete: ${incomplete.map((run) => `${escapeHtml(run.name)} has ${run.finished} of ${run.planned} samples`).join('; ')}. Its numbers cover only the samples that finished.</p>`,
    '</header>',
    '<main>',
    leaderboardSection(board),
    ...board.deltas.map((delta) => deltaSection(board, delta)),
    chartsSection(options.charts),
    suitesSection(board),
    runsSection(board),
    methodSection(),
    '</main>',
  ].join('\n');
  return htmlPage({ title: options.title, root: '', body, scripts: ['site.js', 'vega.min.js', 'vega-interpreter.js', 'charts.js'] });
}

function leaderboardSection(board: Leaderboard): string {
  const find = cellFinder(board);
  const header = [
    th('#', { type: 'number', title: 'overall order: by mean win rate', lowFirst: true }),
    th('model', { type: 'text' }),
    th('mean win rate', { type: 'number', title: 'HELM: share of the other models beaten, averaged over the suites' }),
    th('firsts', { type: 'number', title: 'suites where the model is alone at rank 1' }),
    th('overall', { type: 'number', title: 'macro average over every suite, 0-100, with its 95% interval and rank' }),
    ...board.capabilities.map((capability) => th(capability, { type: 'number', title: `macro average over the ${capability} suites, 0-100`, kind: 'capability' })),
    ...board.suites.map((suite) => th(suite.id, { type: 'number', title: `${suite.metric}${suite.scale.higherIsBetter ? '' : ' (lower is better)'}; 95% interval; rank upper bound`, kind: 'suite' })),
    th('p50 latency', { type: 'number', title: 'end-to-end, median over the suites of their p50 (uncached calls)', lowFirst: true }),
    th('p90 latency', { type: 'number', title: 'end-to-end, median over the suites of their p90', lowFirst: true }),
    th('TTFT p50', { type: 'number', title: 'time to first token', lowFirst: true }),
    th('TTFT p90', { type: 'number', title: 'time to first token', lowFirst: true }),
    th('tokens/s', { type: 'number', title: 'output tokens per second (p50)' }),
    th('cost', { type: 'number', title: 'US dollars, uncached calls', lowFirst: true }),
  ].join('');
  const rows = board.models.map((model) => {
    const cells = [
      `<td data-value="${model.order}">${model.order}</td>`,
      `<td data-value="${escapeHtml(model.id)}" class="model"><span class="model-id">${escapeHtml(model.id)}</span>${runLinks(board, model)}</td>`,
      numberCell(model.meanWinRate, model.meanWinRate === null ? '—' : `${(model.meanWinRate * 100).toFixed(1)}%`),
      numberCell(model.firsts, String(model.firsts), model.firstSuites.length === 0 ? undefined : `first on ${model.firstSuites.join(', ')}`),
      groupCell(model.overall),
      ...board.capabilities.map((capability) => groupCell(model.capabilities[capability])),
      ...board.suites.map((suite) => suiteCell(suite, find(suite.id, model.id))),
      numberCell(model.latency.totalMsP50, formatLatency(model.latency.totalMsP50)),
      numberCell(model.latency.totalMsP90, formatLatency(model.latency.totalMsP90)),
      numberCell(model.latency.firstTokenMsP50, formatLatency(model.latency.firstTokenMsP50)),
      numberCell(model.latency.firstTokenMsP90, formatLatency(model.latency.firstTokenMsP90)),
      numberCell(model.latency.outputTokensPerSecondP50, formatRate(model.latency.outputTokensPerSecondP50)),
      numberCell(model.costUsd, formatCost(model.costUsd)),
    ];
    return `<tr data-model="${escapeHtml(model.id)}">${cells.join('')}</tr>`;
  });
  return `<section id="leaderboard-section">
<h2>Leaderboard</h2>
<p class="controls"><label>Filter models <input type="search" id="model-filter" placeholder="e.g. spark" autocomplete="off"></label> <span id="filter-count" aria-live="polite"></span></p>
<p class="legend">Cells: the metric, its 95% interval, and the rank upper bound <span class="rank">#k</span> (1 + the models whose interval lies entirely above); <span class="first-mark">★</span> marks a first: alone at rank 1. Click a header to sort; a suite's cell opens its samples.</p>
<div class="table-wrap"><table id="leaderboard" class="sortable">
<thead><tr>${header}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>
</section>`;
}

/** A sortable column's header. `lowFirst`: its first click sorts low to high (latency, cost). */
function th(label: string, options: { type: 'number' | 'text'; title?: string; kind?: string; lowFirst?: boolean }): string {
  const attributes = [
    `scope="col"`,
    `data-type="${options.type}"`,
    options.kind === undefined ? '' : `class="${options.kind}"`,
    options.lowFirst === true ? 'data-low-first="true"' : '',
    'aria-sort="none"',
    options.title === undefined ? '' : `title="${escapeHtml(options.title)}"`,
  ].filter((attribute) => attribute !== '');
  return `<th ${attributes.join(' ')}><button type="button">${escapeHtml(label)}</button></th>`;
}

function numberCell(value: number | null, text: string, title?: string): string {
  return `<td data-value="${value === null ? '' : value}"${title === undefined ? '' : ` title="${escapeHtml(title)}"`}>${escapeHtml(text)}</td>`;
}

function runLinks(board: Leaderboard, model: BoardModel): string {
  const links = model.runs.map((index) => {
    const run = board.runs[index];
    if (run === undefined) return '';
    return `<a class="manifest" href="runs/${run.siteId}/manifest.json" title="the reproducibility manifest of run ${escapeHtml(run.name)}">manifest${model.runs.length > 1 ? ` ${index + 1}` : ''}</a>${run.complete ? '' : ' <span class="warning-mark" title="incomplete run">incomplete</span>'}`;
  });
  return ` <span class="runs">${links.join(' ')}</span>`;
}

function rankBadge(rank: number | null, first: boolean): string {
  if (rank === null) return '';
  return ` <span class="rank">#${rank}</span>${first ? ' <span class="first-mark" title="alone at rank 1">★</span>' : ''}`;
}

function groupCell(entry: CapabilityScore | undefined): string {
  const score = entry?.score ?? null;
  if (entry === undefined || score === null) {
    const title = entry !== undefined && entry.missing.length > 0 ? `no value on ${entry.missing.join(', ')}` : undefined;
    return numberCell(null, '—', title);
  }
  return `<td data-value="${score.value}" title="macro average of ${escapeHtml(score.suites.join(', '))}">${formatScore(score.value)} <span class="ci">${formatScore(score.ci95[0])}–${formatScore(score.ci95[1])}</span>${rankBadge(entry.rank, false)}</td>`;
}

function suiteCell(suite: BoardSuite, cell: BoardCell | undefined): string {
  if (cell === undefined) return numberCell(null, '', 'not run');
  const kind = suite.metricKind;
  const { row } = cell;
  const sortValue = row.value === null ? '' : suite.scale.higherIsBetter ? row.value : -row.value;
  const href = samplePagePath(suite.id, cell.model);
  const notes = [`n ${row.n}`, row.errors > 0 ? `${row.errors} errors` : '', row.cached > 0 ? `${row.cached} cached` : ''].filter((note) => note !== '').join(', ');
  return `<td data-value="${sortValue}" class="${cell.first ? 'first' : ''}" title="${escapeHtml(notes)}"><a href="${href}">${escapeHtml(formatValue(row.value, kind))}</a> <span class="ci">${formatIntervalEnds(row.ci95, kind)}</span>${rankBadge(cell.rank, cell.first)}</td>`;
}

function deltaSection(board: Leaderboard, delta: ModelDelta): string {
  const kindOf = (suite: string) => board.suites.find((entry) => entry.id === suite)?.metricKind ?? 'mean';
  const suiteRows = delta.suites.map((entry) => {
    const kind = kindOf(entry.suite);
    const estimate = entry.delta;
    return `<tr><th scope="row">${escapeHtml(entry.suite)}</th><td>${escapeHtml(formatValue(entry.base, kind))}</td><td>${escapeHtml(formatValue(entry.candidate, kind))}</td><td class="${signClass(estimate?.ci95)}">${escapeHtml(formatDifference(estimate?.value, kind))}</td><td>${estimate === null ? '' : escapeHtml(`${formatDifference(estimate.ci95[0], kind)} to ${formatDifference(estimate.ci95[1], kind)}`)}</td><td>${estimate === null ? 'no values' : estimate.method === 'paired' ? `paired, ${estimate.pairs} samples` : 'unpaired'}</td></tr>`;
  });
  const groupRows = [...delta.capabilities, delta.overall].map((entry) => {
    const estimate = entry.delta;
    return `<tr class="group"><th scope="row">${escapeHtml(entry.group)}</th><td>${formatScore(entry.base)}</td><td>${formatScore(entry.candidate)}</td><td class="${signClass(estimate?.ci95)}">${formatPoints(estimate?.value)}</td><td>${estimate === null ? '' : `${formatPoints(estimate.ci95[0])} to ${formatPoints(estimate.ci95[1])}`}</td><td>${estimate === null ? escapeHtml(`missing ${entry.missing.join(', ')}`) : plural(estimate.suites.length, 'suite')}</td></tr>`;
  });
  return `<section class="delta">
<h2>${escapeHtml(delta.candidate)} against ${escapeHtml(delta.base)}</h2>
<p class="legend">Δ = ${escapeHtml(delta.candidate)} − ${escapeHtml(delta.base)}. Suites on their own scale (percentage points for proportions), capabilities and overall in points of the 0-100 scale. A difference is clear when its 95% interval excludes 0 (shown in colour).</p>
<div class="table-wrap"><table class="delta-table">
<thead><tr><th scope="col">suite / capability</th><th scope="col">${escapeHtml(delta.base)}</th><th scope="col">${escapeHtml(delta.candidate)}</th><th scope="col">Δ</th><th scope="col">95% interval</th><th scope="col">how</th></tr></thead>
<tbody>
${[...suiteRows, ...groupRows].join('\n')}
</tbody>
</table></div>
</section>`;
}

function signClass(interval: readonly [number, number] | undefined): string {
  if (interval === undefined) return '';
  return interval[0] > 0 ? 'better' : interval[1] < 0 ? 'worse' : '';
}

function chartsSection(charts: RenderedChart[]): string {
  const figures = charts.map(
    (chart) => `<figure class="chart" data-chart="${escapeHtml(chart.name)}" data-marks="${chart.marks}">
<figcaption>${escapeHtml(chart.title)} <a href="charts/${escapeHtml(chart.name)}.svg">SVG</a></figcaption>
<div class="chart-static">${chart.svg}</div>
<div class="chart-live"></div>
<script type="application/json" class="chart-spec">${jsonForScript(chart.vega)}</script>
</figure>`,
  );
  return `<section id="charts"><h2>Charts</h2>${figures.length === 0 ? '<p>No chart has data: the runs hold no scored samples.</p>' : figures.join('\n')}</section>`;
}

function suitesSection(board: Leaderboard): string {
  const rows = board.suites.map(
    (suite) =>
      `<tr><th scope="row">${escapeHtml(suite.id)}</th><td>${escapeHtml(suite.version)}</td><td>${escapeHtml(suite.capabilities.join(', '))}</td><td>${escapeHtml(suite.metric)} (${suite.metricKind}${suite.scale.scale === null ? ', scale unknown: left out of averages' : `, 0-${suite.scale.scale}`}${suite.scale.higherIsBetter ? '' : ', lower is better'})</td><td>${suite.samples} × ${suite.repeats}</td><td>${suite.chance === null ? '—' : escapeHtml(formatValue(suite.chance, suite.metricKind))}</td><td><code title="${escapeHtml(suite.datasetSource)}">${escapeHtml(suite.datasetSha256.slice(0, 12))}</code></td><td>${suite.runs.map((index) => escapeHtml(board.runs[index]?.name ?? '')).join(', ')}</td></tr>`,
  );
  return `<section id="suites"><h2>Suites</h2><div class="table-wrap"><table>
<thead><tr><th scope="col">suite</th><th scope="col">version</th><th scope="col">capabilities</th><th scope="col">metric</th><th scope="col">samples × repeats</th><th scope="col">chance</th><th scope="col">data sha256</th><th scope="col">runs</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></div></section>`;
}

function runsSection(board: Leaderboard): string {
  const rows = board.runs.map((run, index) => {
    const { manifest } = run;
    return `<tr><td>${index + 1}</td><th scope="row">${escapeHtml(run.name)}</th><td><code>${escapeHtml(manifest.planId.slice(0, 12))}</code></td><td>${escapeHtml(manifest.createdAt)}</td><td>${run.complete ? 'complete' : `<span class="warning-mark">incomplete</span>`} (${run.finished} of ${run.planned})</td><td>${escapeHtml(manifest.models.map((model) => model.id).join(', '))}</td><td>Ladder ${escapeHtml(manifest.ladderVersion)}${manifest.gitRevision === null ? '' : ` <code>${escapeHtml(manifest.gitRevision.slice(0, 12))}</code>`}, Node ${escapeHtml(manifest.nodeVersion)}, seed ${manifest.seed}</td><td><a href="runs/${run.siteId}/manifest.json">manifest.json</a></td></tr>`;
  });
  return `<section id="runs"><h2>Runs</h2><div class="table-wrap"><table>
<thead><tr><th scope="col"></th><th scope="col">run</th><th scope="col">plan</th><th scope="col">started</th><th scope="col">status</th><th scope="col">models</th><th scope="col">software</th><th scope="col">reproduce</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></div></section>`;
}

function methodSection(): string {
  return `<section id="method"><h2>How the numbers are computed</h2>
<ul>
<li><strong>Intervals</strong>: 95%. Wilson for proportions; with repeats, a normal interval with the standard error clustered by sample; a seeded percentile bootstrap for other scores (corpus metrics recomputed on each resample). Infrastructure errors are outside the denominator <em>n</em>.</li>
<li><strong>Rank</strong> (Chatbot Arena's rank upper bound): 1 + the number of models whose interval lies entirely above this one's. Models whose intervals overlap share a rank. A <strong>first</strong> counts only when a model is alone at rank 1.</li>
<li><strong>Capabilities and overall</strong>: every suite is put on a 0-1 scale where higher is better (accuracy as is, chrF / 100); the score is the unweighted mean over the suites with that tag, each suite counting once, with a normal interval whose standard error is √(Σ SEᵢ²) / k from the suites' intervals. A model missing one of the suites gets no score there.</li>
<li><strong>Mean win rate</strong> (HELM): on each suite, the share of the other models a model beats (ties count one half), averaged over the suites. It gives the overall order.</li>
<li><strong>Deltas</strong>: paired over the samples both models scored (per-sample differences; a paired bootstrap for corpus metrics), else from the two intervals.</li>
<li><strong>Latency</strong>: uncached calls only; per model, the median over its suites of their p50 and p90.</li>
</ul></section>`;
}

