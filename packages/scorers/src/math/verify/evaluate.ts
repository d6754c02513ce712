import { children, isSympyNumber, numberNode, type MathNode } from './nodes.js';
import * as Q from './rational.js';

/** The canonical text of a node: sums and products sorted, so `ab` and `ba` share a key. Used for opaque subterms. */
export function canonicalKey(node: MathNode): string {
  switch (node.kind) {
    case 'number':
      return `${node.float ? 'f' : 'q'}${node.value.p}/${node.value.q}`;
    case 'infinity':
      return node.sign > 0 ? 'oo' : '-oo';
    case 'complexInfinity':
      return 'zoo';
    case 'constant':
      return `#${node.name}`;
    case 'symbol':
      return `$${node.name}`;
    case 'add':
    case 'mul':
      return `${node.kind}(${node.args.map(canonicalKey).sort().join(',')})`;
    case 'set':
      return `set(${node.items.map(canonicalKey).sort().join(',')})`;
    case 'pow':
      return `pow(${canonicalKey(node.base)},${canonicalKey(node.exponent)})`;
    case 'function':
      return `${node.name}(${node.args.map(canonicalKey).join(',')})`;
    case 'interval':
      return `interval${node.leftOpen ? '(' : '['}${canonicalKey(node.start)},${canonicalKey(node.end)}${node.rightOpen ? ')' : ']'}`;
    case 'relation':
      return `${node.operator}(${canonicalKey(node.lhs)},${canonicalKey(node.rhs)})`;
    case 'setOperation':
      return `${node.operation}(${node.args.map(canonicalKey).join(',')})`;
    case 'namedSet':
      return `@${node.name}`;
    default:
      return `${node.kind}(${children(node).map(canonicalKey).join(',')})`;
  }
}

const MAX_FACTORIAL = 2000n;

function factorial(n: bigint): bigint | undefined {
  if (n < 0n || n > MAX_FACTORIAL) return undefined;
  let result = 1n;
  for (let k = 2n; k <= n; k += 1n) result *= k;
  return result;
}

/** Exact value of rational arithmetic, or undefined when the node is not a plain rational number. */
export function exactValue(node: MathNode): Q.Rational | undefined {
  switch (node.kind) {
    case 'number':
      return node.value;
    case 'add': {
      let total = Q.ZERO;
      for (const arg of node.args) {
        const value = exactValue(arg);
        if (value === undefined) return undefined;
        total = Q.add(total, value);
      }
      return total;
    }
    case 'mul': {
      let total = Q.ONE;
      for (const arg of node.args) {
        const value = exactValue(arg);
        if (value === undefined) return undefined;
        total = Q.multiply(total, value);
      }
      return total;
    }
    case 'pow': {
      const base = exactValue(node.base);
      const exponent = exactValue(node.exponent);
      if (base === undefined || exponent === undefined) return undefined;
      if (exponent.q === 1n) return Q.power(base, exponent.p);
      // rational exponent: exact only for perfect powers
      if (exponent.q > 64n || base.p < 0n) return undefined;
      const p = Q.integerRoot(base.p, exponent.q);
      const q = Q.integerRoot(base.q, exponent.q);
      if (p === undefined || q === undefined) return undefined;
      return Q.power(Q.rational(p, q), exponent.p);
    }
    case 'function':
      return exactFunction(node.name, node.args);
    default:
      return undefined;
  }
}

function exactFunction(name: string, args: MathNode[]): Q.Rational | undefined {
  const values = args.map(exactValue);
  if (values.some((value) => value === undefined)) return undefined;
  const [first, second] = values as Q.Rational[];
  if (first === undefined) return undefined;
  switch (name) {
    case 'Abs':
      return first.p < 0n ? Q.negate(first) : first;
    case 'floor':
      return Q.rational(first.p >= 0n ? first.p / first.q : -((-first.p + first.q - 1n) / first.q));
    case 'ceiling':
      return Q.rational(first.p >= 0n ? (first.p + first.q - 1n) / first.q : -(-first.p / first.q));
    case 'factorial': {
      if (!Q.isInteger(first)) return undefined;
      const value = factorial(first.p);
      return value === undefined ? undefined : Q.rational(value);
    }
    case 'binomial': {
      if (second === undefined || !Q.isInteger(first) || !Q.isInteger(second) || first.p < 0n || first.p > MAX_FACTORIAL) return undefined;
      if (second.p < 0n || second.p > first.p) return Q.ZERO;
      const top = factorial(first.p);
      const left = factorial(second.p);
      const right = factorial(first.p - second.p);
      return top === undefined || left === undefined || right === undefined ? undefined : Q.rational(top / (left * right));
    }
    case 'Mod':
      if (second === undefined || second.p === 0n) return undefined;
      {
        const quotient = Q.divide(first, second);
        const floor = quotient.p >= 0n ? quotient.p / quotient.q : -((-quotient.p + quotient.q - 1n) / quotient.q);
        return Q.subtract(first, Q.multiply(second, Q.rational(floor)));
      }
    case 'Max':
      return (values as Q.Rational[]).reduce((best, value) => (Q.compare(value, best) > 0 ? value : best));
    case 'Min':
      return (values as Q.Rational[]).reduce((best, value) => (Q.compare(value, best) < 0 ? value : best));
    case 'gcd':
    case 'lcm': {
      if (!(values as Q.Rational[]).every(Q.isInteger)) return undefined;
      const integers = (values as Q.Rational[]).map((value) => value.p);
      const result = integers.reduce((accumulator, value) =>
        name === 'gcd' ? Q.gcd(accumulator, value) : accumulator === 0n || value === 0n ? 0n : (accumulator * value < 0n ? -accumulator * value : accumulator * value) / Q.gcd(accumulator, value),
      );
      return Q.rational(result);
    }
    default:
      return undefined;
  }
}

/** True when the exact value is a float (SymPy: any Float in the arithmetic makes the result a Float). */
export function containsFloat(node: MathNode): boolean {
  if (node.kind === 'number') return node.float;
  return children(node).some(containsFloat);
}

/** SymPy `doit()` for numbers: exactly folded rational arithmetic as a number node, else the node itself. */
export function foldNumber(node: MathNode): MathNode {
  if (isSympyNumber(node)) return node;
  const value = exactValue(node);
  return value === undefined ? node : numberNode(value, containsFloat(node));
}

export type Assignment = ReadonlyMap<string, number>;

const TRIG: Record<string, (x: number) => number> = {
  sin: Math.sin, cos: Math.cos, tan: Math.tan, csc: (x) => 1 / Math.sin(x), sec: (x) => 1 / Math.cos(x), cot: (x) => 1 / Math.tan(x),
  asin: Math.asin, acos: Math.acos, atan: Math.atan, acsc: (x) => Math.asin(1 / x), asec: (x) => Math.acos(1 / x), acot: (x) => Math.atan(1 / x),
  sinh: Math.sinh, cosh: Math.cosh, tanh: Math.tanh, asinh: Math.asinh, acosh: Math.acosh, atanh: Math.atanh,
  exp: Math.exp, Abs: Math.abs, floor: Math.floor, ceiling: Math.ceil,
};

function gamma(x: number): number {
  if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * gamma(1 - x));
  // Lanczos approximation (g = 7)
  const coefficients = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  const z = x - 1;
  let sum = coefficients[0] ?? 1;
  for (let i = 1; i < coefficients.length; i += 1) sum += (coefficients[i] ?? 0) / (z + i);
  const t = z + 7.5;
  return Math.sqrt(2 * Math.PI) * t ** (z + 0.5) * Math.exp(-t) * sum;
}

/**
 * The real value of a node as a double, with symbols (and opaque subterms, by canonical key) taken from
 * `assignment`. NaN when undefined, not real, or not evaluable.
 */
export function numericValue(node: MathNode, assignment: Assignment = new Map()): number {
  switch (node.kind) {
    case 'number':
      return Q.toNumber(node.value);
    case 'infinity':
      return node.sign * Infinity;
    case 'constant':
      return node.name === 'pi' ? Math.PI : node.name === 'E' ? Math.E : node.name === 'EulerGamma' ? 0.5772156649015329 : NaN;
    case 'symbol':
      return assignment.get(node.name) ?? NaN;
    case 'add':
      return node.args.reduce((total, arg) => total + numericValue(arg, assignment), 0);
    case 'mul':
      return node.args.reduce((total, arg) => total * numericValue(arg, assignment), 1);
    case 'pow': {
      const exact = exactValue(node);
      if (exact !== undefined) return Q.toNumber(exact);
      const base = numericValue(node.base, assignment);
      const exponent = exactValue(node.exponent);
      // odd roots of negative numbers are real for a real reading of x^(p/q) with odd q
      if (base < 0 && exponent !== undefined && exponent.q % 2n === 1n && exponent.q !== 1n) {
        const magnitude = Math.abs(base) ** Q.toNumber(exponent);
        return exponent.p % 2n === 0n ? magnitude : -magnitude;
      }
      return base ** numericValue(node.exponent, assignment);
    }
    case 'function':
      return numericFunction(node, assignment);
    default: {
      const key = canonicalKey(node);
      return assignment.get(key) ?? NaN;
    }
  }
}

function numericFunction(node: Extract<MathNode, { kind: 'function' }>, assignment: Assignment): number {
  const exact = exactFunction(node.name, node.args);
  if (exact !== undefined) return Q.toNumber(exact);
  const opaque = assignment.get(canonicalKey(node));
  if (opaque !== undefined) return opaque;
  const values = node.args.map((arg) => numericValue(arg, assignment));
  const [x = NaN, y = NaN] = values;
  const unary = TRIG[node.name];
  if (unary !== undefined && values.length === 1) return unary(x);
  switch (node.name) {
    case 'log':
      return values.length === 2 ? Math.log(x) / Math.log(y) : Math.log(x);
    case 'gamma':
      return gamma(x);
    case 'factorial':
      return gamma(x + 1);
    case 'binomial':
      return gamma(x + 1) / (gamma(y + 1) * gamma(x - y + 1));
    case 'Max':
      return Math.max(...values);
    case 'Min':
      return Math.min(...values);
    case 'Mod':
      return x - y * Math.floor(x / y);
    default:
      return NaN;
  }
}

/** Keys of the opaque subterms (sums, integrals, undefined functions …) that sampling must give values. */
export function opaqueKeys(node: MathNode, into: Set<string> = new Set()): Set<string> {
  if (node.kind === 'function' && !(node.name in TRIG) && !KNOWN_FUNCTIONS.has(node.name)) {
    into.add(canonicalKey(node));
    return into;
  }
  if (node.kind === 'number' || node.kind === 'symbol' || node.kind === 'constant' || node.kind === 'infinity') return into;
  if (node.kind === 'add' || node.kind === 'mul' || node.kind === 'pow' || node.kind === 'function') {
    for (const child of children(node)) opaqueKeys(child, into);
    return into;
  }
  into.add(canonicalKey(node));
  return into;
}
const KNOWN_FUNCTIONS = new Set(['log', 'gamma', 'factorial', 'binomial', 'Max', 'Min', 'Mod', 'gcd', 'lcm']);

