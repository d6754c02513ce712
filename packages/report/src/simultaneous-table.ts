import type { LatencyMetrics, ResultRow, SimultaneousSummary } from '@ladder/core';
import type { RunAggregate } from './aggregate.js';
import { markdownCell as cell } from './markdown-cell.js';

type SimultaneousRow = ResultRow & { simultaneous: SimultaneousSummary };

/**
 * The quality-latency tables of a run's simultaneous-translation rows, one per base suite: a
 * line per model x policy with the quality (BLEU, and chrF when the suite reports it) and SimulEval's latency in source units, in
 * ms of the speech, and in ms with the model's computation. Empty when there are none.
 */
export function renderQualityLatency(aggregate: RunAggregate): string[] {
  const rows = aggregate.rows.filter((row): row is SimultaneousRow => row.simultaneous !== undefined);
  if (rows.length === 0) return [];
  const lines: string[] = [];
  const baseSuites = [...new Set(rows.map((row) => row.simultaneous.baseSuite))];
  const models = aggregate.manifest.models.map((model) => model.id);
  for (const baseSuite of baseSuites) {
    const ofSuite = rows.filter((row) => row.simultaneous.baseSuite === baseSuite);
    const metric = ofSuite[0]?.metric ?? 'BLEU';
    lines.push(
      `## Quality and latency: ${cell(baseSuite)}`,
      '',
      `| model | policy | ${cell(metric)} | 95% CI | chrF | AL (words) | LAAL (words) | DAL (words) | AP | AL (ms) | LAAL (ms) | AL with computation (ms) | LAAL with computation (ms) | start (ms) | end offset (ms) |`,
      '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const model of models) {
      for (const row of ofSuite.filter((candidate) => candidate.model === model)) {
        const { words, ms, msComputationAware: aware } = row.simultaneous;
        const partial = row.simultaneous.timedSamples !== undefined && row.simultaneous.samples !== undefined && row.simultaneous.timedSamples < row.simultaneous.samples;
        const awareCell = (value: number | null) => (value === null ? '—' : `${fixed(value, 0)}${partial ? '*' : ''}`);
        lines.push(
          `| ${cell(model)} | ${cell(row.simultaneous.policy)} | ${fixed(row.value, 2)} | ${row.ci95 === null ? '' : `[${fixed(row.ci95[0], 2)}, ${fixed(row.ci95[1], 2)}]`} | ${fixed(row.metrics?.['chrF']?.value ?? null, 2)} | ` +
            `${fixed(words.AL, 2)} | ${fixed(words.LAAL, 2)} | ${fixed(words.DAL, 2)} | ${fixed(words.AP, 3)} | ` +
            `${fixed(ms.AL, 0)} | ${fixed(ms.LAAL, 0)} | ${awareCell(aware.AL)} | ${awareCell(aware.LAAL)} | ${fixed(ms.startOffset, 0)} | ${fixed(ms.endOffset, 0)} |`,
        );
      }
    }
    lines.push('', footnote(ofSuite), '');
  }
  return lines;
}

function footnote(rows: SimultaneousRow[]): string {
  const notes = [
    'SimulEval latency: means over the samples with output. Words are source units (characters for a Chinese source); ms are on the speech timeline (when the words had been heard); "with computation" adds the model calls\' time so far (SimulEval\'s computation-aware `elapsed`).',
  ];
  const partial = rows.filter((row) => (row.simultaneous.timedSamples ?? 0) < (row.simultaneous.samples ?? 0));
  if (partial.length > 0) notes.push('\\* over the samples whose calls were all timed; cached calls have no timing (run with `--no-cache` to time them all).');
  if (rows.some((row) => allNull(row.simultaneous.msComputationAware) && (row.simultaneous.samples ?? 0) > 0)) notes.push('— with computation: every call was served from the cache.');
  return notes.join(' ');
}

function allNull(metrics: LatencyMetrics): boolean {
  return Object.values(metrics).every((value) => value === null);
}

function fixed(value: number | null, digits: number): string {
  return value === null ? '—' : value.toFixed(digits);
}
