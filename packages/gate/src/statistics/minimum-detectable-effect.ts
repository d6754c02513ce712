import { normalQuantile } from './normal.js';

/** Power the minimum detectable effect is computed for. */
export const MDE_POWER = 0.8;

/**
 * The smallest true drop that a one-sided test at level `tail` flags with 80% power, for a
 * difference whose standard error is `standardError` (normal approximation):
 * margin + (z₁₋tail + z₀.₈)·SE.
 */
export function minimumDetectableDrop(options: { margin: number; tail: number; standardError: number }): number {
  return options.margin + (normalQuantile(1 - options.tail) + normalQuantile(MDE_POWER)) * options.standardError;
}

/**
 * The same for a paired proportion (McNemar): the variance of the difference of n pairs is about
 * ψ/n, ψ the share of discordant pairs. A true drop δ makes at least a share δ of the pairs
 * discordant, so ψ is taken as max(observed ψ, δ) (an identical candidate, ψ = 0, does not make
 * every drop look detectable): the smallest δ with δ ≥ margin + Z·√(max(ψ, δ)/n),
 * Z = z₁₋tail + z₀.₈, in closed form.
 */
export function minimumDetectableProportionDrop(options: { margin: number; tail: number; discordance: number; pairs: number }): number {
  const { margin, discordance, pairs } = options;
  if (pairs <= 0) return Number.NaN;
  const z = normalQuantile(1 - options.tail) + normalQuantile(MDE_POWER);
  const withObserved = margin + z * Math.sqrt(discordance / pairs);
  if (withObserved <= discordance) return Math.min(1, withObserved);
  // δ = margin + z·√(δ/n): a quadratic in √δ.
  const root = (z / Math.sqrt(pairs) + Math.sqrt((z * z) / pairs + 4 * margin)) / 2;
  return Math.min(1, root * root);
}
