import { fail } from './latex-convert.js';
import type { Deadline } from '../symbolic.js';
import type { Token } from './latex-tokens.js';

/** A way a rule can match from some position: where it ends, and how to build its value (built lazily). */
export interface Parse<T> {
  end: number;
  build: () => T;
}

export interface TailItem<T> {
  separator: string;
  build: () => T;
}

/** Upper bound on memoized rule evaluations for one input (the grammar is ambiguous; this keeps it bounded). */
const MAX_RULE_EVALUATIONS = 60_000;

/**
 * Machinery for a backtracking parser over the token list: every rule returns all the ways it can
 * match from a position, one per end position, in the grammar's order of preference (the first
 * alternative first, loops preferring to continue). The top level then takes the first way that
 * covers the whole input, which is the alternative ANTLR's prediction chooses.
 */
export class ParserCore {
  private readonly memo = new Map<string, Parse<unknown>[]>();
  private evaluations = 0;

  constructor(
    protected readonly tokens: Token[],
    private readonly deadline?: Deadline,
  ) {}

  protected type(position: number): string | undefined {
    return this.tokens[position]?.type;
  }

  protected is(position: number, ...types: string[]): boolean {
    const type = this.type(position);
    return type !== undefined && types.includes(type);
  }

  /** The source text of tokens [start, end), as ANTLR's getText (skipped whitespace is not included). */
  protected text(start: number, end: number): string {
    return this.tokens
      .slice(start, end)
      .map((token) => token.text)
      .join('');
  }

  protected memoize<T>(key: string, compute: () => Parse<T>[]): Parse<T>[] {
    const cached = this.memo.get(key);
    if (cached !== undefined) return cached as Parse<T>[];
    this.evaluations += 1;
    if (this.evaluations > MAX_RULE_EVALUATIONS) fail('input too ambiguous to parse in bounded time');
    if (this.evaluations % 256 === 0 && this.deadline?.expired === true) fail('parsing ran out of time');
    this.memo.set(key, []); // a rule re-entered at the same position (no progress) matches nothing
    const result = unique(compute());
    this.memo.set(key, result);
    return result;
  }

  /**
   * `(SEPARATOR item)*` from `position`: every way to continue, preferring to continue; the empty
   * tail (end = position) comes last.
   */
  protected tail<T>(key: string, position: number, separators: string[], item: (position: number) => Parse<T>[]): Parse<TailItem<T>[]>[] {
    return this.memoize(`${key}@${position}`, () => {
      const results: Parse<TailItem<T>[]>[] = [];
      const separator = this.type(position);
      if (separator !== undefined && separators.includes(separator)) {
        for (const head of item(position + 1)) {
          for (const rest of this.tail(key, head.end, separators, item)) {
            results.push({ end: rest.end, build: () => [{ separator, build: head.build }, ...rest.build()] });
          }
        }
      }
      results.push({ end: position, build: () => [] });
      return results;
    });
  }

  /** `item (SEPARATOR item)*`, values folded left to right by `combine`. */
  protected chain<T>(
    key: string,
    position: number,
    separators: string[],
    item: (position: number) => Parse<T>[],
    combine: (left: T, separator: string, right: T) => T,
  ): Parse<T>[] {
    return this.memoize(`${key}@${position}`, () =>
      item(position).flatMap((head) =>
        this.tail(`${key}-tail`, head.end, separators, item).map((rest) => ({
          end: rest.end,
          build: () => rest.build().reduce((left, next) => combine(left, next.separator, next.build()), head.build()),
        })),
      ),
    );
  }

  /** `item+`, preferring more items; values in order. */
  protected repeat<T>(key: string, position: number, item: (position: number) => Parse<T>[]): Parse<T[]>[] {
    return this.memoize(`${key}@${position}`, () =>
      item(position).flatMap((head) => [
        ...this.repeat(key, head.end, item).map((rest) => ({ end: rest.end, build: () => [head.build(), ...rest.build()] })),
        { end: head.end, build: () => [head.build()] },
      ]),
    );
  }

  /** Match a fixed sequence of token types from `position`; the end position, or undefined. */
  protected expect(position: number, ...types: string[]): number | undefined {
    for (const [offset, type] of types.entries()) if (this.type(position + offset) !== type) return undefined;
    return position + types.length;
  }
}

/** Keep the first (preferred) way for each end position. */
export function unique<T>(parses: Parse<T>[]): Parse<T>[] {
  const seen = new Set<number>();
  return parses.filter((parse) => {
    if (seen.has(parse.end)) return false;
    seen.add(parse.end);
    return true;
  });
}
