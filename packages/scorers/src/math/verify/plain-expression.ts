import { fail } from './latex-convert.js';
import { integer, numberNode, type MathNode } from './nodes.js';
import * as Q from './rational.js';

/**
 * SymPy `parse_expr(text, evaluate=False)` for what Math-Verify hands it: digits, `.`, spaces and
 * + - * / ** ( ). Anything else (×, ÷, implicit products such as "2(3)") is a parse error, as it is
 * for Python's tokenizer there.
 */
export function parsePlainExpression(text: string): MathNode {
  const tokens = text.match(/\*\*|\d*\.\d+|\d+\.?|[-+*/()]|\S/gu) ?? [];
  let position = 0;
  const peek = () => tokens[position];
  const take = () => tokens[position++];

  function sum(): MathNode {
    let left = product();
    while (peek() === '+' || peek() === '-') {
      const operator = take();
      const right = product();
      left = { kind: 'add', args: [left, operator === '-' ? { kind: 'mul', args: [integer(-1), right] } : right] };
    }
    return left;
  }
  function product(): MathNode {
    let left = unary();
    while (peek() === '*' || peek() === '/') {
      const operator = take();
      const right = unary();
      left = { kind: 'mul', args: [left, operator === '/' ? { kind: 'pow', base: right, exponent: integer(-1) } : right] };
    }
    return left;
  }
  function unary(): MathNode {
    if (peek() === '-') {
      take();
      const value = unary();
      return value.kind === 'number' ? numberNode(Q.negate(value.value), value.float) : { kind: 'mul', args: [integer(-1), value] };
    }
    if (peek() === '+') {
      take();
      return unary();
    }
    return power();
  }
  function power(): MathNode {
    const base = atom();
    if (peek() === '**') {
      take();
      return { kind: 'pow', base, exponent: unary() };
    }
    return base;
  }
  function atom(): MathNode {
    const token = take();
    if (token === undefined) fail('unexpected end');
    if (token === '(') {
      const inner = sum();
      if (take() !== ')') fail('missing )');
      return inner;
    }
    if (/^\d+$/u.test(token)) return numberNode(Q.rational(BigInt(token)));
    if (/^\d*\.\d*$/u.test(token)) return numberNode(Q.fromDecimalString(token.endsWith('.') ? `${token}0` : token) ?? fail('bad number'), true);
    return fail(`unexpected ${token}`);
  }

  const result = sum();
  if (position !== tokens.length) fail('trailing input');
  return result;
}
