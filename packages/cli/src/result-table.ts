import { formatValue, type Leaderboard, type RunAggregate } from '@ladder/report';

/** The results as a compact table on the terminal. */
export function printResultTable(aggregate: RunAggregate): void {
  const kinds = new Map(aggregate.manifest.suites.map((suite) => [suite.id, suite.metricKind]));
  const header = ['suite', 'model', 'metric', 'value', '95% CI', 'n', 'errors', 'chance'];
  const body = aggregate.rows.map((row) => {
    const kind = kinds.get(row.suite) ?? 'proportion';
    return [
      row.suite,
      row.model,
      row.metric,
      formatValue(row.value, kind),
      row.ci95 === null ? '' : `${formatValue(row.ci95[0], kind)} – ${formatValue(row.ci95[1], kind)}`,
      String(row.n),
      String(row.errors),
      row.chance === null ? '' : formatValue(row.chance, kind),
    ];
  });
  printAligned(header, body);
  // Code suites: the unbiased pass@k for every k the repeats allow (--repeats n gives pass@1 ... pass@n).
  for (const row of aggregate.rows) {
    if (row.passAtK === undefined || row.passAtK === null) continue;
    const values = Object.entries(row.passAtK).map(([k, value]) => `pass@${k} ${formatValue(value, 'proportion')}`);
    console.log(`${row.suite} · ${row.model}: ${values.join(' · ')} (${Object.keys(row.passCounts ?? {}).length} problems, ${row.repeats} sample(s) each)`);
  }
}

function printAligned(header: string[], body: string[][]): void {
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((line) => (line[column] ?? '').length)));
  const format = (cells: string[]) => cells.map((text, column) => text.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  console.log(format(header));
  for (const line of body) console.log(format(line));
}

/** The leaderboard's overall order on the terminal: mean win rate, firsts, overall score. */
export function printLeaderboardTable(board: Leaderboard): void {
  const header = ['#', 'model', 'mean win rate', 'firsts', 'overall (0-100)', '95% CI', 'rank'];
  const body = board.models.map((model) => {
    const score = model.overall.score;
    return [
      String(model.order),
      model.id,
      model.meanWinRate === null ? '—' : `${(model.meanWinRate * 100).toFixed(1)}%`,
      `${model.firsts} of ${board.suites.length}`,
      score === null ? '—' : (score.value * 100).toFixed(1),
      score === null ? '' : `${(score.ci95[0] * 100).toFixed(1)} – ${(score.ci95[1] * 100).toFixed(1)}`,
      model.overall.rank === null ? '' : `#${model.overall.rank}`,
    ];
  });
  printAligned(header, body);
}
