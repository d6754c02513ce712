import { sampleHref } from '@ladder/report';
import { describeExclusions } from './gate.js';
import { COMPARISON_COLUMNS, comparisonCells, formatValue, modelLabel, verdictSentence } from './format.js';
import type { Comparison, FlippedSample, GateReport } from './types.js';

/** Flipped samples listed per comparison: a pull-request comment holds at most 65,536 characters. */
const LISTED_FLIPS = 50;
const ANSWER_CHARACTERS = 60;

const HEADINGS = { pass: '✅ Ladder gate: pass', regression: '❌ Ladder gate: regression', 'cannot-compare': '⚠️ Ladder gate: cannot compare' } as const;

export interface MarkdownLinks {
  /** Root URL (or relative path) of the candidate run's static site (`ladder report --site`). */
  site?: string | undefined;
  /** The baseline run's site, for links to its answers too. */
  baselineSite?: string | undefined;
}

/** The verdict as GitHub-flavoured Markdown, for a pull-request comment or `$GITHUB_STEP_SUMMARY`. */
export function renderMarkdown(report: GateReport, links: MarkdownLinks = {}): string {
  const lines: string[] = [`## ${HEADINGS[report.verdict]}`, ''];
  lines.push(
    `Baseline \`${cell(report.baseline.source)}\` (${report.baseline.models.map(cell).join(', ')}), candidate \`${cell(report.candidate.source)}\` (${report.candidate.models.map(cell).join(', ')}). ` +
      `Fails a suite when the upper end of the interval for candidate − baseline is below −margin (${(report.options.margin * 100).toFixed(1)}% of the metric's scale); ` +
      `α = ${report.options.alpha}, one-sided, Holm's correction across comparisons.`,
    '',
  );
  if (report.refusal !== null) {
    lines.push(`**Refused:** ${cell(report.refusal)}`, '');
    for (const item of report.drift) lines.push(`- ${cell(item.suite)}: ${cell(item.change)}`);
    return `${lines.join('\n')}\n`;
  }
  if (report.comparisons.length > 0) {
    lines.push(`| ${[...COMPARISON_COLUMNS, 'verdict'].join(' | ')} |`, '| --- | --- | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- |');
    for (const comparison of report.comparisons) lines.push(`| ${[...comparisonCells(comparison), verdictCell(comparison)].map(cell).join(' | ')} |`);
    lines.push('');
  }
  lines.push(`**${cell(verdictSentence(report))}**`, '');
  for (const comparison of report.comparisons) {
    if (comparison.flipCount > 0) lines.push(...flipSection(comparison, links));
    if (comparison.excluded.length > 0) {
      lines.push(`<details><summary>${cell(comparison.suite)} (${cell(modelLabel(comparison))}): ${comparison.excluded.length} of ${comparison.planned} pairs excluded (${cell(describeExclusions(comparison))})</summary>`, '');
      lines.push(comparison.excluded.slice(0, LISTED_FLIPS).map((item) => `\`${cell(item.sampleId)}\`#${item.repeat} (baseline ${item.baseline ?? 'scored'}, candidate ${item.candidate ?? 'scored'})`).join(', '));
      if (comparison.excluded.length > LISTED_FLIPS) lines.push('', `… and ${comparison.excluded.length - LISTED_FLIPS} more.`);
      lines.push('', '</details>', '');
    }
  }
  if (report.drift.length > 0) lines.push('**Drift (compared anyway with --allow-drift):**', '', ...report.drift.map((item) => `- ${cell(item.suite)}: ${cell(item.change)}`), '');
  if (report.notes.length > 0) lines.push(...report.notes.map((note) => `- ${cell(note)}`), '');
  lines.push(
    '<details><summary>How to read this</summary>',
    '',
    "0/1 metrics without repeats use McNemar's exact test on the discordant pairs; continuous and corpus metrics (chrF, BLEU) and repeated samples a paired bootstrap (the same resampled samples for both runs, repeats resampled together). " +
      'The interval is two-sided at the level shown; its upper end is the one-sided bound at the Holm-corrected level. ' +
      'MDE is the smallest true drop this suite would flag with 80% power given its size and observed noise: a pass says nothing about drops smaller than it. ' +
      'Pairs that either run failed to score (errors, timeouts, truncated or missing answers) are excluded and counted.',
    '',
    '</details>',
  );
  return `${lines.join('\n')}\n`;
}

function verdictCell(comparison: Comparison): string {
  if (comparison.verdict === 'regression') return '❌ regression';
  if (comparison.verdict === 'cannot-compare') return `⚠️ cannot compare: ${comparison.reason ?? ''}`;
  return '✅ pass';
}

function flipSection(comparison: Comparison, links: MarkdownLinks): string[] {
  const binary = comparison.discordant !== null;
  const title = `${comparison.suite} (${modelLabel(comparison)}): ${comparison.flipCount} sample${comparison.flipCount === 1 ? '' : 's'} ${binary ? 'flipped pass → fail' : 'scored lower'}`;
  const lines = [comparison.verdict === 'regression' ? `### ${cell(title)}` : `<details><summary>${cell(title)}</summary>`, ''];
  lines.push('| sample | baseline | candidate |', '| --- | --- | --- |');
  for (const flip of comparison.flips.slice(0, LISTED_FLIPS)) lines.push(flipRow(comparison, flip, links));
  if (comparison.flipCount > Math.min(LISTED_FLIPS, comparison.flips.length)) lines.push('', `… and ${comparison.flipCount - Math.min(LISTED_FLIPS, comparison.flips.length)} more (\`ladder gate --json\` lists them).`);
  lines.push('');
  if (comparison.verdict !== 'regression') lines.push('</details>', '');
  return lines;
}

function flipRow(comparison: Comparison, flip: FlippedSample, links: MarkdownLinks): string {
  const name = comparison.clusters < comparison.paired ? `${flip.sampleId} #${flip.repeat}` : flip.sampleId;
  const sample = links.site === undefined ? `\`${cell(name)}\`` : `[${cell(name)}](${sampleHref(links.site, comparison.suite, comparison.candidateModel, flip.sampleId, flip.repeat)})`;
  const answer = (score: number, text: string | null, href: string | undefined) => {
    const value = comparison.discordant !== null ? (score === 1 ? 'pass' : 'fail') : formatValue(score, comparison.scale);
    const shown = `${value}${text === null ? '' : ` \`${cell(shorten(text))}\``}`;
    return href === undefined ? shown : `[${shown}](${href})`;
  };
  const baselineHref = links.baselineSite === undefined ? undefined : sampleHref(links.baselineSite, comparison.suite, comparison.baselineModel, flip.sampleId, flip.repeat);
  return `| ${sample} | ${answer(flip.baselineScore, flip.baselineAnswer, baselineHref)} | ${answer(flip.candidateScore, flip.candidateAnswer, undefined)} |`;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > ANSWER_CHARACTERS ? `${flat.slice(0, ANSWER_CHARACTERS - 1)}…` : flat;
}

/** Text safe inside a Markdown table cell or inline code: no pipes, backticks or line breaks. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/`/g, "'").replace(/[\r\n]+/g, ' ');
}
