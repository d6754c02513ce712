import { exactValue, numericValue } from './evaluate.js';
import { children, finiteSet, freeSymbols, integer, mapChildren, numberNode, type MathNode } from './nodes.js';
import * as Q from './rational.js';

/** One piece of a subset of the real line: an interval (a point when low = high, both closed). */
interface Piece {
  low: number;
  high: number;
  lowOpen: boolean;
  highOpen: boolean;
  lowNode: MathNode;
  highNode: MathNode;
}
/** A subset of the real line as sorted, disjoint pieces. */
type RealSet = Piece[];

const TOLERANCE = 1e-9;
const near = (a: number, b: number) => a === b || (Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b)));
const NEGATIVE_INFINITY: MathNode = { kind: 'infinity', sign: -1 };
const POSITIVE_INFINITY: MathNode = { kind: 'infinity', sign: 1 };

function normalize(pieces: Piece[]): RealSet {
  const sorted = pieces
    .filter((piece) => piece.low < piece.high || (near(piece.low, piece.high) && !piece.lowOpen && !piece.highOpen))
    .sort((a, b) => (near(a.low, b.low) ? Number(a.lowOpen) - Number(b.lowOpen) : a.low - b.low));
  const merged: Piece[] = [];
  for (const piece of sorted) {
    const last = merged.at(-1);
    const touches = last !== undefined && (piece.low < last.high || (near(piece.low, last.high) && !(piece.lowOpen && last.highOpen)));
    if (last === undefined || !touches) {
      merged.push({ ...piece });
      continue;
    }
    if (near(piece.high, last.high)) last.highOpen = last.highOpen && piece.highOpen;
    else if (piece.high > last.high) Object.assign(last, { high: piece.high, highOpen: piece.highOpen, highNode: piece.highNode });
  }
  return merged;
}

function intersect(a: RealSet, b: RealSet): RealSet {
  const result: Piece[] = [];
  for (const x of a) {
    for (const y of b) {
      const lowFromX = x.low > y.low || (near(x.low, y.low) && x.lowOpen);
      const highFromX = x.high < y.high || (near(x.high, y.high) && x.highOpen);
      const low = lowFromX ? x : y;
      const high = highFromX ? x : y;
      result.push({ low: low.low, lowOpen: low.lowOpen, lowNode: low.lowNode, high: high.high, highOpen: high.highOpen, highNode: high.highNode });
    }
  }
  return normalize(result);
}

const REALS: RealSet = [{ low: -Infinity, high: Infinity, lowOpen: true, highOpen: true, lowNode: NEGATIVE_INFINITY, highNode: POSITIVE_INFINITY }];

function complement(a: RealSet): RealSet {
  const result: Piece[] = [];
  let low = -Infinity;
  let lowOpen = true;
  let lowNode = NEGATIVE_INFINITY;
  for (const piece of a) {
    result.push({ low, lowOpen, lowNode, high: piece.low, highOpen: !piece.lowOpen, highNode: piece.lowNode });
    [low, lowOpen, lowNode] = [piece.high, !piece.highOpen, piece.highNode];
  }
  result.push({ low, lowOpen, lowNode, high: Infinity, highOpen: true, highNode: POSITIVE_INFINITY });
  return normalize(result.filter((piece) => !(piece.low === -Infinity && piece.high === -Infinity) && !(piece.low === Infinity)));
}

/** A set node with constant endpoints/elements as a real set; undefined when it is not one. */
function toRealSet(node: MathNode): RealSet | undefined {
  switch (node.kind) {
    case 'interval': {
      const [low, high] = [numericValue(node.start), numericValue(node.end)];
      if (Number.isNaN(low) || Number.isNaN(high)) return undefined;
      return normalize([{ low, high, lowOpen: node.leftOpen, highOpen: node.rightOpen, lowNode: node.start, highNode: node.end }]);
    }
    case 'set': {
      const pieces: Piece[] = [];
      for (const item of node.items) {
        const value = numericValue(item);
        if (!Number.isFinite(value)) return undefined;
        pieces.push({ low: value, high: value, lowOpen: false, highOpen: false, lowNode: item, highNode: item });
      }
      return normalize(pieces);
    }
    case 'namedSet':
      return node.name === 'Reals' ? REALS : node.name === 'EmptySet' ? [] : undefined;
    case 'setOperation': {
      const parts = node.args.map(toRealSet);
      if (parts.some((part) => part === undefined)) return undefined;
      const [first = [], ...rest] = parts as RealSet[];
      if (node.operation === 'union') return normalize([first, ...rest].flat());
      if (node.operation === 'intersection') return rest.reduce(intersect, first);
      return rest.reduce((left, right) => intersect(left, complement(right)), first);
    }
    default:
      return undefined;
  }
}

/** SymPy `a.symmetric_difference(b).is_empty` for sets of real constants; undefined when undecidable here. */
export function sameRealSet(a: MathNode, b: MathNode): boolean | undefined {
  const [x, y] = [toRealSet(a), toRealSet(b)];
  if (x === undefined || y === undefined) return undefined;
  return x.length === y.length && x.every((piece, i) => {
    const other = y[i] as Piece;
    return near(piece.low, other.low) && near(piece.high, other.high) && piece.lowOpen === other.lowOpen && piece.highOpen === other.highOpen;
  });
}

/** A real set back as SymPy would print it: Interval, FiniteSet, Union, EmptySet or Reals. */
function toNode(set: RealSet): MathNode {
  if (set.length === 0) return { kind: 'namedSet', name: 'EmptySet' };
  const points = set.filter((piece) => piece.low === piece.high);
  const intervals = set.filter((piece) => piece.low !== piece.high);
  const parts: MathNode[] = intervals.map((piece) =>
    piece.low === -Infinity && piece.high === Infinity ? { kind: 'namedSet', name: 'Reals' } : { kind: 'interval', start: piece.lowNode, end: piece.highNode, leftOpen: piece.lowOpen, rightOpen: piece.highOpen },
  );
  if (points.length > 0) parts.push(finiteSet(points.map((piece) => piece.lowNode)));
  return parts.length === 1 ? (parts[0] as MathNode) : { kind: 'setOperation', operation: 'union', args: parts };
}

/** A value as a node: an exact small-denominator rational when the double is one, else a float. */
function valueNode(value: number): MathNode {
  if (value === Infinity) return POSITIVE_INFINITY;
  if (value === -Infinity) return NEGATIVE_INFINITY;
  for (let q = 1n; q <= 1000n; q += 1n) {
    const p = Math.round(value * Number(q));
    if (Math.abs(p / Number(q) - value) <= 1e-12 * Math.max(1, Math.abs(value))) return numberNode(Q.rational(BigInt(p), q));
  }
  return numberNode(Q.fromNumber(value), true);
}

/** Points where an |inner| term containing the variable changes sign (inner linear in it). */
function absoluteKinks(node: MathNode, variable: string, into: number[]): boolean {
  if (node.kind === 'function' && node.name === 'Abs' && freeSymbols(node).has(variable)) {
    const inner = node.args[0] as MathNode;
    const at = (x: number) => numericValue(inner, new Map([[variable, x]]));
    const [a, b] = [at(0), at(1)];
    if (!near(at(2) - b, b - a) || b === a) return false; // not linear
    into.push(-a / (b - a));
  }
  return children(node).every((child) => absoluteKinks(child, variable, into));
}

/** Replace |inner| by ±inner according to the sign of inner at `x`. */
function resolveAbsolute(node: MathNode, variable: string, x: number): MathNode {
  if (node.kind === 'function' && node.name === 'Abs' && freeSymbols(node).has(variable)) {
    const inner = resolveAbsolute(node.args[0] as MathNode, variable, x);
    return numericValue(inner, new Map([[variable, x]])) < 0 ? { kind: 'mul', args: [integer(-1), inner] } : inner;
  }
  return mapChildren(node, (child) => resolveAbsolute(child, variable, x));
}

/** Real roots of a polynomial of degree ≤ 2 in `variable` (fitted from values; undefined if it is not one). */
function polynomialRoots(expression: MathNode, variable: string): { roots: number[]; sign: (x: number) => number } | undefined {
  const at = (x: number) => numericValue(expression, new Map([[variable, x]]));
  const [f0, f1, f2, f3, f4] = [at(0), at(1), at(-1), at(2), at(3)];
  if ([f0, f1, f2, f3, f4].some((value) => !Number.isFinite(value))) return undefined;
  const c = f0;
  const a = (f1 + f2 - 2 * c) / 2;
  const b = (f1 - f2) / 2;
  const fit = (x: number) => a * x * x + b * x + c;
  if (!near(fit(2), f3) || !near(fit(3), f4) || !near(fit(0.37), at(0.37))) return undefined;
  let roots: number[];
  if (Math.abs(a) <= TOLERANCE * Math.max(1, Math.abs(b), Math.abs(c))) roots = Math.abs(b) <= TOLERANCE ? [] : [-c / b];
  else {
    const discriminant = b * b - 4 * a * c;
    if (discriminant < -TOLERANCE) roots = [];
    else if (Math.abs(discriminant) <= TOLERANCE) roots = [-b / (2 * a)];
    else roots = [(-b - Math.sqrt(discriminant)) / (2 * a), (-b + Math.sqrt(discriminant)) / (2 * a)];
  }
  return { roots: roots.sort((x, y) => x - y), sign: (x) => Math.sign(near(fit(x), 0) ? 0 : fit(x)) };
}

type Operator = 'Eq' | 'Ne' | 'Lt' | 'Le' | 'Gt' | 'Ge';
const HOLDS: Record<Operator, (sign: number) => boolean> = {
  Eq: (s) => s === 0, Ne: (s) => s !== 0, Lt: (s) => s < 0, Le: (s) => s <= 0, Gt: (s) => s > 0, Ge: (s) => s >= 0,
};

/** Solution set of `difference OP 0` over one piece of the line. */
function solvePiece(difference: MathNode, variable: string, operator: Operator, piece: Piece): RealSet | undefined {
  const middle = Number.isFinite(piece.low) && Number.isFinite(piece.high) ? (piece.low + piece.high) / 2 : Number.isFinite(piece.low) ? piece.low + 1 : Number.isFinite(piece.high) ? piece.high - 1 : 0;
  const resolved = resolveAbsolute(difference, variable, middle);
  const polynomial = polynomialRoots(resolved, variable);
  if (polynomial === undefined) return undefined;
  const cuts = [piece.low, ...polynomial.roots.filter((root) => root > piece.low && root < piece.high), piece.high];
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < cuts.length; i += 1) {
    const [low, high] = [cuts[i] as number, cuts[i + 1] as number];
    const inside = Number.isFinite(low) && Number.isFinite(high) ? (low + high) / 2 : Number.isFinite(low) ? low + 1 : Number.isFinite(high) ? high - 1 : 0;
    if (HOLDS[operator](polynomial.sign(inside))) pieces.push({ low, high, lowOpen: true, highOpen: true, lowNode: valueNode(low), highNode: valueNode(high) });
  }
  for (const point of cuts) {
    if (!Number.isFinite(point)) continue;
    const inPiece = (point > piece.low || (point === piece.low && !piece.lowOpen)) && (point < piece.high || (point === piece.high && !piece.highOpen));
    if (inPiece && HOLDS[operator](polynomial.sign(point))) pieces.push({ low: point, high: point, lowOpen: false, highOpen: false, lowNode: valueNode(point), highNode: valueNode(point) });
  }
  return normalize(pieces);
}

function relationSet(relation: Extract<MathNode, { kind: 'relation' }>, variable: string): RealSet | undefined {
  const difference: MathNode = { kind: 'add', args: [relation.lhs, { kind: 'mul', args: [integer(-1), relation.rhs] }] };
  if (exactValue(difference) !== undefined) return undefined;
  const kinks: number[] = [];
  if (!absoluteKinks(difference, variable, kinks)) return undefined;
  const cuts = [...new Set(kinks)].sort((a, b) => a - b);
  const bounds = [-Infinity, ...cuts, Infinity];
  const pieces: RealSet = [];
  for (let i = 0; i + 1 < bounds.length; i += 1) {
    const piece: Piece = { low: bounds[i] as number, high: bounds[i + 1] as number, lowOpen: true, highOpen: true, lowNode: NEGATIVE_INFINITY, highNode: POSITIVE_INFINITY };
    const solved = solvePiece(difference, variable, relation.operator, piece);
    if (solved === undefined) return undefined;
    pieces.push(...solved);
  }
  for (const cut of cuts) {
    const value = numericValue(difference, new Map([[variable, cut]]));
    if (HOLDS[relation.operator](near(value, 0) ? 0 : Math.sign(value))) pieces.push({ low: cut, high: cut, lowOpen: false, highOpen: false, lowNode: valueNode(cut), highNode: valueNode(cut) });
  }
  return normalize(pieces);
}

/**
 * SymPy `relation.as_set()` for relations (or chains of them) in one real variable whose sides are
 * polynomials of degree ≤ 2, possibly with |linear| terms; undefined otherwise (upstream then keeps
 * the relation). `1 ≤ |z| ≤ 3/2` → [-3/2, -1] ∪ [1, 3/2].
 */
export function relationAsSet(node: MathNode): MathNode | undefined {
  const relations = node.kind === 'and' ? node.args : [node];
  if (!relations.every((relation) => relation.kind === 'relation')) return undefined;
  const variables = freeSymbols(node);
  if (variables.size !== 1) return undefined;
  const [variable = ''] = variables;
  let result: RealSet = REALS;
  for (const relation of relations as Array<Extract<MathNode, { kind: 'relation' }>>) {
    const solved = relationSet(relation, variable);
    if (solved === undefined) return undefined;
    result = intersect(result, solved);
  }
  return toNode(result);
}

/** latex2sympy2_extended `unwrap_fcs`: f(x) → the symbol f_x, so relations in f(x) can become sets. */
export function unwrapFunctions(node: MathNode): MathNode {
  if (node.kind === 'function' && node.applied === true) {
    return { kind: 'symbol', name: `${node.name}_${node.args.map((arg) => printNode(unwrapFunctions(arg))).join('_')}` };
  }
  return mapChildren(node, unwrapFunctions);
}

/** A short SymPy-like printing of simple nodes (symbol names for unwrapped functions). */
function printNode(node: MathNode): string {
  if (node.kind === 'symbol') return node.name;
  if (node.kind === 'number') return node.value.q === 1n ? node.value.p.toString() : `${node.value.p}/${node.value.q}`;
  return children(node).map(printNode).join('');
}

