import { pyLen, pyStrip, pyRstripChars, PY_NONWORD, PY_WORD, PY_DIGIT } from './python.js';
import { convertWordNumber } from './word-to-number.js';

// Unit words Qwen2.5-Math's parser removes (mostly from MathQA), then each with a plural "s". They are
// used as regular expressions unescaped, exactly as upstream does ("q ." matches "q" + space + any character).
const BASE_UNITS = [
  'east', 'degree', 'mph', 'kmph', 'ft', 'm sqaure', ' m east', 'sq m', 'deg', 'mile', 'q .', 'monkey', 'prime', 'ratio',
  'profit of rs', 'rd', 'o', 'gm', 'p . m', 'lb', 'tile', 'per', 'dm', 'lt', 'gain', 'ab', 'way', 'west', 'a .', 'b .',
  'c .', 'd .', 'e .', 'f .', 'g .', 'h .', 't', 'a', 'h', 'no change', 'men', 'soldier', 'pie', 'bc', 'excess', 'st',
  'inches', 'noon', 'percent', 'by', 'gal', 'kmh', 'c', 'acre', 'rise', 'a . m', 'th', 'π r 2', 'sq', 'mark', 'l', 'toy',
  'coin', 'sq . m', 'gallon', '° f', 'profit', 'minw', 'yr', 'women', 'feet', 'am', 'pm', 'hr', 'cu cm', 'square',
  'v â € ™', 'are', 'rupee', 'rounds', 'cubic', 'cc', 'mtr', 's', 'ohm', 'number', 'kmph', 'day', 'hour', 'minute', 'min',
  'second', 'man', 'woman', 'sec', 'cube', 'mt', 'sq inch', 'mp', '∏ cm ³', 'hectare', 'more', 'sec', 'unit', 'cu . m',
  'cm 2', 'rs .', 'rs', 'kg', 'g', 'month', 'km', 'm', 'cm', 'mm', 'apple', 'liter', 'loss', 'yard', 'pure', 'year',
  'increase', 'decrease', 'd', 'less', 'Surface', 'litre', 'pi sq m', 's .', 'metre', 'meter', 'inch',
];
export const UNIT_WORDS: readonly string[] = [...BASE_UNITS, ...BASE_UNITS.map((unit) => `${unit}s`)];
const UNIT_PATTERNS = UNIT_WORDS.map((unit) => new RegExp(`(^|${PY_NONWORD})${unit}($|${PY_NONWORD})`, 'gu'));

export interface NormalizeOptions {
  /** Skip the unit-word removal (Qwen does for carp_en and minerva_math). Default false. */
  skipUnits?: boolean;
}

/** `\fracab` → `\frac{a}{b}`, `\frac1{72}` → `\frac{1}{72}`; the input unchanged when a `\frac` has < 2 characters after it. */
export function fixFracs(text: string): string {
  const parts = text.split('\\frac');
  let out = parts[0] ?? '';
  for (const part of parts.slice(1)) {
    out += '\\frac';
    const chars = [...part];
    if (chars.length > 0 && chars[0] === '{') {
      out += part;
      continue;
    }
    if (chars.length < 2) return text;
    const [a = '', b = ''] = chars;
    const rest = chars.slice(2).join('');
    out += b !== '{' ? `{${a}}{${b}}${rest}` : `{${a}}${b}${rest}`;
  }
  return out;
}

/** `a/b` with plain integers (or anything containing "sqrt") → `\frac{a}{b}`. */
export function fixSlash(text: string): string {
  const parts = text.split('/');
  if (parts.length !== 2) return text;
  const [a = '', b = ''] = parts;
  // Python: int() each side, then the round trip "{a}/{b}" must give back the same string.
  const canonicalInt = (part: string) => part.includes('sqrt') || /^-?(?:0|[1-9][0-9]*)$/u.test(part);
  return canonicalInt(a) && canonicalInt(b) ? `\\frac{${a}}{${b}}` : text;
}

/** `\sqrtX…` → `\sqrt{X…}` (a run of word characters). */
export function fixSqrt(text: string): string {
  return text.replace(new RegExp(`\\\\sqrt(${PY_WORD}+)`, 'gu'), '\\sqrt{$1}');
}

/**
 * Qwen2.5-Math `strip_string` (evaluation/parser.py), step for step: see SCORING.md §4.3.
 * Thousands separators are not removed here (the grader drops commas before comparing numbers).
 */
export function normalizeMathAnswer(input: string, options: NormalizeOptions = {}): string {
  let s = pyStrip(String(input));
  s = s.replace(/\n/gu, '');
  s = pyRstripChars(s, '.');
  s = s.replaceAll('\\!', '');
  // matrices
  s = s.replace(/\\begin\{array\}\{.*?\}/gu, '\\begin{pmatrix}');
  s = s.replace(/\\end\{array\}/gu, '\\end{pmatrix}');
  s = s.replaceAll('bmatrix', 'pmatrix');
  s = s.replaceAll('tfrac', 'frac').replaceAll('dfrac', 'frac');
  s = s.replaceAll('\\neq', '\\ne').replaceAll('\\leq', '\\le').replaceAll('\\geq', '\\ge');
  s = s.replaceAll('\\left', '').replaceAll('\\right', '');
  s = s.replaceAll('\\{', '{').replaceAll('\\}', '}');
  // a trailing \text{...} (a unit) when something remains
  const withoutText = pyStrip(s.replace(/\\text\{.*?\}$/u, ''));
  if (withoutText !== '' && withoutText !== s) s = withoutText;
  if (options.skipUnits !== true) {
    for (let round = 0; round < 2; round += 1) {
      for (const pattern of UNIT_PATTERNS) {
        const replaced = s.replace(pattern, '$1$2');
        if (replaced !== '') s = replaced;
      }
    }
  }
  s = s.replaceAll('^{\\circ}', '').replaceAll('^\\circ', '');
  s = s.replaceAll('\\$', '').replaceAll('$', '');
  s = s.replaceAll('\\(', '').replaceAll('\\)', '');
  s = convertWordNumber(s);
  s = s.replace(/\\text\{(.*?)\}/gu, '$1');
  for (const key of ['x=', 'y=', 'z=', 'x\\in', 'y\\in', 'z\\in', 'x\\to', 'y\\to', 'z\\to']) s = s.replaceAll(key, '');
  s = s.replaceAll('\\emptyset', '{}');
  s = s.replaceAll('(-\\infty,\\infty)', '\\mathbb{R}');
  s = s.replaceAll('\\%', '').replaceAll('%', '');
  s = s.replaceAll(' .', ' 0.').replaceAll('{.', '{0.');
  // (upstream's "strip one pair of brackets when isalnum()" can never fire: brackets are not alphanumeric)
  s = s.replaceAll('infinity', '\\infty');
  if (!s.includes('\\infty')) s = s.replaceAll('inf', '\\infty');
  s = s.replaceAll('+\\inity', '\\infty');
  s = s.replaceAll('and', '');
  s = s.replaceAll('\\mathbf', '');
  s = s.replace(/\\mbox\{.*?\}/gu, '');
  if (s.includes('j') && !s.includes('i')) s = s.replaceAll('j', 'i');
  s = s.replace(new RegExp(`(${PY_DIGIT}+)\\.0*([^${PY_DIGIT}])`, 'gu'), '$1$2');
  s = s.replace(new RegExp(`(${PY_DIGIT}+)\\.0*$`, 'u'), '$1');
  if (s.length === 0) return s;
  if (s.startsWith('.')) s = `0${s}`;
  const sides = s.split('=');
  if (sides.length === 2 && pyLen(sides[0] ?? '') <= 2) s = sides[1] ?? '';
  s = fixSqrt(s);
  s = s.replaceAll(' ', '');
  s = fixFracs(s);
  s = fixSlash(s);
  return s;
}
