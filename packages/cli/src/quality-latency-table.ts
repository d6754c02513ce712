import type { RunAggregate } from '@ladder/report';

/** The simultaneous-translation rows on the terminal: quality beside latency, per model and policy. */
export function printQualityLatencyTable(aggregate: RunAggregate): void {
  const rows = aggregate.rows.filter((row) => row.simultaneous !== undefined);
  if (rows.length === 0) return;
  const fixed = (value: number | null | undefined, digits: number) => (value === null || value === undefined ? '—' : value.toFixed(digits));
  const header = ['suite', 'model', 'policy', 'BLEU', 'chrF', 'AL words', 'LAAL words', 'AL ms', 'LAAL ms', 'AL ms +compute'];
  const body = rows.map((row) => {
    const latency = row.simultaneous;
    return [
      latency?.baseSuite ?? row.suite,
      row.model,
      latency?.policy ?? '',
      fixed(row.value, 2),
      fixed(row.metrics?.['chrF']?.value, 2),
      fixed(latency?.words.AL, 2),
      fixed(latency?.words.LAAL, 2),
      fixed(latency?.ms.AL, 0),
      fixed(latency?.ms.LAAL, 0),
      fixed(latency?.msComputationAware.AL, 0),
    ];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((line) => (line[column] ?? '').length)));
  const format = (cells: string[]) => cells.map((text, column) => text.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  console.log(`\nQuality and latency (SimulEval; words are source units):`);
  console.log(format(header));
  for (const line of body) console.log(format(line));
}
