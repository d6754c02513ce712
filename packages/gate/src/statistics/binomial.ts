/**
 * Exact binomial tails and the Clopper–Pearson bounds that invert them: the machinery of
 * McNemar's exact test. Sums run in log space with early stopping, so n in the hundreds of
 * thousands costs microseconds to milliseconds.
 */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7; relative error about 1e-15). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const shifted = x - 1;
  let sum = LANCZOS[0] as number;
  for (let index = 1; index < LANCZOS.length; index += 1) sum += (LANCZOS[index] as number) / (shifted + index);
  const t = shifted + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(t) - t + Math.log(sum);
}

function logPmf(k: number, n: number, p: number): number {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1) + k * Math.log(p) + (n - k) * Math.log1p(-p);
}

/** Σ pmf(j) for j from `from` stepping by `step` (+1 or -1) while inside 0..n, stopping once terms are negligible. */
function tailSum(from: number, step: 1 | -1, n: number, p: number): number {
  const ratio = Math.log(p) - Math.log1p(-p);
  let logTerm = logPmf(from, n, p);
  let total = 0;
  for (let k = from; k >= 0 && k <= n; k += step) {
    const term = Math.exp(logTerm);
    total += term;
    // Past the mode the terms fall geometrically: stop when they no longer change the sum.
    const pastMode = step === 1 ? k > n * p : k < n * p;
    if (pastMode && term <= total * 1e-17) break;
    logTerm += step === 1 ? Math.log((n - k) / (k + 1)) + ratio : Math.log(k / (n - k + 1)) - ratio;
  }
  return Math.min(1, total);
}

/** P(X ≥ x) for X ~ Binomial(n, p). */
export function binomialUpperTail(x: number, n: number, p: number): number {
  if (x <= 0) return 1;
  if (x > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  // Sum the smaller side: the upper tail directly when x is past the mean, else 1 - the lower tail.
  return x >= n * p ? tailSum(x, 1, n, p) : Math.max(0, 1 - tailSum(x - 1, -1, n, p));
}

/** P(X ≤ x) for X ~ Binomial(n, p). */
export function binomialLowerTail(x: number, n: number, p: number): number {
  return 1 - binomialUpperTail(x + 1, n, p);
}

/**
 * McNemar's exact test, one-sided for a regression: of the `regressions + improvements`
 * discordant pairs, the probability of at least `regressions` regressions when either direction
 * is equally likely (P(X ≥ b), X ~ Binomial(b + c, 1/2)). 1 when there is no discordant pair.
 */
export function mcnemarExactOneSided(regressions: number, improvements: number): number {
  const discordant = regressions + improvements;
  return discordant === 0 ? 1 : binomialUpperTail(regressions, discordant, 0.5);
}

/** The p in (0, 1) where a monotone function of p crosses `target` (bisection). */
function solve(f: (p: number) => number, target: number, increasing: boolean): number {
  let low = 0;
  let high = 1;
  for (let iteration = 0; iteration < 100 && high - low > 1e-15; iteration += 1) {
    const middle = (low + high) / 2;
    if (f(middle) < target === increasing) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

/**
 * One-sided Clopper–Pearson bounds for a binomial proportion, `x` successes out of `n`, each
 * with error `tail`: `low` is the p at which P(X ≥ x) = tail (0 when x = 0), `high` the p at
 * which P(X ≤ x) = tail (1 when x = n). [low, high] is the two-sided 1 - 2·tail interval.
 */
export function clopperPearsonBounds(x: number, n: number, tail: number): { low: number; high: number } {
  if (n <= 0) return { low: 0, high: 1 };
  const low = x === 0 ? 0 : solve((p) => binomialUpperTail(x, n, p), tail, true);
  const high = x === n ? 1 : solve((p) => binomialLowerTail(x, n, p), tail, false);
  return { low, high };
}
