import type { Comparison, GateReport } from './types.js';

/** A value on its metric's scale: proportions as percentages, 0..100 metrics with two decimals. */
export function formatValue(value: number | null, scale: number): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return scale === 1 ? `${(value * 100).toFixed(1)}%` : value.toFixed(2);
}

/** A signed difference: percentage points for proportions. */
export function formatDelta(value: number | null, scale: number): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const shown = scale === 1 ? value * 100 : value;
  const text = `${shown >= 0 ? '+' : '−'}${Math.abs(shown).toFixed(scale === 1 ? 1 : 2)}`;
  return scale === 1 ? `${text} pts` : text;
}

export function formatInterval(comparison: Comparison): string {
  if (comparison.interval === null) return '—';
  const [low, high] = comparison.interval.map((end) => formatDelta(end, comparison.scale).replace(/ pts$/, ''));
  return `[${low}, ${high}]${comparison.scale === 1 ? ' pts' : ''}`;
}

export function formatLevel(level: number | null): string {
  if (level === null) return '—';
  const percent = level * 100;
  return `${Number.isInteger(Math.round(percent * 100) / 100) ? percent.toFixed(0) : percent.toFixed(2)}%`;
}

export function formatP(p: number | null): string {
  if (p === null) return '—';
  return p < 0.0001 ? '<0.0001' : p.toFixed(4);
}

/** The smallest drop this comparison would flag with 80% power, as a positive size. */
export function formatDetectable(comparison: Comparison): string {
  const drop = comparison.minimumDetectableDrop;
  if (drop === null || !Number.isFinite(drop)) return '—';
  return formatDelta(drop, comparison.scale).replace(/^\+/, '');
}

export function modelLabel(comparison: Pick<Comparison, 'baselineModel' | 'candidateModel'>): string {
  return comparison.baselineModel === comparison.candidateModel ? comparison.baselineModel : `${comparison.baselineModel} → ${comparison.candidateModel}`;
}

export function methodLabel(comparison: Comparison): string {
  if (comparison.method === 'mcnemar-exact') return "McNemar's exact test";
  if (comparison.method === 'paired-bootstrap') return comparison.clusters < comparison.paired ? 'paired bootstrap, clustered by sample' : 'paired bootstrap';
  return '—';
}

export function excludedLabel(comparison: Comparison): string {
  return comparison.planned === 0 ? '—' : `${comparison.excluded.length}/${comparison.planned}`;
}

/** One sentence with the overall verdict. */
export function verdictSentence(report: GateReport): string {
  const compared = report.comparisons.filter((comparison) => comparison.verdict !== 'cannot-compare').length;
  const family = `alpha ${report.options.alpha} one-sided, Holm's correction over ${compared} comparison${compared === 1 ? '' : 's'}`;
  if (report.refusal !== null) return `CANNOT COMPARE: ${report.refusal}`;
  if (report.verdict === 'regression') {
    const failed = report.comparisons.filter((comparison) => comparison.verdict === 'regression');
    return `REGRESSION: ${failed.map((comparison) => `${comparison.suite} (${modelLabel(comparison)})`).join(', ')} measurably worse than the baseline by more than the margin (${family})`;
  }
  if (report.verdict === 'cannot-compare') {
    const blocked = report.comparisons.filter((comparison) => comparison.verdict === 'cannot-compare');
    return `CANNOT COMPARE: ${blocked.length === 0 ? 'nothing to compare' : blocked.map((comparison) => `${comparison.suite} (${modelLabel(comparison)}): ${comparison.reason}`).join('; ')}`;
  }
  return `PASS: no suite is measurably worse than the baseline by more than the margin (${family}); read each pass with its MDE`;
}

/** The cells of a comparison's row, shared by the terminal table and the Markdown table. */
export function comparisonCells(comparison: Comparison): string[] {
  return [
    comparison.suite,
    modelLabel(comparison),
    comparison.metric,
    String(comparison.paired),
    formatValue(comparison.baselineValue, comparison.scale),
    formatValue(comparison.candidateValue, comparison.scale),
    formatDelta(comparison.delta, comparison.scale),
    comparison.intervalLevel === null ? '—' : `${formatInterval(comparison)} (${formatLevel(comparison.intervalLevel)})`,
    formatP(comparison.adjustedP),
    formatDetectable(comparison),
    excludedLabel(comparison),
  ];
}

export const COMPARISON_COLUMNS = ['suite', 'model', 'metric', 'pairs', 'baseline', 'candidate', 'delta', 'interval (level)', 'p (Holm)', 'MDE', 'excluded'];
