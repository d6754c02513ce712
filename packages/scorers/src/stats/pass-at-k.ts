/**
 * The unbiased pass@k estimator of Chen et al. (2021), in the numerically stable product form
 * of openai/human-eval: 1 − Π_{i=n−c+1}^{n} (1 − k/i), which equals 1 − C(n−c, k)/C(n, k).
 * `n` samples of which `c` passed; defined only for k ≤ n.
 */
export function passAtK(n: number, c: number, k: number): number {
  if (!Number.isInteger(n) || !Number.isInteger(c) || !Number.isInteger(k) || n < 0 || c < 0 || k < 1) {
    throw new RangeError(`passAtK: need whole numbers n >= 0, c >= 0, k >= 1 (got n=${n}, c=${c}, k=${k})`);
  }
  if (c > n) throw new RangeError(`passAtK: c=${c} passed out of n=${n}`);
  if (k > n) throw new RangeError(`passAtK: pass@${k} is undefined with only ${n} samples`);
  if (n - c < k) return 1;
  let product = 1;
  for (let i = n - c + 1; i <= n; i += 1) product *= 1 - k / i;
  return 1 - product;
}

/**
 * pass@k of a corpus: the mean over problems of `passAtK(n, c, k)` (openai/human-eval), or null
 * when some problem has fewer than k samples (it is then not reported) or there are none.
 */
export function corpusPassAtK(problems: readonly { n: number; passed: number }[], k: number): number | null {
  if (problems.length === 0 || problems.some((problem) => problem.n < k)) return null;
  let total = 0;
  for (const problem of problems) total += passAtK(problem.n, problem.passed, k);
  return total / problems.length;
}
