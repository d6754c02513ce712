import type { Deadline } from '../symbolic.js';
import { casShowsEqual } from './cas-bridge.js';
import { canonicalKey, exactValue, foldNumber, numericValue, opaqueKeys } from './evaluate.js';
import { freeSymbols, integer, ONE_HUNDREDTH, sameNode, type MathNode } from './nodes.js';
import * as Q from './rational.js';

type Rows = MathNode[][];

/** A matrix expression evaluated to its entries (SymPy `doit()` on MatAdd/MatMul/Transpose/powers). */
export function matrixEntries(node: MathNode): Rows | undefined {
  if (node.kind === 'matrix') return node.rows;
  if (node.kind === 'pow') {
    const base = matrixEntries(node.base);
    const exponent = exactValue(node.exponent);
    if (base === undefined || exponent === undefined || exponent.q !== 1n || exponent.p < 1n || exponent.p > 16n) return undefined;
    let result = base;
    for (let k = 1n; k < exponent.p; k += 1n) {
      const next = multiplyMatrices(result, base);
      if (next === undefined) return undefined;
      result = next;
    }
    return result;
  }
  if (node.kind !== 'function') return undefined;
  if (node.name === 'Transpose') {
    const inner = matrixEntries(node.args[0] as MathNode);
    return inner?.[0]?.map((_cell, column) => inner.map((row) => row[column] as MathNode));
  }
  if (node.name === 'MatAdd') {
    const parts = node.args.map(matrixEntries);
    if (parts.some((part) => part === undefined)) return undefined;
    const [first, ...rest] = parts as Rows[];
    if (first === undefined || rest.some((part) => part.length !== first.length || part[0]?.length !== first[0]?.length)) return undefined;
    return first.map((row, r) => row.map((cell, c) => ({ kind: 'add', args: [cell, ...rest.map((part) => part[r]?.[c] as MathNode)] })));
  }
  if (node.name === 'MatMul') {
    let scalar: MathNode = integer(1);
    let product: Rows | undefined;
    for (const arg of node.args) {
      const entries = matrixEntries(arg);
      if (entries === undefined) {
        if (arg.kind === 'matrix' || arg.kind === 'function' && arg.name.startsWith('Mat')) return undefined;
        if (arg.kind === 'pow' && matrixEntries(arg.base) !== undefined) return undefined; // inverse
        scalar = { kind: 'mul', args: [scalar, arg] };
        continue;
      }
      product = product === undefined ? entries : multiplyMatrices(product, entries);
      if (product === undefined) return undefined;
    }
    return product?.map((row) => row.map((cell) => ({ kind: 'mul', args: [scalar, cell] })));
  }
  return undefined;
}

function multiplyMatrices(a: Rows, b: Rows): Rows | undefined {
  if ((a[0]?.length ?? 0) !== b.length) return undefined;
  return a.map((row) => (b[0] ?? []).map((_cell, column) => ({ kind: 'add', args: row.map((cell, k) => ({ kind: 'mul', args: [cell, b[k]?.[column] as MathNode] })) })));
}

const isMatrixLike = (node: MathNode) => node.kind === 'matrix' || (node.kind === 'function' && node.name.startsWith('Mat')) || node.kind === 'function' && node.name === 'Transpose' || (node.kind === 'pow' && matrixEntries(node.base) !== undefined);

/** Values the grader can subtract (SymPy expressions); sets, relations, tuples and strings are not. */
function isScalar(node: MathNode): boolean {
  return ['number', 'infinity', 'complexInfinity', 'constant', 'symbol', 'add', 'mul', 'pow', 'function'].includes(node.kind) && !isMatrixLike(node);
}

/** Math-Verify `is_atomic_or_pct_atomic`: a number (Float when `float`), or number·(1/100) as a percentage. */
function isAtomicOrPercent(node: MathNode, float: boolean): boolean {
  const atomic = (item: MathNode) => (float ? item.kind === 'number' && item.float : item.kind === 'number' || item.kind === 'infinity');
  if (atomic(node)) return true;
  return node.kind === 'mul' && node.args.length === 2 && node.args[1] !== undefined && sameNode(node.args[1], ONE_HUNDREDTH) && atomic(node.args[0] as MathNode);
}

/** SymPy `round(n)` of a constant, as value·10^n (undefined when it is not a real constant). */
function roundScaled(node: MathNode, digits: number): bigint | undefined {
  const exact = exactValue(node);
  if (exact !== undefined) return Q.roundScaled(exact, digits);
  if (freeSymbols(node).size > 0) return undefined;
  const value = numericValue(node);
  if (!Number.isFinite(value)) return undefined;
  return Q.roundScaled(Q.fromNumber(value), digits);
}

export interface NumericOptions {
  floatRounding: number;
  deadline: Deadline;
}

const close = (x: number, y: number) => x === y || Math.abs(x - y) <= 1e-10 * Math.max(1, Math.abs(x), Math.abs(y));

/**
 * Math-Verify `sympy_numeric_eq`: matrices entry by entry; when one side is a (percent) number,
 * rounding to `floatRounding` decimals if a Float is involved, exact equality after evaluation
 * otherwise; else the difference of two constants evaluates to 0.
 */
export function numericEqual(a: MathNode, b: MathNode, options: NumericOptions): boolean {
  if (isMatrixLike(a) && isMatrixLike(b)) {
    const [x, y] = [matrixEntries(a), matrixEntries(b)];
    if (x === undefined || y === undefined || x.length !== y.length || x[0]?.length !== y[0]?.length) return false;
    return x.every((row, r) => row.every((cell, c) => numericEqual(cell, y[r]?.[c] as MathNode, options)));
  }
  if (!isScalar(a) || !isScalar(b)) return false;
  if (isAtomicOrPercent(a, false) || isAtomicOrPercent(b, false)) {
    if (isAtomicOrPercent(a, true) || isAtomicOrPercent(b, true)) {
      const [x, y] = [roundScaled(a, options.floatRounding), roundScaled(b, options.floatRounding)];
      return x !== undefined && y !== undefined && x === y;
    }
    const [x, y] = [foldNumber(a), foldNumber(b)];
    if (x.kind === 'number' && y.kind === 'number') return Q.equals(x.value, y.value);
    return sameNode(x, y);
  }
  if (freeSymbols(a).size > 0 || freeSymbols(b).size > 0 || opaqueKeys(a).size > 0 || opaqueKeys(b).size > 0) return false;
  const [x, y] = [numericValue(a), numericValue(b)];
  return Number.isFinite(x) && Number.isFinite(y) && close(x, y);
}

const MAX_SAMPLED_NAMES = 8;
const MAX_CAS_KEY_LENGTH = 2000;
const SAMPLES = [0.3719, 1.4142, -0.8271, 2.2361, 0.5772, -1.7321, 3.1416];

/** Equal at sample points for the free symbols (and opaque subterms): true/false, or undefined when no point evaluates. */
function sampledEqual(a: MathNode, b: MathNode, deadline: Deadline): boolean | undefined {
  const names = [...new Set([...freeSymbols(a), ...freeSymbols(b), ...opaqueKeys(a), ...opaqueKeys(b)])];
  if (names.length > MAX_SAMPLED_NAMES) return undefined;
  let compared = 0;
  for (let trial = 0; trial < SAMPLES.length; trial += 1) {
    if (deadline.expired) return undefined;
    const assignment = new Map(names.map((name, i) => [name, (SAMPLES[(trial + 3 * i) % SAMPLES.length] ?? 0.5) * (1 + i / 7)]));
    const [x, y] = [numericValue(a, assignment), numericValue(b, assignment)];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (!close(x, y)) return false;
    compared += 1;
    if (names.length === 0) return true;
  }
  return compared >= 2 ? true : undefined;
}

/**
 * Math-Verify `sympy_symbolic_eq` (SymPy `simplify(a - b)` is zero): the same canonical form, equal
 * at sample points of the free variables, or Compute Engine simplifies the difference to 0.
 */
export function symbolicEqual(a: MathNode, b: MathNode, deadline: Deadline): boolean {
  if (isMatrixLike(a) || isMatrixLike(b)) {
    const [x, y] = [matrixEntries(a), matrixEntries(b)];
    if (x === undefined || y === undefined || x.length !== y.length || x[0]?.length !== y[0]?.length) return false;
    return x.every((row, r) => row.every((cell, c) => symbolicEqual(cell, y[r]?.[c] as MathNode, deadline)));
  }
  if (!isScalar(a) || !isScalar(b)) return false;
  const [keyA, keyB] = [canonicalKey(a), canonicalKey(b)];
  if (keyA === keyB) return true;
  const sampled = sampledEqual(a, b, deadline);
  if (sampled !== undefined) return sampled;
  // Compute Engine's simplification grows fast with size: only modest expressions are handed to it
  // an overflowing constant (9^{9^{9^9}}) would have Compute Engine compute it
  if ([numericValue(a), numericValue(b)].some((value) => value === Infinity || value === -Infinity)) return false;
  if (keyA.length + keyB.length > MAX_CAS_KEY_LENGTH || new Set([...freeSymbols(a), ...freeSymbols(b)]).size > MAX_SAMPLED_NAMES) return false;
  return casShowsEqual(a, b, deadline);
}
