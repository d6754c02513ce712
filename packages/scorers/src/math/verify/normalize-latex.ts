import { pyStrip } from '../python.js';
import { extractBoxedContent } from './boxed-content.js';
import { UNIT_PATTERNS } from './units.js';

/** latex2sympy2_extended `NormalizationConfig` (Math-Verify's LatexExtractionConfig defaults). */
export interface NormalizationConfig {
  basicLatex: boolean;
  units: boolean;
  malformedOperators: boolean;
  nits: boolean;
  boxed: 'all' | 'last' | 'none';
}

export const DEFAULT_NORMALIZATION: NormalizationConfig = { basicLatex: true, units: true, malformedOperators: true, nits: true, boxed: 'all' };

const LEFT = /\\m?left(\\\{|\{|\\\||\||\[|\(|\\rbracl|\\lgroup|\\lbrace|\\lbrack|\\vert|\\lvert|\\lceil|\\lfloor|\\vert|\\lvert|\\langle|\\llcorner|\\ulcorner)/gu;
const RIGHT = /\\m?right(\\\}|\}|\\\||\||\]|\)|\\rbrack|\\rgroup|\\rbrace|\\rbrack|\\vert|\\rvert|\\rceil|\\rfloor|\\vert|\\rvert|\\rangle|\\lrcorner|\\urcorner)/gu;
const UNITS = new RegExp(`(\\d|\\}|\\s)\\s*(?:(?:${UNIT_PATTERNS.join('|')})(?:s|es)?)\\s*$`, 'u');
const TO_REMOVE = /\\mathrm\{th\}|\\!\s*|\\text\s*\{\s*\}|\\\$|\$|(?<!\\)["']|\\displaystyle/gu;

/** [name, pattern, replacement], tried as one alternation in this order (upstream `to_replace_patterns`). */
const REPLACEMENTS: Array<[string, string, string]> = [
  ['math', String.raw`\\math(?:rm|it|bf)`, '\\text'],
  ['text', String.raw`\\text(?:normal|bf|it|rm)`, '\\text'],
  ['frac', String.raw`\\(?:d|t|c)frac`, '\\frac'],
  ['decimalSpace', String.raw`\s\.`, ' 0.'],
  ['decimalBrace', String.raw`\{\.`, '{0.'],
  ['approx', String.raw`~=`, '\\approx'],
  ['comma', String.raw`\s*\{\s*,\s*\}`, ','],
  ['andOr', String.raw`(?<![a-zA-Z])(?:,?\s*(?:and|or))(?![a-zA-Z])`, ','],
  ['andOrText', String.raw`,?\s*\\text\{\s*(?:and|or)\s*\}`, ','],
  ['backslashSpace', String.raw`(?<!\\)\\\s`, ' '],
  ['infinity', 'infinity', '\\infty'],
  ['dot', String.raw`,?\\ldots`, ' '],
  ['percentage', String.raw`\s*\bpercentage\b`, '%'],
  ['percent', String.raw`\s*\bpercent\b`, '%'],
  ['pct', String.raw`\s*\bpct\b`, '%'],
  ['percentInText', String.raw`\\text\{percent\}`, '%'],
  ['pctInText', String.raw`\\text\{pct\}`, '%'],
  ['percentageInText', String.raw`\\text\{percentage\}`, '%'],
  ['inf', String.raw`(?<!\\)inf(?!inity)`, '\\infty'],
  ['sqrt', ' sqrt', '\\sqrt'],
];
const REPLACE = new RegExp(REPLACEMENTS.map(([name, pattern]) => `(?<${name}>${pattern})`).join('|'), 'gu');
const REPLACEMENT_BY_NAME = new Map(REPLACEMENTS.map(([name, , replacement]) => [name, replacement]));

const COMMAND_SLASH = /\\\\(?=[a-zA-Z])/gu;
const PERMUTATION = /\(([a-zA-Z0-9+\-*/\\ ]+?)\)_\{([a-zA-Z0-9+\-*/\\ ]+?)\}/gu;
const UNIT_SUPERSCRIPT = /(\\(?:text|mbox)\{.*?\})(\^\d|\{\^\d\})?$/u;

const MALFORMED: Array<[RegExp, string]> = [
  [/\^\s?\((.*?)\)/gu, '^{$1}'],
  [/sqrt\s?\((.*?)\)/gu, '\\sqrt{$1}'],
  [/\\frac\s?(\d)\s?(\d+)/gu, '\\frac{$1}{$2}'],
  [/\\log_\s?(\d)\s?(\d+)/gu, '\\log_{$1}{$2}'],
  [/\\frac\s?\{(.*?)\}\s?(\d)/gu, '\\frac{$1}{$2}'],
  [/\\frac\s?(\d)\s?\{(.*?)\}/gu, '\\frac{$1}{$2}'],
  [/\\sqrt\s?(\d)/gu, '\\sqrt{$1}'],
];

/** Hendrycks' `_fix_fracs`: `\frac12` → `\frac{1}{2}`, `\frac1{2}` → `\frac{1}{2}`. */
function fixFracs(text: string): string {
  const [head = '', ...rest] = text.split('\\frac');
  let result = head;
  for (const piece of rest) {
    const part = piece.trimStart();
    result += '\\frac';
    if (part.startsWith('{')) result += part;
    else if (part.length < 2) return text;
    else {
      const [a = '', b = ''] = [part[0], part[1]];
      result += b !== '{' ? `{${a}}{${b}}${part.slice(2)}` : `{${a}}${b}${part.slice(2)}`;
    }
  }
  return result;
}

/** Hendrycks' `_fix_a_slash_b`: "2/3" → `\frac{2}{3}` when the whole text is two integers. */
function fixSlash(text: string): string {
  const parts = text.split('/');
  if (parts.length !== 2) return text;
  const [a = '', b = ''] = parts;
  if (!/^\s*[+-]?\d+\s*$/u.test(a) || !/^\s*[+-]?\d+\s*$/u.test(b)) return text;
  const [x, y] = [BigInt(a.trim()), BigInt(b.trim())];
  return text === `${x}/${y}` ? `\\frac{${x}}{${y}}` : text;
}

/** Hendrycks' `_fix_sqrt`: `\sqrt3` → `\sqrt{3}`. */
function fixSqrt(text: string): string {
  if (!text.includes('\\sqrt')) return text;
  const [head = '', ...rest] = text.split('\\sqrt');
  return head + rest.map((piece) => {
    const part = piece.trimStart();
    return part.length > 0 && part[0] !== '{' && part[0] !== '[' ? `\\sqrt{${part[0]}}${part.slice(1)}` : `\\sqrt${part}`;
  }).join('');
}

/** latex2sympy2_extended `normalize_latex(text, config)`. */
export function normalizeLatex(input: string, config: NormalizationConfig = DEFAULT_NORMALIZATION): string {
  let text = input;
  if (config.boxed !== 'none') text = extractBoxedContent(text, config.boxed);
  if (config.basicLatex) {
    text = text.replaceAll('\\mathrm{T}', 'T').replaceAll('\\mathrm{d}', 'd').replaceAll('{\\rm d}', 'd');
    text = text.replaceAll('\\left[\\begin{matrix}', '\\begin{bmatrix}').replaceAll('\\end{matrix}\\right]', '\\end{bmatrix}');
    text = text.replace(LEFT, '$1').replace(RIGHT, '$1');
    text = text.replace(PERMUTATION, (_match, n: string, k: string) => `\\frac{(${n})!}{((${n})-(${k}))!}`);
    text = text.replace(TO_REMOVE, '');
    text = text.replace(REPLACE, (...args: unknown[]) => {
      const groups = args.at(-1) as Record<string, string | undefined>;
      const name = Object.keys(groups).find((key) => groups[key] !== undefined) ?? '';
      return REPLACEMENT_BY_NAME.get(name) ?? '';
    });
    text = text.replaceAll('\n', ' ').replaceAll('\t', ' ');
    if (!text.includes('matrix')) text = text.replace(COMMAND_SLASH, '\\');
  }
  if (config.units) {
    const withoutText = pyStrip(text.replace(UNIT_SUPERSCRIPT, ''));
    if (withoutText !== '' && withoutText !== text) text = withoutText;
    for (let round = 0; round < 2; round += 1) {
      const withoutUnit = text.replace(UNITS, '$1');
      if (withoutUnit !== '' && withoutUnit !== text) text = withoutUnit;
    }
  }
  if (config.nits) {
    if (text.startsWith('.')) text = `0${text}`;
    if (text === '0.5') text = '\\frac{1}{2}';
  }
  if (config.malformedOperators) {
    for (const [pattern, replacement] of MALFORMED) text = text.replace(pattern, replacement);
    text = text.replaceAll(' sqrt', '\\sqrt');
    text = fixFracs(fixSqrt(text));
    text = fixSlash(text);
  }
  return pyStrip(text);
}
