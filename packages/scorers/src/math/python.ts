/**
 * Small Python-semantics helpers for the math grader port (see SCORING.md "porting hazards").
 * Python's `str.strip()`/`\s`, `\d`, `\w`, `float()` and `str.isdigit()` differ from JavaScript's.
 */

/** Python `str.isspace()` characters (what `strip()`/`split()` with no argument use). */
export const PY_WS = '\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const LEADING_WS = new RegExp(`^[${PY_WS}]+`, 'u');
const TRAILING_WS = new RegExp(`[${PY_WS}]+$`, 'u');

/** Python `re` `\d` (Unicode decimal digit). */
export const PY_DIGIT = '\\p{Nd}';
/** Python `re` `\w` (Unicode word character). */
export const PY_WORD = '[\\p{L}\\p{N}_]';
/** Python `re` `\W`. */
export const PY_NONWORD = '[^\\p{L}\\p{N}_]';

/** Python `s.strip()` (no argument). */
export function pyStrip(text: string): string {
  return text.replace(LEADING_WS, '').replace(TRAILING_WS, '');
}

const escapeClass = (chars: string) => chars.replace(/[\\\]\[^-]/gu, '\\$&');

/** Python `s.strip(chars)`. */
export function pyStripChars(text: string, chars: string): string {
  return pyRstripChars(pyLstripChars(text, chars), chars);
}
/** Python `s.lstrip(chars)`. */
export function pyLstripChars(text: string, chars: string): string {
  return text.replace(new RegExp(`^[${escapeClass(chars)}]+`, 'u'), '');
}
/** Python `s.rstrip(chars)`. */
export function pyRstripChars(text: string, chars: string): string {
  return text.replace(new RegExp(`[${escapeClass(chars)}]+$`, 'u'), '');
}

/** Python `len(s)` (code points). */
export function pyLen(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** Unicode decimal digits to ASCII (what Python `int()`/`float()` accept). */
export function asciiDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (digit) => {
    const code = digit.codePointAt(0) ?? 48;
    // Nd code points come in contiguous runs whose lengths are multiples of ten, each starting at a zero.
    let start = code;
    while (start > 0 && /\p{Nd}/u.test(String.fromCodePoint(start - 1))) start -= 1;
    return String((code - start) % 10);
  });
}

/** Python `str.isdigit()` for the common case of decimal digits (non-empty, all Nd). */
export function pyIsDigitString(text: string): boolean {
  return /^\p{Nd}+$/u.test(text);
}

const DIGITS = String.raw`\d(?:_?\d)*`;
const FLOAT_RE = new RegExp(String.raw`^[+-]?(?:(?:${DIGITS})?\.${DIGITS}|${DIGITS}\.?)(?:[eE][+-]?${DIGITS})?$`, 'u');
const SPECIAL_RE = /^([+-]?)(inf|infinity|nan)$/iu;

/** Python `float(text)`; undefined where Python raises ValueError. */
export function pyFloat(text: string): number | undefined {
  const stripped = asciiDigits(pyStrip(text));
  const special = SPECIAL_RE.exec(stripped);
  if (special !== null) {
    const kind = special[2]?.toLowerCase();
    if (kind === 'nan') return Number.NaN;
    return special[1] === '-' ? -Infinity : Infinity;
  }
  if (!FLOAT_RE.test(stripped)) return undefined;
  return Number(stripped.replace(/_/gu, ''));
}

/** Python `math.isclose(a, b, rel_tol=relTol)` (abs_tol 0). */
export function isClose(a: number, b: number, relTol = 1e-4): boolean {
  if (a === b) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= relTol * Math.max(Math.abs(a), Math.abs(b));
}
