import { excludedLabel, formatDelta, formatDetectable, formatInterval, formatLevel, formatP, formatValue, methodLabel, modelLabel } from './format.js';
import type { Comparison, GateReport } from './types.js';

/**
 * JUnit XML for CI test reports: one testcase per suite x model; a regression is a `<failure>`,
 * "cannot compare" an `<error>`; a refused (drifted) pair of runs is one errored testcase.
 */
export function renderJunit(report: GateReport): string {
  const cases = report.refusal !== null ? [refusedCase(report.refusal)] : report.comparisons.map(comparisonCase);
  const failures = report.comparisons.filter((comparison) => comparison.verdict === 'regression').length;
  const errors = report.refusal !== null ? 1 : report.comparisons.filter((comparison) => comparison.verdict === 'cannot-compare').length;
  const counts = `tests="${cases.length}" failures="${failures}" errors="${errors}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="ladder gate" ${counts}>`,
    `  <testsuite name="ladder gate" ${counts}>`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function refusedCase(refusal: string): string {
  return [`    <testcase classname="ladder.gate" name="comparable runs">`, `      <error type="drift" message="${xml(refusal)}"/>`, '    </testcase>'].join('\n');
}

function comparisonCase(comparison: Comparison): string {
  const name = `${comparison.suite} (${modelLabel(comparison)})`;
  const summary =
    comparison.verdict === 'cannot-compare'
      ? (comparison.reason ?? '')
      : `${comparison.metric} ${formatValue(comparison.baselineValue, comparison.scale)} → ${formatValue(comparison.candidateValue, comparison.scale)}, delta ${formatDelta(comparison.delta, comparison.scale)} ` +
        `${formatInterval(comparison)} (${formatLevel(comparison.intervalLevel)}), p (Holm) ${formatP(comparison.adjustedP)}, MDE ${formatDetectable(comparison)}, ` +
        `${comparison.paired} pairs, excluded ${excludedLabel(comparison)}, ${methodLabel(comparison)}`;
  const lines = [`    <testcase classname="ladder.gate.${xml(comparison.suite)}" name="${xml(name)}">`];
  if (comparison.verdict === 'regression') {
    const flipped = comparison.flips.map((flip) => (comparison.clusters < comparison.paired ? `${flip.sampleId}#${flip.repeat}` : flip.sampleId)).join(', ');
    lines.push(`      <failure type="regression" message="${xml(summary)}">${xml(`${comparison.flipCount} samples scored lower: ${flipped}`)}</failure>`);
  } else if (comparison.verdict === 'cannot-compare') {
    lines.push(`      <error type="cannot-compare" message="${xml(summary)}"/>`);
  } else {
    lines.push(`      <system-out>${xml(summary)}</system-out>`);
  }
  lines.push('    </testcase>');
  return lines.join('\n');
}

function xml(text: string): string {
  // Characters XML 1.0 cannot hold at all are dropped; the five specials escaped.
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
