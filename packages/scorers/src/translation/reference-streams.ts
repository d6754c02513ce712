/** Reference streams as sacreBLEU takes them: `streams[k][i]` is the k-th reference of segment i. */
export type ReferenceStreams = readonly (readonly (string | null | undefined)[])[];

/**
 * The references of segment `index`: a null or missing entry is skipped (a segment may have fewer
 * references; sacreBLEU's signature then says `nrefs:var`), an empty string is kept.
 */
export function referencesOfSegment(streams: ReferenceStreams, index: number, caller: string): string[] {
  const references: string[] = [];
  for (const stream of streams) {
    const reference = stream[index];
    if (reference !== null && reference !== undefined) references.push(reference);
  }
  if (references.length === 0) throw new RangeError(`${caller}: segment ${index + 1} has no reference`);
  return references;
}

/** The number of references per segment: a count, or `var` when it differs between segments. */
export function referenceCount(streams: ReferenceStreams, segments: number): number | 'var' {
  const counts = new Set<number>();
  for (let index = 0; index < segments; index += 1) {
    let count = 0;
    for (const stream of streams) if (stream[index] !== null && stream[index] !== undefined) count += 1;
    counts.add(count);
  }
  return counts.size === 1 ? ([...counts][0] as number) : 'var';
}

/**
 * The element-wise sum of every segment's statistics (sacreBLEU's `sum_of_lists`), for a corpus
 * score; `statisticsOf` gives one segment's statistics against its references.
 */
export function sumCorpusStatistics(
  hypotheses: readonly string[],
  streams: ReferenceStreams,
  caller: string,
  statisticsOf: (hypothesis: string, references: string[]) => number[],
): number[] {
  const totals: number[] = [];
  hypotheses.forEach((hypothesis, index) => {
    statisticsOf(hypothesis, referencesOfSegment(streams, index, caller)).forEach((value, position) => {
      totals[position] = (totals[position] ?? 0) + value;
    });
  });
  return totals;
}
