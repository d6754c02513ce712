/**
 * HELM's mean win rate. On each suite a model's win rate is the share of the other models (with
 * a value on that suite) that it beats, a tie counting one half; its mean win rate is the mean of
 * those over the suites where it has a value and at least one other model does too. `perSuite`
 * holds each suite's values by model, turned so that higher is better.
 */
export function meanWinRates(perSuite: readonly ReadonlyMap<string, number>[]): Map<string, number | null> {
  const totals = new Map<string, { sum: number; suites: number }>();
  for (const values of perSuite) {
    if (values.size < 2) continue;
    for (const [model, value] of values) {
      let wins = 0;
      for (const [other, otherValue] of values) {
        if (other === model) continue;
        if (value > otherValue) wins += 1;
        else if (value === otherValue) wins += 0.5;
      }
      const entry = totals.get(model) ?? { sum: 0, suites: 0 };
      entry.sum += wins / (values.size - 1);
      entry.suites += 1;
      totals.set(model, entry);
    }
  }
  const models = new Set(perSuite.flatMap((values) => [...values.keys()]));
  const rates = new Map<string, number | null>();
  for (const model of models) {
    const entry = totals.get(model);
    rates.set(model, entry === undefined ? null : entry.sum / entry.suites);
  }
  return rates;
}

