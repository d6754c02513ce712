/**
 * Python's `str.split()` with no arguments splits on this set (`str.isspace()`), which is not
 * JavaScript's `\s`: it has \x1c-\x1f and \x85 and lacks \ufeff. Reference scorers written in
 * Python split this way, so ports must too.
 */
export const PYTHON_WHITESPACE = /[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/u;

/** `str.split()` with no arguments: runs of Python whitespace, no empty strings. */
export function pythonSplit(text: string): string[] {
  return text.split(PYTHON_WHITESPACE).filter((part) => part.length > 0);
}

/** The code points of a string (Python indexes strings by code point, not UTF-16 unit). */
export function codePoints(text: string): string[] {
  return Array.from(text);
}

const LEADING_PYTHON_WHITESPACE = new RegExp(`^(?:${PYTHON_WHITESPACE.source})`, 'u');
const TRAILING_PYTHON_WHITESPACE = new RegExp(`(?:${PYTHON_WHITESPACE.source})$`, 'u');

/** `str.strip()` with no arguments (Python's whitespace set, not JavaScript's `trim()`). */
export function pythonStrip(text: string): string {
  return text.replace(LEADING_PYTHON_WHITESPACE, '').replace(TRAILING_PYTHON_WHITESPACE, '');
}

/** `str.rstrip()` with no arguments. */
export function pythonRstrip(text: string): string {
  return text.replace(TRAILING_PYTHON_WHITESPACE, '');
}
