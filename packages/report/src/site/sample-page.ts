import type { ChatMessage, SampleRecord } from '@ladder/core';
import { formatCost, formatIntervalEnds, formatLatency, formatRate, formatValue } from '../format.js';
import type { BoardCell, BoardRun, BoardSuite } from '../leaderboard/board-types.js';
import { sampleAnchor } from '../site-paths.js';
import { escapeHtml, htmlPage } from './html.js';

/** What a sample page shows where the prompt goes: the rendered messages, or why they are not shown. */
export type PromptBlock = string;

/** The prompt's messages, escaped, collapsed under "Prompt". */
export function renderPromptBlock(messages: readonly ChatMessage[]): PromptBlock {
  const parts = messages.map((message) => `<div class="message"><span class="role">${escapeHtml(message.role)}</span><pre>${escapeHtml(message.content)}</pre></div>`);
  return `<details class="prompt"><summary>Prompt (${messages.length} message${messages.length === 1 ? '' : 's'})</summary>${parts.join('')}</details>`;
}

export function promptNote(text: string): PromptBlock {
  return `<p class="prompt-note">${escapeHtml(text)}</p>`;
}

/** right / wrong / unanswered / error / truncated / scored (continuous metrics): what the page's filter selects on. */
function outcomeOf(record: SampleRecord, kind: BoardSuite['metricKind']): string {
  if (record.status === 'format_error') return 'unanswered';
  if (record.status === 'truncated') return 'truncated';
  if (record.status !== 'ok' || record.score === null) return 'error';
  if (kind !== 'proportion') return 'scored';
  return record.score >= 1 ? 'right' : 'wrong';
}

/** One sample x repeat as an `<article>` whose id is `sampleAnchor(sampleId, repeat)`. */
export function renderSampleArticle(record: SampleRecord, options: { kind: BoardSuite['metricKind']; prompt: PromptBlock }): string {
  const anchor = sampleAnchor(record.sampleId, record.repeat);
  const outcome = outcomeOf(record, options.kind);
  const facts: [string, string][] = [
    ['status', record.status],
    ['score', record.score === null ? '—' : String(record.score)],
    ['extracted answer', record.answer ?? '—'],
  ];
  if (record.group !== undefined) facts.push(['group', record.group]);
  if (record.cached) facts.push(['timing', 'cached: no model call, no timing']);
  else if (record.timing !== null) {
    facts.push(['time to first token', formatLatency(record.timing.firstTokenMs)]);
    if (record.timing.firstAnswerTokenMs !== record.timing.firstTokenMs) facts.push(['first answer token', formatLatency(record.timing.firstAnswerTokenMs)]);
    facts.push(['total', formatLatency(record.timing.totalMs)]);
    if (record.timing.outputTokensPerSecond !== null) facts.push(['output tokens/s', formatRate(record.timing.outputTokensPerSecond)]);
  }
  if (record.usage !== undefined && record.usage !== null && (record.usage.inputTokens !== undefined || record.usage.outputTokens !== undefined)) {
    facts.push(['tokens in / out', `${record.usage.inputTokens ?? '?'} / ${record.usage.outputTokens ?? '?'}`]);
  }
  if (record.costUsd !== undefined) facts.push(['cost', formatCost(record.costUsd)]);
  if (record.attempts > 1) facts.push(['attempts', `${record.attempts} (waited ${formatLatency(record.retryWaitMs)})`]);
  if (record.finishReason !== undefined && record.finishReason !== null && record.finishReason.unified !== 'stop') facts.push(['finish', record.finishReason.raw ?? record.finishReason.unified]);
  const list = facts.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`).join('');
  const sections = [
    `<header><h2><a href="#${anchor}">${escapeHtml(record.sampleId)}</a><span class="repeat">repeat ${record.repeat}</span></h2><span class="badge outcome-${outcome}">${outcome}</span></header>`,
    `<dl class="facts">${list}</dl>`,
    options.prompt,
    `<div class="output"><h3>Answer</h3>${record.output === null ? '<p class="none">no output</p>' : `<pre>${escapeHtml(record.output)}</pre>`}</div>`,
  ];
  if (record.reasoning !== undefined && record.reasoning !== null && record.reasoning !== '') {
    sections.push(`<details class="reasoning"><summary>Reasoning (${record.reasoning.length} characters)</summary><pre>${escapeHtml(record.reasoning)}</pre></details>`);
  }
  if (record.error !== undefined) sections.push(`<p class="error">${escapeHtml(record.error)}</p>`);
  if (record.explanation !== undefined) sections.push(`<p class="explanation">${escapeHtml(record.explanation)}</p>`);
  if (record.warnings !== undefined && record.warnings.length > 0) sections.push(`<p class="warnings">${escapeHtml(record.warnings.join('; '))}</p>`);
  if (record.details !== undefined) sections.push(`<details class="details"><summary>Scorer details</summary><pre>${escapeHtml(JSON.stringify(record.details, null, 2))}</pre></details>`);
  return `<article class="sample" id="${anchor}" data-outcome="${outcome}">${sections.join('')}</article>`;
}

/** The page of one suite x model: a header with its numbers, then every sample in order of id and repeat. */
export function renderSamplePage(options: { suite: BoardSuite; cell: BoardCell; run: BoardRun; articles: string[]; promptNote: string | null }): string {
  const { suite, cell, run } = options;
  const { row } = cell;
  const kind = suite.metricKind;
  const root = '../../';
  const summary: [string, string][] = [
    [suite.metric, `${formatValue(row.value, kind)}${row.ci95 === null ? '' : ` (95% ${formatIntervalEnds(row.ci95, kind)})`}`],
    ['rank', cell.rank === null ? '—' : `#${cell.rank}${cell.first ? ' ★ first' : ''}`],
    ['n (scored)', String(row.n)],
    ['errors', String(row.errors)],
    ['unanswered', String(row.unanswered)],
    ['truncated', String(row.truncated)],
    ['cached', `${row.cached} of ${row.n + row.errors + row.truncated}${row.n + row.errors + row.truncated > 0 ? ` (${((100 * row.cached) / (row.n + row.errors + row.truncated)).toFixed(0)}%; no timing, no cost)` : ''}`],
    ['latency p50 / p90', `${formatLatency(cell.latency?.totalMsP50 ?? null)} / ${formatLatency(cell.latency?.totalMsP90 ?? null)} (${cell.latency?.timed ?? 0} timed calls)`],
    ['time to first token p50 / p90', `${formatLatency(cell.latency?.firstTokenMsP50 ?? null)} / ${formatLatency(cell.latency?.firstTokenMsP90 ?? null)}`],
    ['output tokens/s p50', formatRate(cell.latency?.outputTokensPerSecondP50)],
    ['cost', formatCost(row.costUsd)],
  ];
  const title = `${suite.id} · ${cell.model}`;
  const body = `<header class="page"><p class="crumbs"><a href="${root}index.html">Leaderboard</a> › ${escapeHtml(suite.id)}</p>
<h1>${escapeHtml(title)}</h1>
<dl class="summary">${summary.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl>
<p>Suite v${escapeHtml(suite.version)} · ${escapeHtml(suite.capabilities.join(', '))} · data sha256 <code>${escapeHtml(suite.datasetSha256.slice(0, 12))}</code> · run ${escapeHtml(run.name)}${run.complete ? '' : ' (incomplete)'} · <a href="${root}runs/${run.siteId}/manifest.json">manifest.json</a></p>
${options.promptNote === null ? '' : `<p class="prompt-note">${escapeHtml(options.promptNote)}</p>`}
<p class="controls"><label>Show <select id="outcome-filter"><option value="">all samples</option><option value="right">right</option><option value="wrong">wrong</option><option value="unanswered">unanswered</option><option value="error">errors</option><option value="truncated">truncated</option><option value="scored">scored (continuous)</option></select></label> <span id="filter-count" aria-live="polite">${options.articles.length} samples</span></p>
</header>
<main class="samples">
${options.articles.join('\n')}
</main>`;
  return htmlPage({ title, root, body, scripts: ['site.js'] });
}
