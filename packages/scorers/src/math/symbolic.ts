import { ComputeEngine } from '@cortex-js/compute-engine';
import { isClose } from './python.js';

// The package's own type re-exports do not resolve under module nodenext (extension-less paths in its
// .d.ts), so the expression type is taken from `parse`.
type BoxedExpression = ReturnType<ComputeEngine['parse']>;

/** Longest LaTeX (prediction + reference, in characters) handed to the computer algebra system. */
export const MAX_SYMBOLIC_LENGTH = 600;

let engine: ComputeEngine | undefined;
function getEngine(): ComputeEngine {
  engine ??= new ComputeEngine();
  return engine;
}

/** Where the time goes: a deadline checked between the (synchronous) CAS steps. */
export class Deadline {
  readonly end: number;
  constructor(ms: number) {
    this.end = performance.now() + ms;
  }
  get expired(): boolean {
    return performance.now() > this.end;
  }
}

// LaTeX that Compute Engine reads differently from SymPy's parse_latex, rewritten first. SymPy's
// parse_latex reads `\pi` as a plain symbol named "pi", not the constant, so "\pi" ≠ "3.14159" upstream;
// the same is done here (π-expressions still compare symbolically: 2\pi/4 = \pi/2).
function prepare(latex: string): string {
  return latex
    .replace(/\\pi(?![A-Za-z])/gu, '\\operatorname{pi}')
    .replace(/\\dfrac|\\tfrac/gu, '\\frac')
    .replace(/\\left|\\right/gu, '')
    .replace(/\^\{?\\circ\}?/gu, '')
    .replace(/\\!|\\,|\\;|\\:/gu, '')
    .replace(/\\(?:mathrm|textbf|mathbf|text)\{([^{}]*)\}/gu, '$1')
    .replace(/(\d),(?=\d{3}(?!\d))/gu, '$1');
}

function parse(latex: string): BoxedExpression | undefined {
  const ce = getEngine();
  for (const candidate of [prepare(latex), prepare(latex.replaceAll('\\\\', '\\'))]) {
    try {
      const expr = ce.parse(candidate);
      if (expr.isValid) return expr;
    } catch {
      // try the next form
    }
  }
  return undefined;
}

// Operators whose numeric evaluation is iterative or unbounded (Compute Engine evaluates them by
// sampling or loops that do not all honour its deadline): compared structurally only.
const ITERATIVE = new Set(['Sum', 'Product', 'Integrate', 'Limit', 'D', 'Derivative', 'NIntegrate']);
const FACTORIALS = new Set(['Factorial', 'Factorial2', 'Binomial', 'Gamma']);
const MAX_FACTORIAL_ARGUMENT = 1000;

/** True when numerically evaluating the MathJSON could take unbounded time (a big literal factorial, a sum…). */
export function tooCostly(json: unknown): boolean {
  if (!Array.isArray(json)) return false;
  const [head, ...args] = json as unknown[];
  if (typeof head === 'string') {
    if (ITERATIVE.has(head)) return true;
    if (FACTORIALS.has(head) && args.some((arg) => typeof arg !== 'number' || Math.abs(arg) > MAX_FACTORIAL_ARGUMENT)) {
      // a symbolic argument is substituted by a small sample value; a literal one must be small
      if (args.some((arg) => typeof arg === 'number' || (Array.isArray(arg) && !containsSymbol(arg)))) return true;
    }
  }
  return args.some(tooCostly);
}

function containsSymbol(json: unknown): boolean {
  if (typeof json === 'string') return /^[A-Za-z]/u.test(json) && !['Pi', 'ExponentialE', 'ImaginaryUnit'].includes(json);
  if (Array.isArray(json)) return json.slice(1).some(containsSymbol);
  return false;
}

function numericValue(expr: BoxedExpression, deadline: Deadline): { re: number; im: number } | undefined {
  if (deadline.expired) return undefined;
  const ce = getEngine() as unknown as { deadline?: number };
  ce.deadline = Date.now() + Math.max(1, deadline.end - performance.now());
  let value: BoxedExpression;
  try {
    value = expr.N();
  } finally {
    ce.deadline = undefined;
  }
  const re = value.re;
  const im = value.im;
  // NaN: not a number; ±Infinity: overflow (9^{9^{9^9}}) or a pole, never evidence of equality
  if (!Number.isFinite(re) || !Number.isFinite(im)) return undefined;
  return { re, im: im };
}

function valuesClose(a: { re: number; im: number }, b: { re: number; im: number }): boolean {
  return isClose(a.re, b.re) && (isClose(a.im, b.im) || Math.abs(a.im - b.im) < 1e-12);
}

const SAMPLE_POINTS = [0.3719, 1.4142, -0.8271, 2.2361];

/**
 * SymPy-free `symbolic_equal(a, b)`: both sides parsed with Compute Engine; equal when structurally the
 * same, when Compute Engine proves them equal, when both evaluate to numbers within rel. tol. 1e-4, or
 * (with free variables) when they agree at several sample points, as SymPy's `a.equals(b)` tests
 * numerically. Each step checks the deadline; inputs longer than MAX_SYMBOLIC_LENGTH are not parsed.
 * An error anywhere is "not equal", like the upstream bare `except`.
 */
export function symbolicEqual(a: string, b: string, deadline: Deadline = new Deadline(2000)): boolean {
  if (a.length + b.length > MAX_SYMBOLIC_LENGTH) return false;
  try {
    const left = parse(a);
    const right = parse(b);
    if (left === undefined || right === undefined || deadline.expired) return false;
    if (left.isSame(right)) return true;
    if (left.toString() === right.toString()) return true;
    if (tooCostly(left.json) || tooCostly(right.json)) return false;
    const leftVars = left.unknowns;
    const rightVars = right.unknowns;
    if (leftVars.length === 0 && rightVars.length === 0) {
      if (deadline.expired) return false;
      const x = numericValue(left, deadline);
      const y = numericValue(right, deadline);
      if (x !== undefined && y !== undefined) return valuesClose(x, y);
      return false;
    }
    // free variables: same set, and equal at sample points
    const vars = [...new Set([...leftVars, ...rightVars])];
    if (vars.length > 4) return false;
    const ce = getEngine();
    let compared = 0;
    for (let trial = 0; trial < SAMPLE_POINTS.length; trial += 1) {
      if (deadline.expired) return false;
      const substitution = Object.fromEntries(vars.map((name, i) => [name, ce.number(SAMPLE_POINTS[(trial + i) % SAMPLE_POINTS.length] ?? 0.5)]));
      const x = numericValue(left.subs(substitution), deadline);
      const y = numericValue(right.subs(substitution), deadline);
      if (x === undefined || y === undefined) continue;
      if (!valuesClose(x, y)) return false;
      compared += 1;
    }
    return compared >= 2;
  } catch {
    return false;
  }
}
