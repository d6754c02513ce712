/** Exact rational numbers over bigint, always in lowest terms with a positive denominator. */
export interface Rational {
  readonly p: bigint;
  readonly q: bigint;
}

const abs = (n: bigint) => (n < 0n ? -n : n);

export function gcd(a: bigint, b: bigint): bigint {
  let x = abs(a);
  let y = abs(b);
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function rational(p: bigint, q: bigint = 1n): Rational {
  if (q === 0n) throw new RangeError('division by zero');
  const sign = q < 0n ? -1n : 1n;
  const divisor = gcd(p, q) || 1n;
  return { p: (sign * p) / divisor, q: (sign * q) / divisor };
}

export const ZERO = rational(0n);
export const ONE = rational(1n);

export const add = (a: Rational, b: Rational) => rational(a.p * b.q + b.p * a.q, a.q * b.q);
export const subtract = (a: Rational, b: Rational) => rational(a.p * b.q - b.p * a.q, a.q * b.q);
export const multiply = (a: Rational, b: Rational) => rational(a.p * b.p, a.q * b.q);
export const divide = (a: Rational, b: Rational) => rational(a.p * b.q, a.q * b.p);
export const negate = (a: Rational): Rational => ({ p: -a.p, q: a.q });
export const equals = (a: Rational, b: Rational) => a.p === b.p && a.q === b.q;
export const compare = (a: Rational, b: Rational) => {
  const difference = a.p * b.q - b.p * a.q;
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
};
export const isInteger = (a: Rational) => a.q === 1n;

/** Largest exponent magnitude evaluated exactly (beyond it a power stays symbolic). */
const MAX_EXACT_EXPONENT = 4096n;
const MAX_EXACT_BITS = 1 << 16;

/** a^n for an integer n, or undefined when the result would be huge or undefined (0^-1). */
export function power(a: Rational, n: bigint): Rational | undefined {
  if (abs(n) > MAX_EXACT_EXPONENT) return a.p === a.q || a.p === 0n ? (n < 0n && a.p === 0n ? undefined : a) : undefined;
  if (n < 0n) {
    if (a.p === 0n) return undefined;
    return power(rational(a.q, a.p), -n);
  }
  const bits = BigInt(Math.max(a.p.toString(2).length, a.q.toString(2).length)) * n;
  if (bits > BigInt(MAX_EXACT_BITS)) return undefined;
  return rational(a.p ** n, a.q ** n);
}

/** Exact integer k-th root of a non-negative integer, if there is one. */
export function integerRoot(n: bigint, k: bigint): bigint | undefined {
  if (n < 0n) return undefined;
  if (n < 2n) return n;
  const approximate = BigInt(Math.round(Number(n) ** (1 / Number(k))));
  for (const candidate of [approximate - 1n, approximate, approximate + 1n]) {
    if (candidate >= 0n && candidate ** k === n) return candidate;
  }
  if (n < 2n ** 52n) return undefined;
  // Newton's method for big integers
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / Number(k)));
  for (;;) {
    const next = ((k - 1n) * x + n / x ** (k - 1n)) / k;
    if (next >= x) break;
    x = next;
  }
  return x ** k === n ? x : undefined;
}

export function toNumber(a: Rational): number {
  const p = Number(a.p);
  const q = Number(a.q);
  if (Number.isFinite(p) && Number.isFinite(q)) return p / q;
  // scale huge numerators/denominators down before dividing
  const shift = BigInt(Math.max(0, Math.max(a.p.toString(2).length, a.q.toString(2).length) - 1000));
  return Number(a.p >> shift) / Number(a.q >> shift);
}

/** Round half away from zero to `digits` decimal places, as a scaled integer (value·10^digits). */
export function roundScaled(a: Rational, digits: number): bigint {
  const scale = 10n ** BigInt(digits);
  const numerator = a.p * scale * 2n + (a.p < 0n ? -a.q : a.q);
  return numerator / (2n * a.q);
}

/** The exact rational value of a finite double. */
export function fromNumber(value: number): Rational {
  if (Number.isInteger(value)) return rational(BigInt(value));
  let denominator = 1n;
  let scaled = value;
  while (!Number.isInteger(scaled)) {
    scaled *= 2;
    denominator *= 2n;
  }
  return rational(BigInt(scaled), denominator);
}

/** Exact value of a decimal literal such as "12.50", ".4" or "2e-3". */
export function fromDecimalString(text: string): Rational | undefined {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/u.exec(text.trim());
  if (match === null || (match[2] === '' && (match[3] ?? '') === '')) return undefined;
  const digits = `${match[2] ?? ''}${match[3] ?? ''}` || '0';
  let value = rational(BigInt(digits), 10n ** BigInt((match[3] ?? '').length));
  const exponent = BigInt(match[4] ?? '0');
  const factor = power(rational(10n), exponent);
  if (factor === undefined) return undefined;
  value = multiply(value, factor);
  return match[1] === '-' ? negate(value) : value;
}
