import { bleuFromStatistics } from './bleu.js';
import { chrfFromStatistics } from './chrf.js';

/**
 * A corpus metric (kind `corpus`): computed once from per-sample sufficient statistics summed
 * element-wise over the corpus, as sacreBLEU computes corpus BLEU and chrF. Reports and the gate
 * find it by the metric name a suite's manifest records.
 */
export interface CorpusMetric {
  name: string;
  /** The corpus score of the element-wise sum of the samples' statistics. */
  fromStatistics(totals: readonly number[]): number;
}

const CORPUS_METRICS = new Map<string, CorpusMetric>();

/** Makes a corpus metric known by its name (an explicit call, at module load of its scorer's file). */
export function registerCorpusMetric(metric: CorpusMetric): CorpusMetric {
  CORPUS_METRICS.set(metric.name, metric);
  return metric;
}

registerCorpusMetric({ name: 'BLEU', fromStatistics: (totals) => bleuFromStatistics(totals).score });
registerCorpusMetric({ name: 'chrF', fromStatistics: (totals) => chrfFromStatistics(totals) });
registerCorpusMetric({ name: 'chrF++', fromStatistics: (totals) => chrfFromStatistics(totals, { wordOrder: 2 }) });

/** The corpus metric of that name; an Error naming the known ones otherwise. */
export function corpusMetric(name: string): CorpusMetric {
  const metric = CORPUS_METRICS.get(name);
  if (metric === undefined) throw new Error(`unknown corpus metric "${name}"; known: ${[...CORPUS_METRICS.keys()].join(', ')}`);
  return metric;
}

/** Element-wise sum of the statistics (rows may differ in length: missing entries count 0). */
export function sumStatistics(rows: readonly (readonly number[])[]): number[] {
  const totals: number[] = [];
  for (const row of rows) {
    for (let index = 0; index < row.length; index += 1) totals[index] = (totals[index] ?? 0) + (row[index] as number);
  }
  for (let index = 0; index < totals.length; index += 1) totals[index] ??= 0;
  return totals;
}

/** The corpus score of the samples' statistics. */
export function corpusValue(name: string, rows: readonly (readonly number[])[]): number {
  return corpusMetric(name).fromStatistics(sumStatistics(rows));
}

/**
 * A corpus metric of any resample of samples (given by their indices, with repetition), fast
 * enough for a bootstrap: the samples' statistics sit in one flat array and each resample sums
 * them into one reused buffer, instead of building arrays per resample.
 */
export function corpusResampler(metricName: string, statistics: readonly (readonly number[])[]): (indices: readonly number[]) => number {
  const metric = corpusMetric(metricName);
  let width = 0;
  for (const row of statistics) width = Math.max(width, row.length);
  const flat = new Float64Array(statistics.length * width);
  statistics.forEach((row, index) => flat.set(row, index * width));
  const sums = new Float64Array(width);
  const totals = new Array<number>(width).fill(0);
  return (indices) => {
    sums.fill(0);
    for (let position = 0; position < indices.length; position += 1) {
      const offset = (indices[position] as number) * width;
      for (let column = 0; column < width; column += 1) sums[column] = (sums[column] as number) + (flat[offset + column] as number);
    }
    for (let column = 0; column < width; column += 1) totals[column] = sums[column] as number;
    return metric.fromStatistics(totals);
  };
}
