import { join } from 'node:path';
import { writeToString } from 'fast-csv';
import type { ResultRow } from '@ladder/core';
import { writeFileAtomic } from '@ladder/runner';
import { aggregateRun, type RunAggregate } from './aggregate.js';
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

export async function renderCsv(rows: ResultRow[], extra?: CsvExtraColumns): Promise<string> {
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
    ...(extra === undefined ? [] : extra.cells(row, index).map((cell) => (typeof cell === 'string' ? neutralizeFormula(cell) : (cell ?? '')))),
  ]);
  const headers = [...CSV_COLUMNS, ...(extra?.headers ?? [])];
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
  writeFileAtomic(files[1]!, await renderCsv(aggregate.rows));
  writeFileAtomic(files[2]!, renderSummary(aggregate));
  return { aggregate, files };
}
