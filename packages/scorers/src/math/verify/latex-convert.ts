import { exactValue, numericValue } from './evaluate.js';
import {
  addFlat,
  children,
  finiteSet,
  integer,
  isInteger,
  isMatrix,
  isSympyNumber,
  mulFlat,
  negative,
  numberNode,
  ONE_HUNDREDTH,
  symbol,
  type MathNode,
  type RelationOperator,
} from './nodes.js';
import { GREEK_CHARACTERS } from './latex-tokens.js';
import * as Q from './rational.js';

/** A conversion that cannot be done (upstream raises and the whole parse fails). */
export class ConversionError extends Error {}

export function fail(reason: string): never {
  throw new ConversionError(reason);
}

/** latex2sympy2_extended `is_expr_of_only_symbols`: symbols, products/quotients of symbols, f(x), |AB| … */
export function isOnlySymbols(node: MathNode): boolean {
  if (node.kind === 'symbol') return true;
  if (node.kind === 'pow' && node.exponent.kind === 'number' && Q.equals(node.exponent.value, Q.rational(-1n))) {
    if (node.base.kind === 'symbol') return true;
    const inner = children(node.base);
    if (inner.length > 0 && inner.every(isOnlySymbols)) return true;
  }
  const args = children(node);
  return args.length > 0 && args.every(isOnlySymbols);
}

const SINGLETONS: Record<string, MathNode> = { pi: { kind: 'constant', name: 'pi' }, gamma: { kind: 'constant', name: 'EulerGamma' } };

/** latex2sympy2_extended `get_symbol` with lower-cased names (its default): Greek names, π and γ as constants. */
export function makeSymbol(text: string, lowercase = true): MathNode {
  const trimmed = text.trim();
  let letter = GREEK_CHARACTERS[trimmed] ?? (trimmed.startsWith('\\') && GREEK_NAMES.has(trimmed.slice(1)) ? trimmed.slice(1) : trimmed);
  if (letter.startsWith('\\')) letter = letter.slice(1);
  const singleton = SINGLETONS[letter];
  if (singleton !== undefined) return singleton;
  if (lowercase) letter = letter.toLowerCase();
  return SINGLETONS[letter] ?? symbol(letter);
}
const GREEK_NAMES = new Set(Object.values(GREEK_CHARACTERS));

/** The symbol text of an accent token: `\text{ab c}` → "abc", `\bar{x}` → "bar{x}", `\mathbb{x}` → "math{x}". */
export function accentText(token: string): string {
  const braceAt = token.indexOf('{');
  let name = token.slice(1, braceAt);
  let content = token.slice(braceAt + 1, -1).replaceAll(' ', '');
  if (name.startsWith('bar') || name.startsWith('overline')) name = 'bar';
  else if (name.startsWith('vec') || name.startsWith('overrightarrow')) name = 'vec';
  else if (name.startsWith('tilde') || name.startsWith('widetilde')) name = 'tilde';
  else if (name.includes('text') || name.includes('mbox')) {
    name = '';
    content = content.replaceAll('(', '').replaceAll(')', '');
  } else if (name.includes('math')) name = 'math';
  name = name.trim();
  return name === '' ? content : `${name}{${content}}`;
}

/** latex2sympy2_extended `parse_number`: commas dropped, leading zeros of integers dropped; a decimal point makes a Float. */
export function parseNumber(text: string): MathNode {
  let digits = text.replaceAll(',', '');
  if (/^\d+$/u.test(digits)) {
    digits = digits.replace(/^0+(?=\d)/u, '');
    return numberNode(Q.rational(BigInt(digits)));
  }
  const value = Q.fromDecimalString(digits);
  if (value === undefined) fail(`not a number: ${text}`);
  return numberNode(value, true);
}

/** latex2sympy2_extended `convert_number` for "1,234,567"-style input ("0,111" is the float 0.111). */
export function convertCommaNumber(text: string): MathNode {
  let number = text.trim();
  if (number.includes(',') && number.startsWith('0')) number = number.replace(',', '.');
  const cleaned = number.replaceAll(',', '').replaceAll(' ', '').replace(/^0+/u, '') || '0';
  return /^-?\d+$/u.test(cleaned) ? numberNode(Q.rational(BigInt(cleaned))) : parseNumber(cleaned);
}

export const percent = (node: MathNode): MathNode => ({ kind: 'mul', args: [node, ONE_HUNDREDTH] });

export function add(left: MathNode, right: MathNode): MathNode {
  return isMatrix(left) || isMatrix(right) ? matrixFlat('MatAdd', left, right) : addFlat(left, right);
}

export function subtract(left: MathNode, right: MathNode): MathNode {
  if (isMatrix(left) || isMatrix(right)) return matrixFlat('MatAdd', left, matrixFlat('MatMul', integer(-1), right));
  return addFlat(left, isSympyNumber(right) ? negative(right) : mulFlat(integer(-1), right));
}

export function multiply(left: MathNode, right: MathNode): MathNode {
  return isMatrix(left) || isMatrix(right) ? matrixFlat('MatMul', left, right) : mulFlat(left, right);
}

const reciprocal = (node: MathNode): MathNode => ({ kind: 'pow', base: node, exponent: integer(-1) });

/** a / b as latex2sympy2_extended writes it: Rational for two integers, else Mul(a, Pow(b, -1)). */
export function divide(left: MathNode, right: MathNode): MathNode {
  if (isMatrix(left) || isMatrix(right)) return { kind: 'function', name: 'MatMul', args: [left, reciprocal(right)] };
  if (isInteger(left) && isInteger(right) && left.kind === 'number' && right.kind === 'number') {
    if (right.value.p === 0n) return left.value.p === 0n ? fail('nan') : { kind: 'complexInfinity' };
    return numberNode(Q.divide(left.value, right.value));
  }
  return { kind: 'mul', args: [left, reciprocal(right)] };
}

function matrixFlat(name: 'MatAdd' | 'MatMul', left: MathNode, right: MathNode): MathNode {
  const flat = (node: MathNode) => (node.kind === 'function' && node.name === name ? node.args : [node]);
  return { kind: 'function', name, args: [...flat(left), ...flat(right)] };
}

/**
 * `convert_postfix_list`: juxtaposed factors multiply (right to left), and an integer followed by a
 * positive rational is a mixed number (`2\frac{1}{2}` = 5/2).
 */
export function juxtapose(factors: MathNode[]): MathNode {
  const [first, ...rest] = factors;
  if (first === undefined) fail('empty product');
  if (rest.length === 0) return first;
  const right = juxtapose(rest);
  if (isMatrix(first) || isMatrix(right)) return matrixFlat('MatMul', first, right);
  if (isInteger(first) && first.kind === 'number' && right.kind === 'number' && !right.float && right.value.p > 0n) {
    const combined = first.value.p < 0n ? Q.subtract(Q.multiply(first.value, Q.rational(right.value.q)), Q.rational(right.value.p)) : Q.add(Q.multiply(first.value, Q.rational(right.value.q)), Q.rational(right.value.p));
    return numberNode(Q.divide(combined, Q.rational(right.value.q)));
  }
  return mulFlat(first, right);
}

const RELATIONS: Record<string, RelationOperator> = { LT: 'Lt', LTE: 'Le', GT: 'Gt', GTE: 'Ge', EQUAL: 'Eq', ASSIGNMENT: 'Eq', UNEQUAL: 'Ne' };

/** One step of a relation chain `lh OP rh` (`a < b < c` becomes And(a < b, b < c)). */
export function relationStep(tokenType: string, left: MathNode, right: MathNode): MathNode {
  if (tokenType === 'APPROX') return isOnlySymbols(left) ? right : left;
  if (tokenType === 'IN') fail('unrecognized relation');
  const operator = RELATIONS[tokenType] ?? fail(`unknown relation ${tokenType}`);
  const make = (lhs: MathNode): MathNode => ({ kind: 'relation', operator, lhs, rhs: right });
  if (left.kind === 'and') {
    const last = left.args.at(-1);
    if (last?.kind !== 'relation') fail('bad chain');
    return { kind: 'and', args: [...left.args, make(last.rhs)] };
  }
  if (left.kind === 'relation') return { kind: 'and', args: [left, make(left.rhs)] };
  return make(left);
}

/** `convert_elements_to_set_or_tuple`: one element is itself, a comma list a set, `;`-separated lists a set of tuples. */
export function elementsToSetOrTuple(lists: MathNode[][]): MathNode {
  const [first] = lists;
  if (lists.length === 1 && first !== undefined) return first.length === 1 ? (first[0] as MathNode) : finiteSet(first);
  if (lists.every((list) => list.length === 1)) return finiteSet(lists.map((list) => list[0] as MathNode));
  return finiteSet(lists.map((items) => ({ kind: 'tuple', items })));
}

/** SymPy's Interval(start, end, …): open at infinities; an empty or reversed open/closed pair is written as a tuple. */
export function makeInterval(start: MathNode, end: MathNode, leftOpen: boolean, rightOpen: boolean): MathNode {
  const low = numericValue(start);
  const high = numericValue(end);
  if (!Number.isNaN(low) && !Number.isNaN(high)) {
    if ((leftOpen && rightOpen && high <= low) || (!leftOpen && !rightOpen && high < low)) return { kind: 'tuple', items: [start, end] };
    if (high < low || (high === low && (leftOpen || rightOpen))) return { kind: 'namedSet', name: 'EmptySet' };
    if (high === low) return finiteSet([start]);
  }
  return {
    kind: 'interval',
    start,
    end,
    leftOpen: leftOpen || (start.kind === 'infinity' && start.sign < 0),
    rightOpen: rightOpen || (end.kind === 'infinity' && end.sign > 0),
  };
}

/** SymPy evaluates gcd/lcm of the (nsimplified) arguments right away. */
export function gcdOrLcm(name: 'gcd' | 'lcm', args: MathNode[]): MathNode {
  const values = args.map(exactValue);
  if (values.some((value) => value === undefined || !Q.isInteger(value))) return { kind: 'function', name, args };
  const result = (values as Q.Rational[]).map((value) => value.p).reduce((a, b) => (name === 'gcd' ? Q.gcd(a, b) : a === 0n || b === 0n ? 0n : (a * b < 0n ? -a * b : a * b) / Q.gcd(a, b)));
  return numberNode(Q.rational(result));
}

/** exp(x) as SymPy evaluates it: exp(1) is E, exp(0) is 1. */
export function exponential(argument: MathNode): MathNode {
  const value = exactValue(argument);
  if (value !== undefined && Q.equals(value, Q.ONE)) return { kind: 'constant', name: 'E' };
  if (value !== undefined && value.p === 0n) return integer(1);
  return { kind: 'function', name: 'exp', args: [argument] };
}
