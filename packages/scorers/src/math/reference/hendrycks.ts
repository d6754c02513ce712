/**
 * hendrycks/math `modeling/math_equivalence.py` (`is_equiv`, `_strip_string`), ported exactly: a
 * string-rewriting comparison, so "10" ≠ "10.0" and "1,000" ≠ "1000" on purpose. Where the Python raises
 * (an assert or an IndexError), `hendrycksStripString` throws and `hendrycksIsEquiv` falls back to `a === b`.
 */

/** Python `s[i]` by code point (undefined past the end, where Python raises IndexError). */
const chars = (text: string): string[] => Array.from(text);

function fixFracs(text: string): string {
  const parts = text.split('\\frac');
  let result = parts[0] ?? '';
  for (const part of parts.slice(1)) {
    result += '\\frac';
    const cs = chars(part);
    if (cs.length === 0) throw new RangeError('string index out of range'); // substr[0] on ""
    if (cs[0] === '{') {
      result += part;
      continue;
    }
    if (cs.length < 2) return text;
    const [a = '', b = ''] = cs;
    const post = cs.slice(2).join('');
    result += b !== '{' ? `{${a}}{${b}}${post}` : `{${a}}${b}${post}`;
  }
  return result;
}

/** `int(a)`/`int(b)` that format back to exactly `a/b` (spaces are already gone). */
const CANONICAL_INT = /^(?:-?[1-9][0-9]*|0)$/u;

function fixASlashB(text: string): string {
  const parts = text.split('/');
  if (parts.length !== 2) return text;
  const [a = '', b = ''] = parts;
  return CANONICAL_INT.test(a) && CANONICAL_INT.test(b) ? `\\frac{${a}}{${b}}` : text;
}

function removeRightUnits(text: string): string {
  if (!text.includes('\\text{ ')) return text;
  const parts = text.split('\\text{ ');
  if (parts.length !== 2) throw new Error('assert len(splits) == 2');
  return parts[0] ?? '';
}

function fixSqrt(text: string): string {
  if (!text.includes('\\sqrt')) return text;
  const parts = text.split('\\sqrt');
  let result = parts[0] ?? '';
  for (const part of parts.slice(1)) {
    const cs = chars(part);
    if (cs.length === 0) throw new RangeError('string index out of range'); // split[0] on ""
    result += cs[0] !== '{' ? `\\sqrt{${cs[0] ?? ''}}${cs.slice(1).join('')}` : `\\sqrt${part}`;
  }
  return result;
}

/** hendrycks/math `_strip_string`, in upstream order. Throws where the Python raises. */
export function hendrycksStripString(input: string): string {
  let s = input.replaceAll('\n', '').replaceAll('\\!', '').replaceAll('\\\\', '\\');
  s = s.replaceAll('tfrac', 'frac').replaceAll('dfrac', 'frac');
  s = s.replaceAll('\\left', '').replaceAll('\\right', '');
  s = s.replaceAll('^{\\circ}', '').replaceAll('^\\circ', '');
  s = s.replaceAll('\\$', '');
  s = removeRightUnits(s);
  s = s.replaceAll('\\%', ''); // upstream also removes "\%", the same two characters in Python
  s = s.replaceAll(' .', ' 0.').replaceAll('{.', '{0.');
  if (s.length === 0) return s;
  if (s.startsWith('.')) s = `0${s}`;
  const sides = s.split('=');
  if (sides.length === 2 && chars(sides[0] ?? '').length <= 2) s = sides[1] ?? '';
  s = fixSqrt(s);
  s = s.replaceAll(' ', '');
  s = fixFracs(s);
  if (s === '0.5') s = '\\frac{1}{2}';
  return fixASlashB(s);
}

/** hendrycks/math `is_equiv`: both missing → true, one missing → false, else equal after `_strip_string`. */
export function hendrycksIsEquiv(a: string | undefined | null, b: string | undefined | null): boolean {
  if (a == null && b == null) return true;
  if (a == null || b == null) return false;
  try {
    return hendrycksStripString(a) === hendrycksStripString(b);
  } catch {
    return a === b;
  }
}
