import { corpusMetric } from '@ladder/scorers';

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
