/** What Holm's step-down procedure decided for one of k hypotheses. */
export interface HolmDecision {
  /** Holm-adjusted p-value: max over the j ≤ rank of min(1, (k − j + 1)·p₍ⱼ₎). Rejected iff ≤ alpha. */
  adjustedP: number;
  rejected: boolean;
  /** 1-based rank of its p-value (ties keep input order). */
  rank: number;
  /**
   * The one-sided level this hypothesis was tested at: alpha / (k − rank + 1) when the procedure
   * reached it; for hypotheses after the step where it stopped (at rank s), alpha / (k − s + 1),
   * the level of that step. An interval at this level agrees with the decision: its bound
   * excludes the null exactly when the hypothesis is rejected.
   */
  level: number;
}

/** Holm's (1979) step-down correction of k one-sided p-values at family-wise level alpha. */
export function holm(pValues: readonly number[], alpha: number): HolmDecision[] {
  const k = pValues.length;
  const order = pValues.map((p, index) => ({ p, index })).sort((a, b) => a.p - b.p || a.index - b.index);
  const decisions: HolmDecision[] = new Array<HolmDecision>(k);
  let running = 0;
  let stopped: number | null = null;
  order.forEach(({ p, index }, position) => {
    const rank = position + 1;
    const threshold = alpha / (k - rank + 1);
    running = Math.max(running, Math.min(1, (k - rank + 1) * p));
    if (stopped === null && p > threshold) stopped = rank;
    const level = stopped === null ? threshold : alpha / (k - stopped + 1);
    decisions[index] = { adjustedP: running, rejected: stopped === null, rank, level };
  });
  return decisions;
}
