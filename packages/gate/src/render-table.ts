import { describeExclusions } from './gate.js';
import { COMPARISON_COLUMNS, comparisonCells, methodLabel, modelLabel, verdictSentence } from './format.js';
import type { GateReport } from './types.js';

/** Samples listed per regressed comparison on the terminal (all of them go into --markdown and --json). */
const LISTED_FLIPS = 40;

/** The gate's verdict as plain text for the terminal: a table, the flipped samples of regressions, exclusions, drift and notes. */
export function renderTable(report: GateReport): string {
  const lines: string[] = [];
  lines.push(`baseline  ${report.baseline.source} (${report.baseline.models.join(', ')})`);
  lines.push(`candidate ${report.candidate.source} (${report.candidate.models.join(', ')})`);
  lines.push(`margin ${(report.options.margin * 100).toFixed(1)}% of each metric's scale, alpha ${report.options.alpha} (one-sided, Holm across comparisons)`);
  if (report.comparisons.length > 0) {
    const header = [...COMPARISON_COLUMNS, 'verdict'];
    const rows = report.comparisons.map((comparison) => [...comparisonCells(comparison), comparison.verdict]);
    const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] as string).length)));
    const format = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column] as number)).join('  ').trimEnd();
    lines.push('', format(header), format(widths.map((width) => '-'.repeat(width))), ...rows.map(format));
  }
  for (const comparison of report.comparisons) {
    const label = `${comparison.suite} (${modelLabel(comparison)})`;
    if (comparison.verdict === 'cannot-compare') lines.push('', `${label}: cannot compare: ${comparison.reason}`);
    if (comparison.verdict === 'regression') {
      const what = comparison.discordant !== null ? 'flipped pass → fail' : 'scored lower (largest drops first)';
      lines.push('', `${label}: ${methodLabel(comparison)}; ${comparison.flipCount} sample${comparison.flipCount === 1 ? '' : 's'} ${what}:`);
      const listed = comparison.flips.slice(0, LISTED_FLIPS).map((flip) => (comparison.clusters < comparison.paired ? `${flip.sampleId}#${flip.repeat}` : flip.sampleId));
      lines.push(`  ${listed.join(', ')}${comparison.flipCount > listed.length ? `, … and ${comparison.flipCount - listed.length} more (see --markdown or --json)` : ''}`);
    }
    if (comparison.excluded.length > 0 && comparison.verdict !== 'cannot-compare') {
      const first = comparison.excluded.slice(0, 10).map((item) => `${item.sampleId}#${item.repeat}`);
      lines.push('', `${label}: ${comparison.excluded.length} of ${comparison.planned} pairs excluded (${describeExclusions(comparison)}): ${first.join(', ')}${comparison.excluded.length > first.length ? ', …' : ''}`);
    }
  }
  if (report.drift.length > 0 && report.refusal === null) {
    lines.push('', 'drift (compared anyway, --allow-drift):', ...report.drift.map((item) => `  ${item.suite}: ${item.change}`));
  }
  if (report.notes.length > 0) lines.push('', ...report.notes.map((note) => `note: ${note}`));
  lines.push('', verdictSentence(report));
  return lines.join('\n');
}
