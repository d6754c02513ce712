import {
  accentText,
  add,
  divide,
  fail,
  juxtapose,
  makeSymbol,
  multiply,
  parseNumber,
  percent,
  relationStep,
  subtract,
} from './latex-convert.js';
import { FunctionGrammar, differentialVariable } from './latex-function-grammar.js';
import type { Deadline } from '../symbolic.js';
import type { ParserCore, Parse } from './latex-parser-core.js';
import { integer, isMatrix, isSympyNumber, mulFlat, negative, numberNode, symbol, type MathNode } from './nodes.js';
import * as Q from './rational.js';

type Node = MathNode;
const RELATION_TOKENS = ['IN', 'ASSIGNMENT', 'EQUAL', 'APPROX', 'LT', 'LTE', 'GT', 'GTE', 'UNEQUAL'];
const MULTIPLICATIVE = ['MUL', 'CMD_TIMES', 'CMD_CDOT', 'DIV', 'CMD_DIV', 'COLON', 'CMD_MOD'];
const GROUPS: Array<[string, string]> = [
  ['L_PAREN', 'R_PAREN'], ['L_GROUP', 'R_GROUP'], ['L_BRACE', 'R_BRACE'], ['L_BRACKET', 'R_BRACKET'],
  ['L_BRACE_VISUAL', 'R_BRACE_VISUAL'], ['L_BRACE_CMD', 'R_BRACE_CMD'], ['L_BRACK', 'R_BRACK'],
];
const function1 = (name: string, ...args: Node[]): Node => ({ kind: 'function', name, args });

/**
 * The expression rules of latex2sympy2_extended's grammar (relation, additive, mp, unary, postfix,
 * exp, comp, func, atom, frac, matrix) with its conversions. `parseText` parses a piece of source
 * as a whole formula (upstream re-parses function arguments from their text).
 */
export class ExpressionGrammar extends FunctionGrammar {
  constructor(
    tokens: ConstructorParameters<typeof ParserCore>[0],
    protected readonly parseText: (latex: string) => Node,
    deadline?: Deadline,
  ) {
    super(tokens, deadline);
  }

  relation(position: number): Parse<Node>[] {
    return this.chain('relation', position, RELATION_TOKENS, (p) => this.expr(p), (left, operator, right) => relationStep(operator, left, right));
  }

  expr(position: number): Parse<Node>[] {
    return this.chain('additive', position, ['ADD', 'SUB'], (p) => this.mp(p, false), (left, operator, right) =>
      operator === 'ADD' ? add(left, right) : subtract(left, right),
    );
  }

  protected mp(position: number, noFunction: boolean): Parse<Node>[] {
    return this.chain(`mp${noFunction ? '-nofunc' : ''}`, position, MULTIPLICATIVE, (p) => this.unary(p, noFunction), (left, operator, right) => {
      if (operator === 'CMD_MOD') return isMatrix(right) ? fail('modulo by a matrix') : function1('Mod', left, right);
      if (operator === 'DIV' || operator === 'CMD_DIV' || operator === 'COLON') return divide(left, right);
      return multiply(left, right);
    });
  }

  private unary(position: number, noFunction: boolean): Parse<Node>[] {
    return this.memoize(`unary${noFunction}@${position}`, () => {
      const results: Parse<Node>[] = [];
      if (this.is(position, 'ADD', 'SUB')) {
        const minus = this.is(position, 'SUB');
        for (const inner of this.unary(position + 1, noFunction)) {
          results.push({ end: inner.end, build: () => (minus ? unaryMinus(inner.build()) : inner.build()) });
        }
      }
      for (const head of this.postfix(position, false)) {
        const rest = noFunction ? this.repeatPostfix(head.end, true) : this.repeatPostfix(head.end, false);
        for (const tail of rest) results.push({ end: tail.end, build: () => juxtapose([head.build(), ...tail.build()]) });
        results.push({ end: head.end, build: () => juxtapose([head.build()]) });
      }
      return results;
    });
  }

  private repeatPostfix(position: number, noFunction: boolean): Parse<Node[]>[] {
    return this.repeat(`postfix-list${noFunction}`, position, (p) => this.postfix(p, noFunction));
  }

  private postfix(position: number, noFunction: boolean): Parse<Node>[] {
    return this.memoize(`postfix${noFunction}@${position}`, () =>
      this.exp(position, noFunction).flatMap((base) =>
        this.tail('postfix-op', base.end, ['BANG', 'TRANSPOSE', 'DEGREE'], (p) => [{ end: p, build: () => integer(0) }]).map((ops) => ({
          end: ops.end,
          build: () =>
            ops.build().reduce((value, op) => {
              if (op.separator === 'BANG') return function1('factorial', value);
              if (op.separator === 'TRANSPOSE') return isMatrix(value) ? function1('Transpose', value) : value;
              return value; // degrees are not converted (convert_degrees=False)
            }, base.build()),
        })),
      ),
    );
  }

  /** `comp (^ (atom | {expr}) subexpr?)*`: left-associative powers. */
  private exp(position: number, noFunction: boolean): Parse<Node>[] {
    return this.memoize(`exp${noFunction}@${position}`, () =>
      this.comp(position, noFunction).flatMap((base) =>
        this.tail('exp-tail', base.end, ['CARET'], (p) => this.powerOperand(p)).map((powers) => ({
          end: powers.end,
          build: () => powers.build().reduce((value: Node, power): Node => ({ kind: 'pow', base: value, exponent: power.build() }), base.build()),
        })),
      ),
    );
  }

  private powerOperand(position: number): Parse<Node>[] {
    return this.memoize(`power-operand@${position}`, () =>
      this.atomOrBracedExpr(position).flatMap((operand) => [...this.subexpr(operand.end).map((sub) => ({ end: sub.end, build: operand.build })), operand]),
    );
  }

  /** `atom | L_BRACE expr R_BRACE` (superscripts). */
  protected atomOrBracedExpr(position: number): Parse<Node>[] {
    return [...this.atom(position), ...this.braced(position, 'L_BRACE', 'R_BRACE')];
  }

  protected braced(position: number, open: string, close: string): Parse<Node>[] {
    return this.enclosed(position, open, close, (p) => this.expr(p));
  }

  /** `open inner close`. */
  protected enclosed<T>(position: number, open: string, close: string, inner: (position: number) => Parse<T>[]): Parse<T>[] {
    if (!this.is(position, open)) return [];
    return inner(position + 1).flatMap((body) => (this.is(body.end, close) ? [{ end: body.end + 1, build: body.build }] : []));
  }

  private comp(position: number, noFunction: boolean): Parse<Node>[] {
    return this.memoize(`comp${noFunction}@${position}`, () => [
      ...GROUPS.flatMap(([open, close]) => this.braced(position, open, close)),
      ...['PHANTOM_CMD', 'BOXED_CMD'].flatMap((command) => (this.is(position, command) ? this.braced(position + 1, 'L_BRACE', 'R_BRACE') : [])),
      ...this.map(this.braced(position, 'NORM', 'NORM'), () => fail('norm of a scalar')),
      ...[['BAR', 'BAR'], ['L_VERT', 'R_VERT'], ['VERT', 'VERT']].flatMap(([open = '', close = '']) => this.map(this.braced(position, open, close), (value) => function1('Abs', value))),
      ...this.map(this.braced(position, 'L_ANGLE', 'R_ANGLE'), () => fail('dot product')),
      ...[['L_FLOOR', 'R_FLOOR'], ['LL_CORNER', 'LR_CORNER']].flatMap(([open = '', close = '']) => this.map(this.braced(position, open, close), (value) => function1('floor', value))),
      ...[['L_CEIL', 'R_CEIL'], ['UL_CORNER', 'UR_CORNER']].flatMap(([open = '', close = '']) => this.map(this.braced(position, open, close), (value) => function1('ceiling', value))),
      ...(noFunction ? [] : this.func(position)),
      ...this.atom(position),
      ...this.fraction(position),
      ...this.binomial(position),
      ...this.matrix(position),
    ]);
  }

  protected map<T, U>(parses: Parse<T>[], transform: (value: T) => U): Parse<U>[] {
    return parses.map((parse) => ({ end: parse.end, build: () => transform(parse.build()) }));
  }

  // ----- atoms -----

  protected atom(position: number): Parse<Node>[] {
    return this.memoize(`atom@${position}`, () => {
      const token = this.tokens[position];
      if (token === undefined) return [];
      const next = position + 1;
      switch (token.type) {
        case 'SYMBOL':
          return [{ end: next, build: () => (token.text.replace('\\$', '') === '\\infty' ? { kind: 'infinity', sign: 1 } : fail('unrecognized symbol')) }];
        case 'NUMBER':
          return [...this.subexpr(next).map((sub) => ({ end: sub.end, build: () => parseNumber(token.text) })), { end: next, build: () => parseNumber(token.text) }];
        case 'PERCENT_NUMBER':
          return [{ end: next, build: () => percent(parseNumber(token.text.replace(/\\?%$/u, '').replaceAll(',', '').trim())) }];
        case 'E_NOTATION':
          return [{ end: next, build: () => numberNode(Q.fromDecimalString(token.text) ?? fail('bad number'), true) }];
        case 'E_NOTATION_E':
          return [{ end: next, build: () => makeSymbol('E') }];
        case 'DIFFERENTIAL':
          return [{ end: next, build: () => symbol(`d${differentialVariable(token.text)}`) }];
        case 'VARIABLE':
          return [{ end: next, build: () => variable(token.text) }];
        case 'FUNC_GAMMA':
          return [{ end: next, build: () => fail('gamma without argument') }];
        default:
          return this.atomExpr(position);
      }
    });
  }

  /** (LETTER | GREEK | OTHER_SYMBOL | ACCENT) with optional sub/superscripts: a symbol (or its power). */
  protected atomExpr(position: number): Parse<Node>[] {
    return this.memoize(`atom-expr@${position}`, () => {
      if (!this.is(position, 'LETTER_NO_E', 'GREEK_CMD', 'OTHER_SYMBOL_CMD', 'ACCENT')) return [];
      const head = position + 1;
      const results: Parse<Node>[] = [];
      const make = (subscript: string | undefined, superscript: (() => Node) | undefined) => () => {
        const base = this.atomSymbol(position, subscript);
        if (base.kind === 'constant' && base.name === 'I' && this.type(position) === 'LETTER_NO_E') return base;
        return superscript === undefined ? base : ({ kind: 'pow', base, exponent: superscript() } as Node);
      };
      for (const sup of this.supexpr(head)) for (const sub of this.subexpr(sup.end)) results.push({ end: sub.end, build: make(sub.build(), sup.build) });
      for (const sub of this.subexpr(head)) for (const sup of this.supexpr(sub.end)) results.push({ end: sup.end, build: make(sub.build(), sup.build) });
      for (const sub of this.subexpr(head)) results.push({ end: sub.end, build: make(sub.build(), undefined) });
      for (const sup of this.supexpr(head)) results.push({ end: sup.end, build: make(undefined, sup.build) });
      results.push({ end: head, build: make(undefined, undefined) });
      return results;
    });
  }

  private atomSymbol(position: number, subscript: string | undefined): Node {
    const token = this.tokens[position];
    if (token === undefined) fail('no atom');
    if (token.type === 'LETTER_NO_E' && token.text === 'I') return { kind: 'constant', name: 'I' };
    const text = token.type === 'ACCENT' ? accentText(token.text) : token.text;
    const suffix = subscript === undefined ? '' : subscript.length > 1 ? `_{${subscript}}` : `_${subscript}`;
    return makeSymbol(text.trim() + suffix);
  }

  /** `_ (atom | {expr | args})`: the subscript's source text. */
  protected subexpr(position: number): Parse<string>[] {
    if (!this.is(position, 'UNDERSCORE')) return [];
    return this.memoize(`subexpr@${position}`, () => {
      const start = position + 1;
      const inBraces = this.is(start, 'L_BRACE')
        ? [...this.expr(start + 1), ...this.args(start + 1)].flatMap((inner) => (this.is(inner.end, 'R_BRACE') ? [{ end: inner.end + 1, build: () => this.text(start + 1, inner.end).trim() }] : []))
        : [];
      return [...this.atom(start).map((atom) => ({ end: atom.end, build: () => this.text(start, atom.end).trim() })), ...inBraces];
    });
  }

  protected supexpr(position: number): Parse<Node>[] {
    if (!this.is(position, 'CARET')) return [];
    return this.memoize(`supexpr@${position}`, () => this.atomOrBracedExpr(position + 1));
  }

  /** `args: expr (',' expr)*` (source text only). */
  protected args(position: number): Parse<null>[] {
    return this.chain('args', position, ['COMMA'], (p) => this.map(this.expr(p), () => null), () => null);
  }

  // ----- fractions, binomials, matrices -----

  private fraction(position: number): Parse<Node>[] {
    if (!this.is(position, 'CMD_FRAC')) return [];
    return this.braced(position + 1, 'L_BRACE', 'R_BRACE').flatMap((upper) =>
      this.braced(upper.end, 'L_BRACE', 'R_BRACE').map((lower) => ({
        end: lower.end,
        build: () => {
          if (lower.end - upper.end === 3 && this.type(upper.end + 1) === 'DIFFERENTIAL') fail('derivatives are not supported');
          return divide(upper.build(), lower.build());
        },
      })),
    );
  }

  private binomial(position: number): Parse<Node>[] {
    const results: Parse<Node>[] = [];
    if (this.is(position, 'L_BRACE')) {
      for (const top of this.expr(position + 1)) {
        if (!this.is(top.end, 'CMD_CHOOSE')) continue;
        for (const bottom of this.expr(top.end + 1)) if (this.is(bottom.end, 'R_BRACE')) results.push({ end: bottom.end + 1, build: () => function1('binomial', top.build(), bottom.build()) });
      }
    }
    if (this.is(position, 'CMD_BINOM')) {
      for (const top of this.braced(position + 1, 'L_BRACE', 'R_BRACE')) {
        for (const bottom of this.braced(top.end, 'L_BRACE', 'R_BRACE')) results.push({ end: bottom.end, build: () => function1('binomial', top.build(), bottom.build()) });
      }
    }
    return results;
  }

  private matrix(position: number): Parse<Node>[] {
    const close = this.is(position, 'CMD_MATRIX_START') ? 'CMD_MATRIX_END' : this.is(position, 'CMD_DET_START') ? 'CMD_DET_END' : undefined;
    if (close === undefined) return [];
    const rows = this.chain<Node[][]>('matrix-rows', position + 1, ['MATRIX_DEL_ROW'], (p) => this.map(this.matrixRow(p), (row) => [row]), (left, _separator, right) => [...left, ...right]);
    return rows.flatMap((body) => {
      const build = (): Node => {
        const rowList = body.build();
        if (rowList.some((row) => row.length !== rowList[0]?.length)) fail('ragged matrix');
        const matrix: Node = { kind: 'matrix', rows: rowList };
        return close === 'CMD_DET_END' ? function1('Determinant', matrix) : matrix;
      };
      const ends = this.is(body.end, 'MATRIX_DEL_ROW') ? [body.end + 1, body.end] : [body.end];
      return ends.filter((end) => this.is(end, close)).map((end) => ({ end: end + 1, build }));
    });
  }

  private matrixRow(position: number): Parse<Node[]>[] {
    return this.chain<Node[]>('matrix-row', position, ['MATRIX_DEL_COL'], (p) => this.map(this.expr(p), (value) => [value]), (left, _separator, right) => [...left, ...right]);
  }
}

function unaryMinus(value: Node): Node {
  if (isMatrix(value)) return { kind: 'function', name: 'MatMul', args: [integer(-1), value] };
  if (isSympyNumber(value)) return negative(value);
  return mulFlat(integer(-1), value);
}

function variable(text: string): Node {
  const isPercent = text.endsWith('\\%') || text.endsWith('%');
  const name = text.slice('\\variable{'.length, text.lastIndexOf('}'));
  const value = makeSymbol(name);
  return isPercent ? percent(value) : value;
}

