import { ComputeEngine } from '@cortex-js/compute-engine';
import { tooCostly, type Deadline } from '../symbolic.js';
import { canonicalKey } from './evaluate.js';
import type { MathNode } from './nodes.js';
import * as Q from './rational.js';

let engine: ComputeEngine | undefined;
function getEngine(): ComputeEngine {
  engine ??= new ComputeEngine();
  return engine;
}

const FUNCTION_NAMES: Record<string, string> = {
  sin: 'Sin', cos: 'Cos', tan: 'Tan', csc: 'Csc', sec: 'Sec', cot: 'Cot',
  asin: 'Arcsin', acos: 'Arccos', atan: 'Arctan', acot: 'Arccot', asec: 'Arcsec', acsc: 'Arccsc',
  sinh: 'Sinh', cosh: 'Cosh', tanh: 'Tanh', asinh: 'Arsinh', acosh: 'Arcosh', atanh: 'Artanh',
  exp: 'Exp', Abs: 'Abs', floor: 'Floor', ceiling: 'Ceil', factorial: 'Factorial', binomial: 'Binomial', gamma: 'Gamma',
  Max: 'Max', Min: 'Min', Mod: 'Mod',
};
const CONSTANTS: Record<string, string> = { pi: 'Pi', E: 'ExponentialE', I: 'ImaginaryUnit', EulerGamma: 'EulerGamma' };

/** A MathJSON integer: a plain number when exact as a double, else a decimal string. */
const integerJson = (value: bigint): unknown => (value >= -(2n ** 53n) && value <= 2n ** 53n ? Number(value) : { num: value.toString() });

/** MathJSON for a scalar node; symbols and opaque subterms become fresh names (shared through `names`). */
function toMathJson(node: MathNode, names: Map<string, string>): unknown {
  const fresh = (key: string) => {
    let name = names.get(key);
    if (name === undefined) {
      name = `v${names.size}`;
      names.set(key, name);
    }
    return name;
  };
  switch (node.kind) {
    case 'number':
      if (node.float) return Q.toNumber(node.value);
      return node.value.q === 1n ? integerJson(node.value.p) : ['Rational', integerJson(node.value.p), integerJson(node.value.q)];
    case 'infinity':
      return node.sign > 0 ? 'PositiveInfinity' : 'NegativeInfinity';
    case 'complexInfinity':
      return 'ComplexInfinity';
    case 'constant':
      return CONSTANTS[node.name];
    case 'symbol':
      return fresh(`$${node.name}`);
    case 'add':
      return ['Add', ...node.args.map((arg) => toMathJson(arg, names))];
    case 'mul':
      return ['Multiply', ...node.args.map((arg) => toMathJson(arg, names))];
    case 'pow':
      return ['Power', toMathJson(node.base, names), toMathJson(node.exponent, names)];
    case 'function': {
      if (node.name === 'log') return ['Log', ...node.args.map((arg) => toMathJson(arg, names))];
      const name = FUNCTION_NAMES[node.name];
      if (name !== undefined) return [name, ...node.args.map((arg) => toMathJson(arg, names))];
      return fresh(canonicalKey(node));
    }
    default:
      return fresh(canonicalKey(node));
  }
}

/**
 * SymPy's `simplify(a - b).is_zero`, with Compute Engine: the difference simplifies to 0, or (when it
 * has no unknowns) evaluates to 0 at Compute Engine's working precision. The deadline is handed to
 * Compute Engine and checked between steps; any error is "not shown equal".
 */
export function casShowsEqual(a: MathNode, b: MathNode, deadline: Deadline): boolean {
  if (deadline.expired) return false;
  const ce = getEngine();
  const withDeadline = ce as unknown as { deadline?: number };
  withDeadline.deadline = Date.now() + Math.max(1, deadline.end - performance.now());
  try {
    const names = new Map<string, string>();
    const json = ['Subtract', toMathJson(a, names), toMathJson(b, names)];
    // literal factorials over 1000, sums, products … are not handed to Compute Engine (unbounded work)
    if (tooCostly(json)) return false;
    const difference = ce.box(json as Parameters<ComputeEngine['box']>[0]);
    if (!difference.isValid) return false;
    const simplified = difference.simplify();
    if (simplified.isSame(ce.number(0))) return true;
    if (deadline.expired || simplified.unknowns.length > 0) return false;
    const value = simplified.N();
    return Number.isFinite(value.re) && Math.abs(value.re) < 1e-12 && (Number.isNaN(value.im) || Math.abs(value.im) < 1e-12);
  } catch {
    return false;
  } finally {
    withDeadline.deadline = undefined;
  }
}
