import { convertCommaNumber, elementsToSetOrTuple, fail, makeInterval } from './latex-convert.js';
import type { Deadline } from '../symbolic.js';
import { ExpressionGrammar } from './latex-expression-grammar.js';
import type { Parse } from './latex-parser-core.js';
import { tokenize } from './latex-tokens.js';
import { finiteSet, integer, numberNode, type MathNode } from './nodes.js';
import * as Q from './rational.js';

type Node = MathNode;
const INTERVAL_OPEN = ['L_BRACKET', 'L_PAREN', 'L_PAREN_VISUAL', 'L_BRACK', 'L_GROUP'];
const INTERVAL_CLOSE = ['R_BRACKET', 'R_PAREN', 'R_PAREN_VISUAL', 'R_BRACK', 'R_GROUP'];
const TUPLE_BRACKETS: Array<[string, string]> = [['L_PAREN', 'R_PAREN'], ['L_PAREN_VISUAL', 'R_PAREN_VISUAL'], ['L_BRACKET', 'R_BRACKET']];
const SET_BRACES: Array<[string, string]> = [['L_BRACE', 'R_BRACE'], ['L_BRACE_VISUAL', 'R_BRACE_VISUAL']];
const LITERAL_SETS: Record<string, Extract<Node, { kind: 'namedSet' }>['name']> = {
  SET_NATURALS: 'Naturals', SET_INTEGERS: 'Integers', SET_RATIONALS: 'Rationals', SET_REALS: 'Reals', SET_COMPLEX: 'Complexes', SET_EMPTY: 'EmptySet',
};
const COMMA_NUMBER = /^\s*-?\d{1,3}(,\d{3})+(\.\d+)?\s*$/u;
const MAX_TOKENS = 600;

/** The set-level rules and the start rule `math: set_elements_relation | set_elements | set_relation`. */
class LatexGrammar extends ExpressionGrammar {
  math(source: string): Node {
    const length = this.tokens.length;
    const relation = this.setElementsRelation(0).find((parse) => parse.end === length);
    if (relation !== undefined) return relation.build();
    const elements = this.semicolonElements(0).find((parse) => parse.end === length);
    if (elements !== undefined) return COMMA_NUMBER.test(source) ? convertCommaNumber(source) : elementsToSetOrTuple(elements.build());
    const setRelation = this.setRelation(0).find((parse) => parse.end === length);
    if (setRelation !== undefined) return setRelation.build();
    fail('no parse');
  }

  /** `atom_expr_list (IN | =) semicolon_elements_no_relation`: `x = 1, 2`, `x \in [0, 1]` → Eq(x, …). */
  private setElementsRelation(position: number): Parse<Node>[] {
    return this.atomExprList(position).flatMap((left) =>
      this.is(left.end, 'IN', 'ASSIGNMENT')
        ? this.semicolonElements(left.end + 1, false).map((right) => ({
            end: right.end,
            build: (): Node => ({ kind: 'relation', operator: 'Eq', lhs: left.build(), rhs: elementsToSetOrTuple(right.build()) }),
          }))
        : [],
    );
  }

  private semicolonElements(position: number, relations = true): Parse<Node[][]>[] {
    return this.chain<Node[][]>(`semicolon${relations}`, position, ['SEMICOLON'], (p) => this.map(this.commaElements(p, relations), (items) => [items]), (left, _separator, right) => [...left, ...right]);
  }

  private commaElements(position: number, relations: boolean): Parse<Node[]>[] {
    return this.chain<Node[]>(`comma${relations}`, position, ['COMMA'], (p) => this.element(p, relations), (left, _separator, right) => [...left, ...right]);
  }

  /** `element: plus_minus_expr | set_atom | relation` (or `expr` where relations are not allowed). */
  private element(position: number, relations: boolean): Parse<Node[]>[] {
    return this.memoize(`element${relations}@${position}`, () => [
      ...this.plusMinus(position),
      ...this.map(this.setAtom(position), (value) => [value]),
      ...this.map(relations ? this.relation(position) : this.expr(position), (value) => [value]),
    ]);
  }

  /** `a \pm b` → [a + b, a - b]; `\pm a` → [-a, a]. */
  private plusMinus(position: number): Parse<Node[]>[] {
    const results: Parse<Node[]>[] = [];
    if (this.is(position, 'PLUS_MINUS')) {
      for (const value of this.expr(position + 1)) results.push({ end: value.end, build: () => [unaryMinus(value.build()), value.build()] });
    }
    for (const left of this.expr(position)) {
      if (!this.is(left.end, 'PLUS_MINUS')) continue;
      for (const right of this.expr(left.end + 1)) {
        results.push({
          end: right.end,
          build: () => {
            const [a, b] = [left.build(), right.build()];
            return [{ kind: 'add', args: [a, b] }, { kind: 'add', args: [a, unaryMinus(b)] }];
          },
        });
      }
    }
    return results;
  }

  private setRelation(position: number): Parse<Node>[] {
    return this.memoize(`set-relation@${position}`, () => {
      const heads: Parse<Node>[] = [];
      for (const left of this.atomExprList(position)) {
        const operator = this.type(left.end);
        if (operator !== 'IN' && operator !== 'NOTIN' && operator !== 'ASSIGNMENT') continue;
        for (const right of this.setRelation(left.end + 1)) {
          heads.push({
            end: right.end,
            build: (): Node => {
              const equation: Node = { kind: 'relation', operator: 'Eq', lhs: left.build(), rhs: right.build() };
              return operator === 'NOTIN' ? { kind: 'not', arg: equation } : equation;
            },
          });
        }
      }
      heads.push(...this.minusExpression(position));
      return heads.flatMap((head) => [
        ...this.tail('subset-tail', head.end, ['SUBSET', 'SUPSET'], (p) => this.setRelation(p))
          .filter((tail) => tail.end !== head.end)
          .map((tail) => ({ end: tail.end, build: (): Node => fail('subset relations are not supported') })),
        head,
      ]);
    });
  }

  private minusExpression(position: number): Parse<Node>[] {
    return this.chain('set-minus', position, ['SET_MINUS'], (p) => this.unionExpression(p), (left, _separator, right) => ({ kind: 'setOperation', operation: 'complement', args: [left, right] }));
  }

  private unionExpression(position: number): Parse<Node>[] {
    return this.chain('union', position, ['UNION'], (p) => this.intersectionExpression(p), (left, _separator, right) => ({ kind: 'setOperation', operation: 'union', args: [asSet(left), asSet(right)] }));
  }

  private intersectionExpression(position: number): Parse<Node>[] {
    return this.chain('intersection', position, ['INTERSECTION'], (p) => this.setGroup(p), (left, _separator, right) => ({ kind: 'setOperation', operation: 'intersection', args: [asSet(left), asSet(right)] }));
  }

  private setGroup(position: number): Parse<Node>[] {
    return this.memoize(`set-group@${position}`, () => [...this.enclosed(position, 'L_PAREN', 'R_PAREN', (p) => this.minusExpression(p)), ...this.setAtom(position)]);
  }

  /** `set_atom: interval | literal_set | ordered_tuple | finite_set`. */
  private setAtom(position: number): Parse<Node>[] {
    return this.memoize(`set-atom@${position}`, () => [...this.interval(position), ...this.literalSet(position), ...this.orderedTuple(position), ...this.finiteSetAtom(position)]);
  }

  private interval(position: number): Parse<Node>[] {
    const open = this.type(position);
    if (open === undefined || !INTERVAL_OPEN.includes(open)) return [];
    return this.expr(position + 1).flatMap((start) =>
      this.is(start.end, 'COMMA')
        ? this.expr(start.end + 1).flatMap((end) => {
            const close = this.type(end.end);
            if (close === undefined || !INTERVAL_CLOSE.includes(close)) return [];
            const leftOpen = open === 'L_PAREN' || open === 'L_GROUP' || open === 'L_PAREN_VISUAL';
            const rightOpen = close === 'R_PAREN' || close === 'R_GROUP' || close === 'R_PAREN_VISUAL';
            return [{ end: end.end + 1, build: () => makeInterval(start.build(), end.build(), leftOpen, rightOpen) }];
          })
        : [],
    );
  }

  private literalSet(position: number): Parse<Node>[] {
    const type = this.type(position);
    if (type === 'SET_PRIMES') return [{ end: position + 1, build: () => fail('unrecognized literal set') }];
    const name = type === undefined ? undefined : LITERAL_SETS[type];
    if (name !== undefined) return [{ end: position + 1, build: () => ({ kind: 'namedSet', name }) }];
    if (this.is(position, 'L_BRACE') && this.is(position + 1, 'R_BRACE')) return [{ end: position + 2, build: () => ({ kind: 'namedSet', name: 'EmptySet' }) }];
    return [];
  }

  private orderedTuple(position: number): Parse<Node>[] {
    return TUPLE_BRACKETS.flatMap(([open, close]) =>
      this.map(this.enclosed(position, open, close, (p) => this.semicolonElements(p)), (lists: Node[][]) => {
        const items = lists.flat();
        return lists.length === 1 && items.length === 1 ? (items[0] as Node) : ({ kind: 'tuple', items } as Node);
      }),
    );
  }

  private finiteSetAtom(position: number): Parse<Node>[] {
    const plain = SET_BRACES.flatMap(([open, close]) => this.map(this.enclosed(position, open, close, (p) => this.semicolonElements(p)), (lists: Node[][]) => finiteSet(lists.flat())));
    const boxed = this.is(position, 'BOXED_CMD') ? this.map(this.enclosed(position + 1, 'L_BRACE', 'R_BRACE', (p) => this.semicolonElements(p)), (lists: Node[][]) => elementsToSetOrTuple(lists)) : [];
    return [...plain, ...boxed];
  }

  /** `(atom_expr (, atom_expr)*)` or `atom_expr`: one symbol or a tuple of them. */
  private atomExprList(position: number): Parse<Node>[] {
    return this.memoize(`atom-expr-list@${position}`, () => {
      const listed = this.is(position, 'L_PAREN')
        ? this.chain<Node[]>('atom-list', position + 1, ['COMMA'], (p) => this.map(this.atomExpr(p), (value) => [value]), (left, _separator, right) => [...left, ...right]).flatMap((items) =>
            this.is(items.end, 'R_PAREN') ? [{ end: items.end + 1, build: (): Node => { const values = items.build(); return values.length === 1 ? (values[0] as Node) : { kind: 'tuple', items: values }; } }] : [],
          )
        : [];
      return [...listed, ...this.atomExpr(position)];
    });
  }
}

/** latex2sympy2_extended `as_unary_minus`: rationals negated, anything else Mul(-1, x) (not flattened). */
function unaryMinus(value: Node): Node {
  if (value.kind === 'number' && !value.float) return numberNode(Q.negate(value.value));
  return { kind: 'mul', args: [integer(-1), value] };
}

/** A tuple in a union or intersection is read as a finite set. */
const asSet = (node: Node): Node => (node.kind === 'tuple' ? finiteSet(node.items) : node);

/**
 * latex2sympy2_extended's `latex2sympy(latex)` (no normalisation): the value of a LaTeX formula.
 * Throws a ConversionError when the formula cannot be read (or the deadline passes while parsing).
 */
export function parseLatexFormula(latex: string, deadline?: Deadline): Node {
  const tokens = tokenize(latex);
  if (tokens === undefined) fail('unknown character');
  if (tokens.length === 0) fail('empty formula');
  if (tokens.length > MAX_TOKENS) fail('formula too long');
  const grammar = new LatexGrammar(tokens, (text) => parseLatexFormula(text, deadline), deadline);
  return grammar.math(latex);
}

