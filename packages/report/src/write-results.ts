import { join } from 'node:path';
import { writeToString } from 'fast-csv';
import type { ResultRow } from '@ladder/core';
import { writeFileAtomic } from '@ladder/runner';
import { aggregateRun, type LatencySummary, type RunAggregate } from './aggregate.js';
import { renderSummary } from './summary-markdown.js';

export const CSV_COLUMNS = [
  'suite',
  'model',
  'metric',
  'value',
  'ci95_low',
  'ci95_high',
  'n',
  'errors',
  'truncated',
  'unanswered',
  'cached',
  'chance',
  'repeats',
  'samples',
  'cost_usd',
  'groups',
  'macro_value',
  'majority_value',
  'circular_value',
] as const;

/**
 * A text cell a spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return) gets a leading apostrophe. Numbers are never passed through it: a negative
 * number stays a number.
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A cell of an extra column: text is neutralised, numbers and booleans are written as they are. */
export type CsvCell = string | number | boolean | null | undefined;

/** Extra columns after the standard ones (the combined report adds ranks, latency and the run). */
export interface CsvExtraColumns {
  headers: string[];
  cells(row: ResultRow, index: number): CsvCell[];
}

/** Latency columns (medians and 90th percentiles over the timed, uncached calls), in both the per-run and the combined results.csv. */
export const LATENCY_CSV_COLUMNS = [
  'first_token_ms_p50',
  'first_token_ms_p90',
  'total_ms_p50',
  'total_ms_p90',
  'output_tokens_per_second_p50',
  'output_words_per_second_p50',
  'output_characters_per_second_p50',
] as const;

export function latencyCells(latency: LatencySummary | null | undefined): CsvCell[] {
  return [
    latency?.firstTokenMsP50,
    latency?.firstTokenMsP90,
    latency?.totalMsP50,
    latency?.totalMsP90,
    latency?.outputTokensPerSecondP50,
    latency?.outputWordsPerSecondP50,
    latency?.outputCharactersPerSecondP50,
  ];
}

/** The secondary metrics of the rows (chrF beside BLEU, say), in the order they first appear. */
function secondaryMetricNames(rows: ResultRow[]): string[] {
  const names = new Set<string>();
  for (const row of rows) for (const name of Object.keys(row.metrics ?? {})) names.add(name);
  return [...names];
}

/**
 * The standard columns; then per secondary metric `<name>`, `<name>_ci95_low` and
 * `<name>_ci95_high` (empty on rows without it); then `extra`.
 */
export async function renderCsv(rows: ResultRow[], extra?: CsvExtraColumns): Promise<string> {
  const secondary = secondaryMetricNames(rows);
  const table = rows.map((row, index) => [
    neutralizeFormula(row.suite),
    neutralizeFormula(row.model),
    neutralizeFormula(row.metric),
    row.value ?? '',
    row.ci95?.[0] ?? '',
    row.ci95?.[1] ?? '',
    row.n,
    row.errors,
    row.truncated,
    row.unanswered,
    row.cached,
    row.chance ?? '',
    row.repeats,
    row.samples,
    row.costUsd ?? '',
    row.groups,
    row.macroValue ?? '',
    row.majorityValue ?? '',
    row.circularValue ?? '',
    ...secondary.flatMap((name) => {
      const metric = row.metrics?.[name];
      return [metric?.value ?? '', metric?.ci95?.[0] ?? '', metric?.ci95?.[1] ?? ''];
    }),
    ...(extra === undefined ? [] : extra.cells(row, index).map((cell) => (typeof cell === 'string' ? neutralizeFormula(cell) : (cell ?? '')))),
  ]);
  const headers = [...CSV_COLUMNS, ...secondary.flatMap((name) => [name, `${name}_ci95_low`, `${name}_ci95_high`].map(neutralizeFormula)), ...(extra?.headers ?? [])];
  return `${await writeToString(table, { headers, writeHeaders: true })}\n`;
}

export function renderResultsJson(aggregate: RunAggregate): string {
  const { manifest } = aggregate;
  return `${JSON.stringify(
    {
      planId: manifest.planId,
      complete: manifest.status === 'complete' && aggregate.finished >= aggregate.planned,
      finished: aggregate.finished,
      planned: aggregate.planned,
      gitRevision: manifest.gitRevision,
      suites: manifest.suites.map((suite) => ({
        id: suite.id,
        version: suite.version,
        capabilities: suite.capabilities,
        datasetSha256: suite.datasetSha256,
        metric: suite.metric,
        ...(suite.metricSignature === undefined ? {} : { metricSignature: suite.metricSignature }),
        ...(suite.secondaryMetrics === undefined ? {} : { secondaryMetrics: suite.secondaryMetrics }),
        chance: suite.chance,
      })),
      models: manifest.models.map((model) => model.id),
      rows: aggregate.rows,
      latency: aggregate.latency,
    },
    null,
    2,
  )}\n`;
}

/** (Re)writes results.json, results.csv and summary.md of a run directory. */
export async function writeResults(directory: string): Promise<{ aggregate: RunAggregate; files: string[] }> {
  const aggregate = aggregateRun(directory);
  const files = [join(directory, 'results.json'), join(directory, 'results.csv'), join(directory, 'summary.md')];
  writeFileAtomic(files[0]!, renderResultsJson(aggregate));
  const latency = new Map(aggregate.latency.map((entry) => [`${entry.suite}\u0000${entry.model}`, entry]));
  writeFileAtomic(files[1]!, await renderCsv(aggregate.rows, { headers: [...LATENCY_CSV_COLUMNS], cells: (row) => latencyCells(latency.get(`${row.suite}\u0000${row.model}`)) }));
  writeFileAtomic(files[2]!, renderSummary(aggregate));
  return { aggregate, files };
}
