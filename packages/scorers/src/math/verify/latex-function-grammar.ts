import { exponential, fail, gcdOrLcm } from './latex-convert.js';
import { ParserCore, type Parse } from './latex-parser-core.js';
import { integer, numberNode, symbol, type MathNode } from './nodes.js';
import * as Q from './rational.js';

type Node = MathNode;
const TRIG_INVERSE: Record<string, string> = {
  arcsin: 'asin', arccos: 'acos', arctan: 'atan', arccsc: 'acsc', arcsec: 'asec', arccot: 'acot',
  arsinh: 'asinh', arcosh: 'acosh', artanh: 'atanh', arcsinh: 'asinh', arccosh: 'acosh', arctanh: 'atanh',
};
const function1 = (name: string, ...args: Node[]): Node => ({ kind: 'function', name, args });

/** The name after `d` in a differential token ("dx" → "x", "d\\theta" → "theta"). */
export function differentialVariable(text: string): string {
  const variable = text.slice(1).trimStart();
  return variable.startsWith('\\') ? variable.slice(1) : variable;
}

/**
 * The `func` rule of latex2sympy2_extended's grammar: named functions (`\\sin^2 x`, `\\log_2(8)`,
 * `\\operatorname{floor}`), applied undefined functions (`f(x)`), `\\sqrt`, sums and products,
 * integrals, limits and `e^x`. The expression rules it refers to are supplied by the subclass.
 */
export abstract class FunctionGrammar extends ParserCore {
  protected abstract readonly parseText: (latex: string) => Node;
  abstract expr(position: number): Parse<Node>[];
  protected abstract mp(position: number, noFunction: boolean): Parse<Node>[];
  protected abstract atom(position: number): Parse<Node>[];
  protected abstract subexpr(position: number): Parse<string>[];
  protected abstract supexpr(position: number): Parse<Node>[];
  protected abstract args(position: number): Parse<null>[];
  protected abstract braced(position: number, open: string, close: string): Parse<Node>[];
  protected abstract map<T, U>(parses: Parse<T>[], transform: (value: T) => U): Parse<U>[];


  protected func(position: number): Parse<Node>[] {
    return this.memoize(`func@${position}`, () => [...this.namedFunction(position), ...this.appliedFunction(position), ...this.specialFunction(position)]);
  }

  /** The head of a named function: `\sin`, `\operatorname{floor}` …; its name and where it ends. */
  private functionHead(position: number, single: boolean): { name: string; end: number } | undefined {
    const token = this.tokens[position];
    if (token === undefined) return undefined;
    if (single && (token.type === 'FUNC_SINGLE' || token.type === 'FUNC_GAMMA')) return { name: token.text.slice(1), end: position + 1 };
    if (!single && token.type === 'FUNC_MULTI') return { name: token.text.slice(1), end: position + 1 };
    const operatorType = single ? 'OPERATOR_NAME_SINGLE' : 'OPERATOR_NAME_MULTI';
    if (token.type === 'CMD_OPERATORNAME' && this.is(position + 1, 'L_BRACE') && this.is(position + 2, operatorType) && this.is(position + 3, 'R_BRACE')) {
      return { name: this.tokens[position + 2]?.text ?? '', end: position + 4 };
    }
    return undefined;
  }

  /** Optional `_{…}` and `^{…}` after a function name, in either order. */
  private scripts(position: number): Array<{ end: number; sub?: Parse<string>; sup?: Parse<Node> }> {
    const results: Array<{ end: number; sub?: Parse<string>; sup?: Parse<Node> }> = [];
    for (const sub of this.subexpr(position)) {
      for (const sup of this.supexpr(sub.end)) results.push({ end: sup.end, sub, sup });
      results.push({ end: sub.end, sub });
    }
    for (const sup of this.supexpr(position)) {
      for (const sub of this.subexpr(sup.end)) results.push({ end: sub.end, sub, sup });
      results.push({ end: sup.end, sup });
    }
    results.push({ end: position });
    return results;
  }

  private namedFunction(position: number): Parse<Node>[] {
    const results: Parse<Node>[] = [];
    const single = this.functionHead(position, true);
    if (single !== undefined) {
      for (const script of this.scripts(single.end)) {
        const argumentParses = [...this.braced(script.end, 'L_PAREN', 'R_PAREN'), ...this.mp(script.end, true)];
        for (const argument of argumentParses) {
          results.push({ end: argument.end, build: () => this.singleArgumentFunction(single.name, argument.build(), script.sub, script.sup) });
        }
      }
    }
    const multi = this.functionHead(position, false);
    if (multi !== undefined) {
      for (const script of this.scripts(multi.end)) {
        if (this.is(script.end, 'L_PAREN')) {
          for (const inner of this.args(script.end + 1)) {
            if (!this.is(inner.end, 'R_PAREN')) continue;
            const text = this.text(script.end + 1, inner.end);
            results.push({ end: inner.end + 1, build: () => this.multiArgumentFunction(multi.name, text.split(',').map(this.parseText), script.sup) });
          }
        }
        for (const argument of this.mp(script.end, true)) results.push({ end: argument.end, build: () => fail('multi-argument function without parentheses') });
      }
    }
    return results;
  }

  private singleArgumentFunction(rawName: string, argument: Node, sub: Parse<string> | undefined, sup: Parse<Node> | undefined): Node {
    let name = rawName;
    let power = sup?.build();
    let expression: Node;
    const inverse = TRIG_INVERSE[name];
    if (inverse !== undefined) expression = function1(inverse, argument);
    else if (name === 'log' || name === 'ln') {
      const base = sub !== undefined ? this.parseText(sub.build()) : name === 'log' ? integer(10) : ({ kind: 'constant', name: 'E' } as Node);
      expression = function1('log', argument, base);
    } else if (name === 'exp' || name === 'exponentialE') expression = exponential(argument);
    else if (name === 'floor') expression = function1('floor', argument);
    else if (name === 'ceil') expression = function1('ceiling', argument);
    else if (name === 'Gamma' || name === 'gamma') expression = function1('gamma', argument);
    else if (['sin', 'cos', 'tan', 'csc', 'sec', 'cot', 'sinh', 'cosh', 'tanh'].includes(name)) {
      const minusOne = power !== undefined && power.kind === 'number' && power.value.p === -1n && power.value.q === 1n;
      if (minusOne) {
        name = `a${name}`;
        power = undefined;
      }
      expression = function1(name, argument);
    } else if (name === 'det' || ['eye', 'rank', 'trace', 'tr', 'rref', 'nullspace', 'norm', 'cols', 'rows', 'eig', 'eigen', 'diagonalize', 'eigenvals', 'eigenvalues', 'eigenvects', 'eigenvectors', 'svd', 'SVD'].includes(name)) {
      fail(`matrix operation ${name} is not supported`);
    } else expression = { kind: 'function', name, args: [argument], applied: true };
    const isZero = power !== undefined && power.kind === 'number' && power.value.p === 0n;
    return power === undefined || isZero ? expression : { kind: 'pow', base: expression, exponent: power };
  }

  private multiArgumentFunction(name: string, args: Node[], sup: Parse<Node> | undefined): Node {
    let expression: Node;
    if (name === 'gcd' || name === 'lcm') expression = gcdOrLcm(name, args);
    else if (name === 'max' || name === 'min') expression = function1(name === 'max' ? 'Max' : 'Min', ...args);
    else fail(`matrix operation ${name} is not supported`);
    const power = sup?.build();
    return power === undefined || (power.kind === 'number' && power.value.p === 0n) ? expression : { kind: 'pow', base: expression, exponent: power };
  }

  /** `f(x)`, `f(x, y)`, `g_1[x]`: an undefined function applied to arguments parsed from their text. */
  private appliedFunction(position: number): Parse<Node>[] {
    if (!this.is(position, 'LETTER_NO_E', 'GREEK_CMD', 'OTHER_SYMBOL_CMD', 'ACCENT')) return [];
    const heads = [...this.subexpr(position + 1).map((sub) => sub.end), position + 1];
    const results: Parse<Node>[] = [];
    for (const headEnd of heads) {
      const name = this.text(position, headEnd);
      for (const sup of [...this.supexpr(headEnd), { end: headEnd, build: undefined }]) {
        const bracketPairs: Array<[number, string, string, number]> = [
          [sup.end, 'L_PAREN', 'R_PAREN', 0],
          [sup.end, 'L_BRACKET', 'R_BRACKET', 0],
        ];
        if (this.is(sup.end, 'L_BRACE')) bracketPairs.push([sup.end + 1, 'L_PAREN', 'R_PAREN', 1], [sup.end + 1, 'L_BRACKET', 'R_BRACKET', 1]);
        for (const [open, left, right, extra] of bracketPairs) {
          if (!this.is(open, left)) continue;
          for (const inner of this.commonArgs(open + 1)) {
            if (!this.is(inner.end, right) || (extra === 1 && !this.is(inner.end + 1, 'R_BRACE'))) continue;
            const text = this.text(open + 1, inner.end);
            const power = sup.build;
            results.push({
              end: inner.end + 1 + extra,
              build: () => {
                const parts = text.split(',');
                if (parts.at(-1) === '') parts.pop();
                const applied: Node = { kind: 'function', name, args: parts.map(this.parseText), applied: true };
                return power === undefined ? applied : { kind: 'pow', base: applied, exponent: power() };
              },
            });
          }
        }
      }
    }
    return results;
  }

  /** `func_common_args: atom | expr ',' | expr ',' args`. */
  private commonArgs(position: number): Parse<null>[] {
    const results: Parse<null>[] = this.map(this.atom(position), () => null);
    for (const first of this.expr(position)) {
      if (!this.is(first.end, 'COMMA')) continue;
      for (const rest of this.args(first.end + 1)) results.push(rest);
      results.push({ end: first.end + 1, build: () => null });
    }
    return results;
  }

  /** \sqrt, \sum/\prod, \int, \lim and e^x. */
  private specialFunction(position: number): Parse<Node>[] {
    const type = this.type(position);
    if (type === 'FUNC_SQRT') {
      const roots = [...this.braced(position + 1, 'L_BRACKET', 'R_BRACKET').map((root) => ({ end: root.end, root: root.build as (() => Node) | undefined })), { end: position + 1, root: undefined }];
      return roots.flatMap(({ end, root }) =>
        this.braced(end, 'L_BRACE', 'R_BRACE').map((base) => ({
          end: base.end,
          build: (): Node => {
            if (root === undefined) return { kind: 'pow', base: base.build(), exponent: numberNode(Q.rational(1n, 2n)) };
            const index = root();
            const exponent = index.kind === 'number' && !index.float ? numberNode(Q.divide(Q.ONE, index.value)) : ({ kind: 'pow', base: index, exponent: integer(-1) } as Node);
            return { kind: 'pow', base: base.build(), exponent };
          },
        })),
      );
    }
    if (type === 'FUNC_SUM' || type === 'FUNC_PROD') return this.sumOrProduct(position, type === 'FUNC_SUM' ? 'Sum' : 'Product');
    if (type === 'FUNC_INT') return this.integral(position);
    if (type === 'FUNC_LIM') return this.limit(position);
    if (type === 'EXP_E') {
      return [...this.supexpr(position + 1).map((sup) => ({ end: sup.end, build: () => exponential(sup.build()) })), { end: position + 1, build: () => exponential(integer(1)) }];
    }
    return [];
  }

  private sumOrProduct(position: number, name: 'Sum' | 'Product'): Parse<Node>[] {
    const bounds = [
      ...this.subEquality(position + 1).flatMap((eq) => this.supexpr(eq.end).map((sup) => ({ end: sup.end, eq, sup }))),
      ...this.supexpr(position + 1).flatMap((sup) => this.subEquality(sup.end).map((eq) => ({ end: eq.end, eq, sup }))),
    ];
    return bounds.flatMap(({ end, eq, sup }) =>
      this.mp(end, false).map((body) => ({
        end: body.end,
        build: (): Node => {
          const [variable, start] = eq.build();
          return function1(name, body.build(), variable, start, sup.build());
        },
      })),
    );
  }

  /** `_{expr (= | ==) expr}`. */
  private subEquality(position: number): Parse<[Node, Node]>[] {
    if (!this.is(position, 'UNDERSCORE') || !this.is(position + 1, 'L_BRACE')) return [];
    return this.expr(position + 2).flatMap((left) =>
      this.is(left.end, 'EQUAL', 'ASSIGNMENT')
        ? this.expr(left.end + 1).flatMap((right) => (this.is(right.end, 'R_BRACE') ? [{ end: right.end + 1, build: (): [Node, Node] => [left.build(), right.build()] }] : []))
        : [],
    );
  }

  private integral(position: number): Parse<Node>[] {
    const limits = [...this.scripts(position + 1)];
    return limits.flatMap((limit) =>
      this.expr(limit.end).flatMap((integrand) => {
        const withDifferential = this.is(integrand.end, 'DIFFERENTIAL') ? [{ end: integrand.end + 1, build: () => function1('Integral', integrand.build(), symbol(differentialVariable(this.tokens[integrand.end]?.text ?? 'dx'))) }] : [];
        return [...withDifferential, { end: integrand.end, build: () => function1('Integral', integrand.build()) }];
      }),
    );
  }

  private limit(position: number): Parse<Node>[] {
    if (!this.is(position + 1, 'UNDERSCORE') || !this.is(position + 2, 'L_BRACE') || !this.is(position + 3, 'LETTER_NO_E', 'GREEK_CMD', 'OTHER_SYMBOL_CMD') || !this.is(position + 4, 'LIM_APPROACH_SYM')) return [];
    return this.expr(position + 5).flatMap((target) => {
      const closes = [target.end];
      if (this.is(target.end, 'CARET') && this.is(target.end + 1, 'L_BRACE') && this.is(target.end + 2, 'ADD', 'SUB') && this.is(target.end + 3, 'R_BRACE')) closes.push(target.end + 4);
      return closes.filter((close) => this.is(close, 'R_BRACE')).flatMap((close) =>
        this.mp(close + 1, false).map((body) => ({ end: body.end, build: () => function1('Limit', body.build(), symbol(this.tokens[position + 3]?.text ?? 'x'), target.build()) })),
      );
    });
  }
}
