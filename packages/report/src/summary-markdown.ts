import type { MetricKind, ResultRow } from '@ladder/core';
import type { RunAggregate } from './aggregate.js';
import { renderQualityLatency } from './simultaneous-table.js';

/** Formats a metric value: proportions as percentages, others on their own scale. */
export function formatValue(value: number | null, kind: MetricKind): string {
  if (value === null) return 'n/a';
  return kind === 'proportion' ? `${(value * 100).toFixed(1)}%` : value.toFixed(2);
}

function formatInterval(interval: [number, number] | null, kind: MetricKind): string {
  if (interval === null) return '';
  const scale = kind === 'proportion' ? 100 : 1;
  const digits = kind === 'proportion' ? 1 : 2;
  return `[${(interval[0] * scale).toFixed(digits)}, ${(interval[1] * scale).toFixed(digits)}]`;
}

function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

/** GitHub-flavoured Markdown: fit for a pull-request comment or a job summary. */
export function renderSummary(aggregate: RunAggregate): string {
  const { manifest, rows } = aggregate;
  const kinds = new Map(manifest.suites.map((suite) => [suite.id, suite.metricKind]));
  const lines: string[] = ['# Ladder results', ''];
  lines.push(
    `Plan \`${manifest.planId}\` · ${aggregate.finished} of ${aggregate.planned} samples · seed ${manifest.seed}` +
      ` · Ladder ${manifest.ladderVersion}${manifest.gitRevision === null ? '' : ` (\`${manifest.gitRevision.slice(0, 12)}\`)`} · Node ${manifest.nodeVersion}`,
    '',
  );
  if (manifest.status !== 'complete' || aggregate.finished < aggregate.planned) {
    lines.push(
      `> **Incomplete run:** ${aggregate.finished} of ${aggregate.planned} samples are in the journal. ` +
        'Finish it with the same `ladder run` command plus `--resume`.',
      '',
    );
  }
  const models = manifest.models.map((model) => model.id);
  lines.push('## Overview', '', `| model | ${manifest.suites.map((suite) => cell(suite.id)).join(' | ')} |`);
  lines.push(`| --- | ${manifest.suites.map(() => '---:').join(' | ')} |`);
  for (const model of models) {
    const cells = manifest.suites.map((suite) => {
      const row = rows.find((candidate) => candidate.suite === suite.id && candidate.model === model);
      if (row === undefined) return '';
      const kind = kinds.get(suite.id) ?? 'proportion';
      return `${formatValue(row.value, kind)} ${formatInterval(row.ci95, kind)}`.trim();
    });
    lines.push(`| ${cell(model)} | ${cells.join(' | ')} |`);
  }
  lines.push('', 'Cells: the metric with its 95% interval. Infrastructure errors are not in the denominator; see each suite.', '');
  lines.push(...renderQualityLatency(aggregate));

  for (const suite of manifest.suites) {
    const kind = suite.metricKind;
    const chance = suite.chance === null ? '' : `, chance ${formatValue(suite.chance, kind)}`;
    lines.push(
      `## ${cell(suite.id)}`,
      '',
      `v${suite.version} · ${suite.capabilities.join(', ') || 'no capability tags'} · ${suite.samples} samples x ${suite.repeats} repeat(s) · metric ${suite.metric}${chance} · data sha256 \`${suite.datasetSha256.slice(0, 12)}\``,
      '',
      `| model | ${cell(suite.metric)} | 95% CI | n | errors | truncated | unanswered | cached | p50 latency | cost |`,
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const row of rows.filter((candidate) => candidate.suite === suite.id)) {
      const latency = aggregate.latency.find((entry) => entry.suite === row.suite && entry.model === row.model);
      lines.push(
        `| ${cell(row.model)} | ${formatValue(row.value, kind)} | ${formatInterval(row.ci95, kind)} | ${row.n} | ${row.errors} | ${row.truncated} | ${row.unanswered} | ${row.cached} | ${formatLatency(latency?.totalMsP50 ?? null)} | ${row.costUsd === null ? '—' : `$${row.costUsd.toFixed(4)}`} |`,
      );
    }
    for (const row of rows.filter((candidate) => candidate.suite === suite.id)) {
      if (row.macroValue !== null) {
        lines.push('', `${cell(row.model)}: ${formatValue(row.value, kind)} over samples, ${formatValue(row.macroValue, kind)} as the unweighted mean of ${row.groups} groups.`);
      }
      if (row.circularValue !== null) lines.push('', `${cell(row.model)}: CircularEval ${formatValue(row.circularValue, kind)} (right under every rotation of the options); the value above is per rotation.`);
      if (row.majorityValue !== null) lines.push('', `${cell(row.model)}: maj@${suite.repeats} (majority answer over ${suite.repeats} repeats) ${formatValue(row.majorityValue, kind)}; the value above is pass@1 averaged over the repeats.`);
      if (row.passAtK !== undefined && row.passAtK !== null) {
        const values = Object.entries(row.passAtK).map(([k, value]) => `pass@${k} ${formatValue(value, 'proportion')}`);
        lines.push('', `${cell(row.model)}: ${values.join(' · ')} (unbiased estimator over ${Object.keys(row.passCounts ?? {}).length} problems, ${suite.repeats} sample(s) each).`);
      }
    }
    lines.push(...secondaryLines(suite, rows), ...signatureLines(suite), ...throughputLines(suite, aggregate));
    lines.push('');
  }
  return `${lines.join('\n')}`;
}

/** The secondary corpus metrics (chrF beside BLEU): one column with its interval per metric. */
function secondaryLines(suite: RunAggregate['manifest']['suites'][number], rows: ResultRow[]): string[] {
  const names = (suite.secondaryMetrics ?? []).map((metric) => metric.name);
  const suiteRows = rows.filter((row) => row.suite === suite.id && row.metrics !== undefined);
  if (names.length === 0 || suiteRows.length === 0) return [];
  const lines = ['', `| model | ${names.map((name) => `${cell(name)} | 95% CI`).join(' | ')} |`, `| --- |${' ---: | ---: |'.repeat(names.length)}`];
  for (const row of suiteRows) {
    const cells = names.map((name) => {
      const metric = row.metrics?.[name];
      return `${formatValue(metric?.value ?? null, 'corpus')} | ${formatInterval(metric?.ci95 ?? null, 'corpus')}`;
    });
    lines.push(`| ${cell(row.model)} | ${cells.join(' | ')} |`);
  }
  return lines;
}

/** The exact metric definitions (sacreBLEU signatures), when the suite's scorer gives them. */
function signatureLines(suite: RunAggregate['manifest']['suites'][number]): string[] {
  const entries = [
    ...(suite.metricSignature === undefined ? [] : [[suite.metric, suite.metricSignature]]),
    ...(suite.secondaryMetrics ?? []).flatMap((metric) => (metric.signature === undefined ? [] : [[metric.name, metric.signature]])),
  ];
  return entries.length === 0 ? [] : ['', `Signatures: ${entries.map(([name, signature]) => `${cell(name ?? '')} \`${signature ?? ''}\``).join(', ')}.`];
}

/** Output words and characters per second of the timed calls, for translation suites. */
function throughputLines(suite: RunAggregate['manifest']['suites'][number], aggregate: RunAggregate): string[] {
  if (!suite.capabilities.includes('translation')) return [];
  const entries = aggregate.latency.filter((entry) => entry.suite === suite.id && (entry.outputWordsPerSecondP50 ?? null) !== null);
  if (entries.length === 0) return [];
  const lines = ['', '| model | output words/s (p50) | output chars/s (p50) | timed calls |', '| --- | ---: | ---: | ---: |'];
  for (const entry of entries) {
    lines.push(`| ${cell(entry.model)} | ${(entry.outputWordsPerSecondP50 ?? 0).toFixed(1)} | ${entry.outputCharactersPerSecondP50 === null || entry.outputCharactersPerSecondP50 === undefined ? '—' : entry.outputCharactersPerSecondP50.toFixed(1)} | ${entry.timed} |`);
  }
  return lines;
}

export function formatLatency(ms: number | null): string {
  if (ms === null) return '—';
  return ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

export type { ResultRow };
