import { exactValue, numericValue, opaqueKeys } from './evaluate.js';
import { freeSymbols, integer, type MathNode, type RelationOperator } from './nodes.js';

type Relation = Extract<MathNode, { kind: 'relation' }>;

/** Math-Verify `is_relation`: a relation, or a chain (And) of relations. */
export const isRelation = (node: MathNode): boolean =>
  node.kind === 'relation' || (node.kind === 'and' && node.args.length > 0 && node.args.every((arg) => arg.kind === 'relation'));

/** Math-Verify `is_equation`: an Eq, or a chain of Eqs. */
export const isEquation = (node: MathNode): boolean =>
  (node.kind === 'relation' && node.operator === 'Eq') || (node.kind === 'and' && node.args.length > 0 && node.args.every((arg) => arg.kind === 'relation' && arg.operator === 'Eq'));

const INVERSE: Partial<Record<RelationOperator, RelationOperator>> = { Ge: 'Le', Le: 'Ge', Gt: 'Lt', Lt: 'Gt', Eq: 'Eq' };

export class RelationComparisonError extends Error {}

const SCALAR_KINDS = new Set(['number', 'infinity', 'complexInfinity', 'constant', 'symbol', 'add', 'mul', 'pow', 'function']);
const isScalar = (node: MathNode) => SCALAR_KINDS.has(node.kind) && !(node.kind === 'function' && node.name.startsWith('Mat'));

/** `a - b` as SymPy evaluates the trivial cases (x - 0 is x). */
export function difference(a: MathNode, b: MathNode): MathNode {
  if (!isScalar(a) || !isScalar(b)) throw new RelationComparisonError('only expressions can be subtracted');
  const bValue = exactValue(b);
  if (bValue !== undefined && bValue.p === 0n) return a;
  const aValue = exactValue(a);
  if (aValue !== undefined && aValue.p === 0n) return b.kind === 'number' ? { ...b, value: { p: -b.value.p, q: b.value.q } } : { kind: 'mul', args: [integer(-1), b] };
  return { kind: 'add', args: [a, { kind: 'mul', args: [integer(-1), b] }] };
}



/**
 * Math-Verify `sympy_compare_relational`: chains relation by relation; the same relation with equal
 * `lhs - rhs`; the mirrored relation (a ≤ b vs b ≥ a, x ≤ 1 vs -x ≥ -1) with `lhs - rhs` equal to the
 * other's `rhs - lhs`; and equations with the same solutions. Upstream's solving step raises for
 * inequalities (and for a `≠` whose other checks fail), which makes the comparison false.
 */
export function compareRelations(gold: MathNode, prediction: MathNode, equal: (a: MathNode, b: MathNode) => boolean): boolean {
  if (gold.kind === 'and' && prediction.kind === 'and') {
    if (gold.args.length !== prediction.args.length) throw new RelationComparisonError('chains of different lengths');
    return gold.args.every((item, i) => compareRelations(item, prediction.args[i] as MathNode, equal));
  }
  if (gold.kind !== 'relation' || prediction.kind !== 'relation') return false;
  if (gold.operator === prediction.operator && safely(() => equal(difference(gold.lhs, gold.rhs), difference(prediction.lhs, prediction.rhs)))) return true;
  const inverse = INVERSE[gold.operator];
  if (inverse === undefined) throw new RelationComparisonError('no inverse relation');
  if (inverse === prediction.operator && safely(() => equal(difference(gold.lhs, gold.rhs), difference(prediction.rhs, prediction.lhs)))) return true;
  if (gold.operator !== 'Eq' || prediction.operator !== 'Eq') throw new RelationComparisonError('inequalities are not solved');
  return sameSolutions(gold, prediction);
}

function safely(check: () => boolean): boolean {
  try {
    return check();
  } catch {
    return false;
  }
}

const SAMPLES = [0.6180, 1.7321, -0.4142, 2.7183, -1.3247, 0.9, 3.3];

/**
 * Upstream solves both equations for their variables and compares the solutions. Two polynomial
 * equations in the same variables have the same solutions when one's `lhs - rhs` is a constant
 * non-zero multiple of the other's (2x + 4y - 3 = 0 vs y = -x/2 + 3/4); that is what is checked, at
 * sample points.
 */
function sameSolutions(gold: Relation, prediction: Relation): boolean {
  const g = difference(gold.lhs, gold.rhs);
  const p = difference(prediction.lhs, prediction.rhs);
  const names = [...new Set([...freeSymbols(g), ...freeSymbols(p)])];
  if (names.length === 0 || names.length > 6 || opaqueKeys(g).size > 0 || opaqueKeys(p).size > 0) return false;
  const goldSymbols = [...freeSymbols(g)].sort().join(',');
  if (goldSymbols !== [...freeSymbols(p)].sort().join(',')) return false;
  let ratio: number | undefined;
  let compared = 0;
  for (let trial = 0; trial < SAMPLES.length; trial += 1) {
    const assignment = new Map(names.map((name, i) => [name, (SAMPLES[(trial + 2 * i) % SAMPLES.length] ?? 1) * (1 + i / 5)]));
    const [x, y] = [numericValue(g, assignment), numericValue(p, assignment)];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (Math.abs(y) < 1e-12) {
      if (Math.abs(x) > 1e-9) return false;
      continue;
    }
    const current = x / y;
    if (Math.abs(current) < 1e-12) return false;
    if (ratio !== undefined && Math.abs(current - ratio) > 1e-9 * Math.max(1, Math.abs(ratio))) return false;
    ratio = current;
    compared += 1;
  }
  return compared >= 3;
}
