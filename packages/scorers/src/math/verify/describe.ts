import type { MathNode } from './nodes.js';
import type { Extracted } from './parse.js';

const RELATION_SYMBOLS = { Eq: '=', Ne: '≠', Lt: '<', Le: '≤', Gt: '>', Ge: '≥' } as const;

/** A short plain-text rendering of a parsed value (for answers and explanations in reports). */
export function describeNode(node: MathNode): string {
  switch (node.kind) {
    case 'number':
      return node.value.q === 1n ? node.value.p.toString() : node.float ? String(Number(node.value.p) / Number(node.value.q)) : `${node.value.p}/${node.value.q}`;
    case 'infinity':
      return node.sign > 0 ? '∞' : '-∞';
    case 'complexInfinity':
      return 'zoo';
    case 'constant':
      return { pi: 'π', E: 'e', I: 'i', EulerGamma: 'γ' }[node.name];
    case 'symbol':
      return node.name;
    case 'add':
      return node.args.map(describeNode).join(' + ').replaceAll('+ -', '- ');
    case 'mul':
      return node.args.map((arg) => (arg.kind === 'add' ? `(${describeNode(arg)})` : describeNode(arg))).join('·');
    case 'pow':
      return `${node.base.kind === 'symbol' || node.base.kind === 'number' ? describeNode(node.base) : `(${describeNode(node.base)})`}^${describeNode(node.exponent)}`;
    case 'function':
      return `${node.name}(${node.args.map(describeNode).join(', ')})`;
    case 'matrix':
      return `[${node.rows.map((row) => row.map(describeNode).join(', ')).join('; ')}]`;
    case 'tuple':
      return `(${node.items.map(describeNode).join(', ')})`;
    case 'set':
      return `{${node.items.map(describeNode).join(', ')}}`;
    case 'interval':
      return `${node.leftOpen ? '(' : '['}${describeNode(node.start)}, ${describeNode(node.end)}${node.rightOpen ? ')' : ']'}`;
    case 'setOperation':
      return node.args.map(describeNode).join({ union: ' ∪ ', intersection: ' ∩ ', complement: ' \\ ' }[node.operation]);
    case 'namedSet':
      return node.name === 'EmptySet' ? '∅' : node.name;
    case 'relation':
      return `${describeNode(node.lhs)} ${RELATION_SYMBOLS[node.operator]} ${describeNode(node.rhs)}`;
    case 'and':
      return node.args.map(describeNode).join(' and ');
    case 'not':
      return `not (${describeNode(node.arg)})`;
  }
}

/** The answer as reported: the matched text when there is one, else the first value rendered. */
export function describeExtracted(values: Extracted[]): string {
  const text = values.find((value): value is string => typeof value === 'string');
  if (text !== undefined) return text;
  const first = values[0];
  return first === undefined ? '' : typeof first === 'string' ? first : describeNode(first);
}
