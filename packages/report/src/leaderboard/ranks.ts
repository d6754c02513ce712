/** One model's estimate on one suite or capability, turned so that higher is better. */
export interface RankEntry {
  model: string;
  value: number | null;
  interval: [number, number] | null;
}

/**
 * Ranks with ties, as Chatbot Arena's "rank upper bound": a model's rank is 1 plus the number
 * of models whose 95% interval lies entirely above its own (their low end above its high end).
 * Models whose intervals overlap therefore share a rank; ranks need not be consecutive.
 * Entries without a value or an interval get no rank.
 */
export function rankUpperBound(entries: readonly RankEntry[]): Map<string, number> {
  const ranked = entries.filter((entry): entry is RankEntry & { value: number; interval: [number, number] } => entry.value !== null && entry.interval !== null);
  const ranks = new Map<string, number>();
  for (const entry of ranked) {
    let above = 0;
    for (const other of ranked) if (other !== entry && other.interval[0] > entry.interval[1]) above += 1;
    ranks.set(entry.model, 1 + above);
  }
  return ranks;
}

/** The model alone at rank 1 (its interval above every other model's), or null when rank 1 is shared or empty. */
export function soleFirst(ranks: ReadonlyMap<string, number>): string | null {
  let first: string | null = null;
  for (const [model, rank] of ranks) {
    if (rank !== 1) continue;
    if (first !== null) return null;
    first = model;
  }
  return first;
}
