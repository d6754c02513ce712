import { equals, rational, type Rational } from './rational.js';

/**
 * The values Math-Verify's parser produces (SymPy objects upstream), built unevaluated as
 * latex2sympy2_extended builds them (`evaluate=False`): arithmetic keeps its written shape until the
 * grader evaluates it.
 */
export type MathNode =
  | { kind: 'number'; value: Rational; float: boolean }
  | { kind: 'infinity'; sign: 1 | -1 }
  | { kind: 'complexInfinity' }
  | { kind: 'constant'; name: 'pi' | 'E' | 'I' | 'EulerGamma' }
  | { kind: 'symbol'; name: string }
  | { kind: 'add'; args: MathNode[] }
  | { kind: 'mul'; args: MathNode[] }
  | { kind: 'pow'; base: MathNode; exponent: MathNode }
  /** Known functions (sin, log, Abs, factorial, …), undefined functions (`applied`: f(x)) and opaque operators (Sum, Integral, …). */
  | { kind: 'function'; name: string; args: MathNode[]; applied?: boolean }
  | { kind: 'matrix'; rows: MathNode[][] }
  | { kind: 'tuple'; items: MathNode[] }
  /** A finite set; `items` keep the written order (latex2sympy2_extended's `_unsorted_args`), without repeats. */
  | { kind: 'set'; items: MathNode[] }
  | { kind: 'interval'; start: MathNode; end: MathNode; leftOpen: boolean; rightOpen: boolean }
  | { kind: 'setOperation'; operation: 'union' | 'intersection' | 'complement'; args: MathNode[] }
  | { kind: 'namedSet'; name: 'Naturals' | 'Integers' | 'Rationals' | 'Reals' | 'Complexes' | 'Primes' | 'EmptySet' }
  | { kind: 'relation'; operator: RelationOperator; lhs: MathNode; rhs: MathNode }
  /** A chain of relations (`a < b < c`), in written order. */
  | { kind: 'and'; args: MathNode[] }
  | { kind: 'not'; arg: MathNode };

export type RelationOperator = 'Eq' | 'Ne' | 'Lt' | 'Le' | 'Gt' | 'Ge';

export const integer = (value: bigint | number): MathNode => ({ kind: 'number', value: rational(BigInt(value)), float: false });
export const numberNode = (value: Rational, float = false): MathNode => ({ kind: 'number', value, float });
export const symbol = (name: string): MathNode => ({ kind: 'symbol', name });
export const MINUS_ONE = integer(-1);
export const ONE_HUNDREDTH: MathNode = numberNode(rational(1n, 100n));

export const isInteger = (node: MathNode) => node.kind === 'number' && !node.float && node.value.q === 1n;
/** SymPy `is_Number` (Integer, Rational, Float and the infinities). */
export const isSympyNumber = (node: MathNode) => node.kind === 'number' || node.kind === 'infinity' || node.kind === 'complexInfinity';
export const isMatrix = (node: MathNode) => node.kind === 'matrix' || (node.kind === 'function' && node.name.startsWith('Mat'));
export const isSet = (node: MathNode) =>
  node.kind === 'set' || node.kind === 'interval' || node.kind === 'setOperation' || node.kind === 'namedSet';

/** latex2sympy2_extended `mul_flat`: nested products are flattened. */
export function mulFlat(left: MathNode, right: MathNode): MathNode {
  const args = [...(left.kind === 'mul' ? left.args : [left]), ...(right.kind === 'mul' ? right.args : [right])];
  return { kind: 'mul', args };
}
/** latex2sympy2_extended `add_flat`. */
export function addFlat(left: MathNode, right: MathNode): MathNode {
  const args = [...(left.kind === 'add' ? left.args : [left]), ...(right.kind === 'add' ? right.args : [right])];
  return { kind: 'add', args };
}
export const negateNumber = (node: Extract<MathNode, { kind: 'number' }>): MathNode => numberNode(rational(-node.value.p, node.value.q), node.float);

/** Unary minus as the converter writes it: numbers are negated, anything else becomes Mul(-1, x). */
export function negative(node: MathNode): MathNode {
  if (node.kind === 'number') return negateNumber(node);
  if (node.kind === 'infinity') return { kind: 'infinity', sign: node.sign === 1 ? -1 : 1 };
  if (isMatrix(node)) return { kind: 'function', name: 'MatMul', args: [MINUS_ONE, node] };
  return mulFlat(MINUS_ONE, node);
}

/** Structural equality (SymPy `==` on unevaluated trees; a finite set ignores order). */
export function sameNode(a: MathNode, b: MathNode): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'number': {
      const other = b as typeof a;
      return equals(a.value, other.value) && a.float === other.float;
    }
    case 'infinity':
      return a.sign === (b as typeof a).sign;
    case 'complexInfinity':
      return true;
    case 'constant':
    case 'symbol':
    case 'namedSet':
      return a.name === (b as typeof a).name;
    case 'add':
    case 'mul':
    case 'and':
      return sameList(a.args, (b as typeof a).args);
    case 'tuple':
      return sameList(a.items, (b as typeof a).items);
    case 'pow': {
      const other = b as typeof a;
      return sameNode(a.base, other.base) && sameNode(a.exponent, other.exponent);
    }
    case 'function': {
      const other = b as typeof a;
      return a.name === other.name && sameList(a.args, other.args);
    }
    case 'matrix': {
      const other = b as typeof a;
      return a.rows.length === other.rows.length && a.rows.every((row, r) => sameList(row, other.rows[r] ?? []));
    }
    case 'set': {
      const other = b as typeof a;
      return a.items.length === other.items.length && a.items.every((item) => other.items.some((candidate) => sameNode(item, candidate)));
    }
    case 'interval': {
      const other = b as typeof a;
      return a.leftOpen === other.leftOpen && a.rightOpen === other.rightOpen && sameNode(a.start, other.start) && sameNode(a.end, other.end);
    }
    case 'setOperation': {
      const other = b as typeof a;
      return a.operation === other.operation && sameList(a.args, other.args);
    }
    case 'relation': {
      const other = b as typeof a;
      return a.operator === other.operator && sameNode(a.lhs, other.lhs) && sameNode(a.rhs, other.rhs);
    }
    case 'not':
      return sameNode(a.arg, (b as typeof a).arg);
  }
}

function sameList(a: MathNode[], b: MathNode[]): boolean {
  return a.length === b.length && a.every((item, i) => sameNode(item, b[i] as MathNode));
}

/** A finite set from items, dropping structural repeats (SymPy's FiniteSet keeps one of each). */
export function finiteSet(items: MathNode[]): MathNode {
  const unique: MathNode[] = [];
  for (const item of items) if (!unique.some((existing) => sameNode(existing, item))) unique.push(item);
  return { kind: 'set', items: unique };
}

/** Children of a node (SymPy `.args`), for traversals. */
export function children(node: MathNode): MathNode[] {
  switch (node.kind) {
    case 'add':
    case 'mul':
    case 'and':
      return node.args;
    case 'tuple':
    case 'set':
      return node.items;
    case 'function':
    case 'setOperation':
      return node.args;
    case 'pow':
      return [node.base, node.exponent];
    case 'matrix':
      return node.rows.flat();
    case 'interval':
      return [node.start, node.end];
    case 'relation':
      return [node.lhs, node.rhs];
    case 'not':
      return [node.arg];
    default:
      return [];
  }
}

/** The free symbols of a node (bound variables of sums and integrals included, as a simplification). */
export function freeSymbols(node: MathNode, into: Set<string> = new Set()): Set<string> {
  if (node.kind === 'symbol') into.add(node.name);
  for (const child of children(node)) freeSymbols(child, into);
  return into;
}

/** Replace symbols by name. */
export function substitute(node: MathNode, replacements: ReadonlyMap<string, MathNode>): MathNode {
  if (node.kind === 'symbol') return replacements.get(node.name) ?? node;
  return mapChildren(node, (child) => substitute(child, replacements));
}

export function mapChildren(node: MathNode, map: (child: MathNode) => MathNode): MathNode {
  switch (node.kind) {
    case 'add':
    case 'mul':
    case 'and':
      return { ...node, args: node.args.map(map) };
    case 'tuple':
    case 'set':
      return { ...node, items: node.items.map(map) };
    case 'function':
    case 'setOperation':
      return { ...node, args: node.args.map(map) };
    case 'pow':
      return { ...node, base: map(node.base), exponent: map(node.exponent) };
    case 'matrix':
      return { ...node, rows: node.rows.map((row) => row.map(map)) };
    case 'interval':
      return { ...node, start: map(node.start), end: map(node.end) };
    case 'relation':
      return { ...node, lhs: map(node.lhs), rhs: map(node.rhs) };
    case 'not':
      return { ...node, arg: map(node.arg) };
    default:
      return node;
  }
}
