import type { LatencyUnit } from '@ladder/scorers';

/** Python's `str.isspace()` set, negated: what `str.split()` keeps. */
const NOT_WHITESPACE = '[^\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';

/** A word: a run of non-whitespace, as `str.split()` cuts it. */
export const WORD = new RegExp(`${NOT_WHITESPACE}+`, 'gu');
/** A character other than whitespace (SimulEval's `char` unit). */
export const CHARACTER = new RegExp(NOT_WHITESPACE, 'gu');
/** A spoken unit of Chinese: one Han character, or a run of other letters and digits (a Latin name, a number). */
export const CHINESE_SPOKEN_UNIT = /\p{Script=Han}|(?:(?!\p{Script=Han})[\p{L}\p{N}\p{M}])+/gu;

export interface Span {
  start: number;
  end: number;
}

/** Where each match of a global pattern is in `text`. */
export function spansOf(text: string, pattern: RegExp): Span[] {
  return Array.from(text.matchAll(pattern), (match) => ({ start: match.index, end: match.index + match[0].length }));
}

/** The target units of a text (SimulEval's: words, or characters without whitespace), by position. */
export function targetSpans(text: string, unit: LatencyUnit): Span[] {
  return spansOf(text, unit === 'word' ? WORD : CHARACTER);
}

/** The first `count` target units of `text` (`count` may be Infinity); see `unitRange`. */
export function firstUnits(text: string, unit: LatencyUnit, count: number): { text: string; units: string[] } {
  return unitRange(text, targetSpans(text, unit), 0, count, unit);
}

/**
 * Units `from` (inclusive) to `to` (exclusive) of a text whose spans are known, and their text:
 * words joined by single spaces; characters as written (a space inside, as in "4 个", kept) and
 * preceded by one space when whitespace came before them, so pieces of "iPhone 15" join right.
 */
export function unitRange(text: string, spans: readonly Span[], from: number, to: number, unit: LatencyUnit): { text: string; units: string[] } {
  const start = Math.max(0, from);
  const slice = spans.slice(start, Math.max(start, Math.min(to, spans.length)));
  const first = slice[0];
  const last = slice[slice.length - 1];
  if (first === undefined || last === undefined) return { text: '', units: [] };
  const units = slice.map((span) => text.slice(span.start, span.end));
  if (unit === 'word') return { text: units.join(' '), units };
  const before = text.slice(start === 0 ? 0 : (spans[start - 1] as Span).end, first.start);
  return { text: `${before === '' ? '' : ' '}${text.slice(first.start, last.end)}`, units };
}

/** The pieces a session committed, as one text: words joined by a space, characters as they came. */
export function joinPieces(pieces: readonly string[], unit: LatencyUnit): string {
  return unit === 'word' ? pieces.join(' ') : pieces.join('').trim();
}
