import { Deadline } from '../symbolic.js';
import { numericEqual, symbolicEqual } from './expression-equality.js';
import { isOnlySymbols } from './latex-convert.js';
import { freeSymbols, isSet, sameNode, substitute, symbol, type MathNode } from './nodes.js';
import { relationAsSet, sameRealSet, unwrapFunctions } from './real-sets.js';
import { compareRelations, isEquation, isRelation } from './relations.js';

export interface CompareOptions {
  /** Decimal places floats are rounded to before comparing (Math-Verify `float_rounding`, default 6). */
  floatRounding: number;
  /** Variables matter (`f(x)` ≠ `f(y)`); when false, the prediction's variables are renamed to the gold's. */
  strict: boolean;
  /** Also compare a set gold with a relation prediction (`x ∈ [-2,7]` vs `-2 ≤ x ≤ 7`). */
  allowSetRelationComparison: boolean;
  deadline: Deadline;
}

/** Raised where SymPy raises inside a comparison (the comparison is then "not equal"). */
export class ComparisonError extends Error {}

const isAssignment = (node: MathNode): boolean =>
  (node.kind === 'relation' && node.operator === 'Eq' && isOnlySymbols(node.lhs)) ||
  (node.kind === 'and' && node.args.length > 0 && node.args.every((arg) => arg.kind === 'relation' && arg.operator === 'Eq') && isOnlySymbols((node.args[0] as Extract<MathNode, { kind: 'relation' }>).lhs));

const firstRelation = (node: MathNode): Extract<MathNode, { kind: 'relation' }> => (node.kind === 'and' ? firstRelation(node.args[0] as MathNode) : (node as Extract<MathNode, { kind: 'relation' }>));
const lastRelation = (node: MathNode): Extract<MathNode, { kind: 'relation' }> => (node.kind === 'and' ? lastRelation(node.args.at(-1) as MathNode) : (node as Extract<MathNode, { kind: 'relation' }>));

/** Math-Verify `sympy_expr_eq(gold, pred)`; not symmetric. */
export function expressionsEqual(goldInput: MathNode, predictionInput: MathNode, options: CompareOptions): boolean {
  let gold = goldInput;
  let prediction = predictionInput;
  if (options.deadline.expired) return false;
  if (!options.strict) {
    const goldVariables = [...freeSymbols(gold)].sort();
    const predictionVariables = [...freeSymbols(prediction)].sort();
    if (goldVariables.length === predictionVariables.length) {
      prediction = substitute(prediction, new Map(predictionVariables.map((name, i) => [name, symbol(goldVariables[i] ?? name)])));
    }
  }
  const goldAssignment = isAssignment(gold);
  const predictionAssignment = isAssignment(prediction);
  const goldEquation = isEquation(gold);
  const predictionEquation = isEquation(prediction);
  // a chain "x = a = b" is read as "x = b"
  if (goldAssignment) gold = { kind: 'relation', operator: 'Eq', lhs: firstRelation(gold).lhs, rhs: lastRelation(gold).rhs };
  if (predictionAssignment) prediction = { kind: 'relation', operator: 'Eq', lhs: firstRelation(prediction).lhs, rhs: lastRelation(prediction).rhs };
  // follow the gold's form: "x = 1" vs "1" compares 1 with 1 (but "2x + z = 1" vs "1" does not)
  if (predictionEquation && !goldEquation) prediction = lastRelation(prediction).rhs;
  else if (goldAssignment && !predictionEquation) gold = lastRelation(gold).rhs;

  if (isRelation(gold) && isSet(prediction)) gold = relationAsSet(unwrapFunctions(gold)) ?? gold;
  if (options.allowSetRelationComparison && isRelation(prediction) && isSet(gold)) prediction = relationAsSet(unwrapFunctions(prediction)) ?? prediction;

  if (gold.kind === 'complexInfinity') throw new ComparisonError("can't evaluate zoo");
  if (sameNode(gold, prediction)) return true;

  if (isRelation(gold) && isRelation(prediction)) return compareRelations(gold, prediction, (a, b) => expressionsEqual(a, b, nested(options)));
  if (isSet(gold) || gold.kind === 'tuple' || isSet(prediction) || prediction.kind === 'tuple') return compareSets(gold, prediction, options);
  if (gold.kind === 'symbol' || prediction.kind === 'symbol') return compareSymbols(gold, prediction);
  if (numericEqual(gold, prediction, options)) return true;
  return symbolicEqual(gold, prediction, options.deadline);
}

/** Comparisons inside sets, tuples and relations use the defaults (strict, no set/relation mixing). */
const nested = (options: CompareOptions): CompareOptions => ({ ...options, strict: true, allowSetRelationComparison: false });

const setItems = (node: MathNode): MathNode[] | undefined => (node.kind === 'set' ? node.items : node.kind === 'tuple' ? node.items : undefined);

/** Math-Verify `sympy_compare_sets`. */
function compareSets(goldInput: MathNode, predictionInput: MathNode, options: CompareOptions): boolean {
  const gold = isSet(goldInput) || goldInput.kind === 'tuple' ? goldInput : { kind: 'set' as const, items: [goldInput] };
  const prediction = isSet(predictionInput) || predictionInput.kind === 'tuple' ? predictionInput : { kind: 'set' as const, items: [predictionInput] };
  const inner = nested(options);
  if (gold.kind === 'interval' && prediction.kind === 'interval') {
    return gold.leftOpen === prediction.leftOpen && gold.rightOpen === prediction.rightOpen && expressionsEqual(gold.start, prediction.start, inner) && expressionsEqual(gold.end, prediction.end, inner);
  }
  if (sameNode(gold, prediction)) return true;
  if (isSet(gold) && isSet(prediction) && sameRealSet(gold, prediction) === true) return true;
  const goldItems = setItems(gold);
  const predictionItems = setItems(prediction);
  if (goldItems !== undefined && predictionItems !== undefined) return compareItems(gold.kind, goldItems, prediction.kind, predictionItems, inner);
  // "(1, 2)" reads as an open interval; "1, 2" as a set: compare the endpoints as a tuple
  if (gold.kind === 'interval' && gold.leftOpen && gold.rightOpen && predictionItems?.length === 2) return compareItems('tuple', [gold.start, gold.end], prediction.kind, predictionItems, inner);
  if (prediction.kind === 'interval' && prediction.leftOpen && prediction.rightOpen && goldItems?.length === 2) return compareItems(gold.kind, goldItems, 'tuple', [prediction.start, prediction.end], inner);
  return false;
}

/**
 * `sympy_deep_compare_set_and_tuple`: same size, then element by element — in written order for
 * tuples, and for a set gold as a one-to-one matching (upstream sorts both sides with SymPy's
 * ordering and hopes equal elements line up; a matching does not depend on that order).
 */
function compareItems(goldKind: string, gold: MathNode[], predictionKind: string, prediction: MathNode[], options: CompareOptions): boolean {
  if (gold.length !== prediction.length) return false;
  if (goldKind === 'tuple' || (goldKind !== 'set' && predictionKind !== 'set')) return gold.every((item, i) => expressionsEqual(item, prediction[i] as MathNode, options));
  return perfectMatching(gold, prediction, (a, b) => expressionsEqual(a, b, options), options.deadline);
}

/** A one-to-one assignment of gold items to equal prediction items (augmenting paths; sizes are small). */
function perfectMatching(gold: MathNode[], prediction: MathNode[], equal: (a: MathNode, b: MathNode) => boolean, deadline: Deadline): boolean {
  const cache = new Map<string, boolean>();
  const edge = (g: number, p: number) => {
    const key = `${g}:${p}`;
    let value = cache.get(key);
    if (value === undefined) {
      value = !deadline.expired && equal(gold[g] as MathNode, prediction[p] as MathNode);
      cache.set(key, value);
    }
    return value;
  };
  const owner = new Array<number>(prediction.length).fill(-1);
  const augment = (g: number, seen: boolean[]): boolean => {
    for (let p = 0; p < prediction.length; p += 1) {
      if (seen[p] || !edge(g, p)) continue;
      seen[p] = true;
      if (owner[p] === -1 || augment(owner[p] as number, seen)) {
        owner[p] = g;
        return true;
      }
    }
    return false;
  };
  // try the diagonal first: written orders usually agree
  return gold.every((_item, g) => augment(g, new Array<boolean>(prediction.length).fill(false)));
}

/** Math-Verify `sympy_compare_symbols`: `\text{E}` = E, "odd" (o·dd) = `\text{odd}`, names case-insensitive beyond one letter. */
function compareSymbols(gold: MathNode, prediction: MathNode): boolean {
  const isE = (node: MathNode) => node.kind === 'constant' && node.name === 'E';
  if ((gold.kind === 'symbol' && gold.name.toLowerCase() === 'e' && isE(prediction)) || (prediction.kind === 'symbol' && prediction.name.toLowerCase() === 'e' && isE(gold))) return true;
  const concatenated = (node: MathNode) =>
    node.kind === 'mul' && node.args.every((arg) => isE(arg) || arg.kind === 'symbol') ? node.args.map((arg) => (arg.kind === 'symbol' ? arg.name : 'e')).join('') : undefined;
  if (gold.kind === 'symbol' && prediction.kind === 'mul') return gold.name.toLowerCase() === concatenated(prediction)?.toLowerCase();
  if (prediction.kind === 'symbol' && gold.kind === 'mul') return prediction.name.toLowerCase() === concatenated(gold)?.toLowerCase();
  if (gold.kind === 'symbol' && prediction.kind === 'symbol') {
    const name = (text: string) => (text.length > 1 ? text.toLowerCase() : text);
    return name(gold.name) === name(prediction.name);
  }
  return false;
}

