import { Deadline } from '../symbolic.js';
import {
  exprPatterns,
  latexPatterns,
  stringPatterns,
  type ExtractionConfig,
  type PriorityPattern,
  type StringExtractionConfig,
} from './extraction-patterns.js';
import { percent } from './latex-convert.js';
import { parseLatexFormula } from './latex-parser.js';
import { finiteSet, numberNode, type MathNode } from './nodes.js';
import { DEFAULT_NORMALIZATION, normalizeLatex } from './normalize-latex.js';
import { parsePlainExpression } from './plain-expression.js';
import * as Q from './rational.js';

/** What `parse` returns: parsed values, and (fallback mode "first_match") the first matched text. */
export type Extracted = MathNode | string;

export interface ParseOptions {
  /** What to look for (default LaTeX then plain expressions, as Math-Verify's `parse`). */
  extractionConfig?: ExtractionConfig[];
  /** "first_match" (default) also returns the first matched text as a string. */
  fallbackMode?: 'no_fallback' | 'first_match';
  /** "any_match" (default) tries further matches of a priority when one does not parse. */
  extractionMode?: 'first_match' | 'any_match';
  /** Time budget in ms (default 5000, Math-Verify's `parsing_timeout`). */
  timeoutMs?: number;
}

export const DEFAULT_EXTRACTION: ExtractionConfig[] = [{ kind: 'latex' }, { kind: 'expr' }];

const patternCache = new Map<string, PriorityPattern[]>();
function patternsFor(config: ExtractionConfig): PriorityPattern[] {
  const key = JSON.stringify(config);
  let patterns = patternCache.get(key);
  if (patterns === undefined) {
    patterns = config.kind === 'latex' ? latexPatterns(config) : config.kind === 'expr' ? exprPatterns(config) : stringPatterns(config);
    patternCache.set(key, patterns);
  }
  return patterns;
}

interface Candidate {
  match: RegExpMatchArray;
  start: number;
  end: number;
  config: ExtractionConfig;
}

const groupEntries = (match: RegExpMatchArray) => Object.entries(match.groups ?? {});
const span = (match: RegExpMatchArray, name: string): [number, number] | undefined => match.indices?.groups?.[name];

/** Math-Verify `parse_latex_cached`: the formula, else (for a chain of more than two `=`) its last part. */
function parseLatex(latex: string, deadline: Deadline): MathNode {
  try {
    return parseLatexFormula(latex, deadline);
  } catch (error) {
    if (!latex.includes(',') && !latex.includes(';')) {
      const parts = latex.split(/(?<!\\|<|!|>)=/u);
      if (parts.length > 2) return parseLatexFormula(parts.at(-1) ?? '', deadline);
    }
    throw error;
  }
}

/** Math-Verify `extract_latex`: each LaTeX group of the match normalised and parsed; several become one set. */
function extractLatex(match: RegExpMatchArray, deadline: Deadline): [MathNode | undefined, string] {
  const groups = groupEntries(match);
  const chosen: Array<[string, string]> = [];
  const first = groups.find(([name, value]) => name.startsWith('first_latex') && value);
  if (first !== undefined) chosen.push([first[0], first[1] as string]);
  for (let i = 1; i <= 5; i += 1) {
    const next = groups.find(([name, value]) => name.startsWith(`next${i}_latex`) && value);
    if (next !== undefined) chosen.push([next[0], next[1] as string]);
  }
  const values: Array<MathNode | undefined> = [];
  const texts: string[] = [];
  for (const [name, latex] of chosen) {
    const [prefix = '', groupName] = name.split('_');
    const isPercent = Boolean(match.groups?.[`${prefix}_percent`]);
    const normalized = normalizeLatex(latex, { ...DEFAULT_NORMALIZATION, boxed: groupName === 'latexBoxed' ? 'last' : 'all' });
    texts.push(normalized);
    try {
      const parsed = parseLatex(normalized, deadline);
      values.push(isPercent ? percent(parsed) : parsed);
    } catch {
      values.push(undefined);
    }
  }
  if (values.length === 0) return [undefined, ''];
  if (values.length > 1 && values.every((value) => value !== undefined)) {
    const items = (values as MathNode[]).flatMap((value) => (value.kind === 'set' ? value.items : [value]));
    return [finiteSet(items), texts.join(' and ')];
  }
  return [values[0], texts[0] ?? ''];
}

/** Math-Verify `extract_expr`: a number (thousands separators, decimal commas, percent) or a plain expression. */
function extractExpression(match: RegExpMatchArray): [MathNode | undefined, string] {
  const groups = groupEntries(match);
  const expression = match.groups?.expr ?? '';
  let integer = groups.find(([name, value]) => name.startsWith('integer') && value)?.[1] ?? '';
  let decimal = groups.find(([name, value]) => name.startsWith('decimal') && value)?.[1] ?? '';
  if (integer !== '' || decimal !== '') {
    integer = integer.replace(/[, ]/gu, '').replace(/^0+/u, '') || '0';
    decimal = decimal.replace(',', '.');
    const text = `${integer}${decimal}`;
    const value = decimal === '' ? numberNode(Q.rational(BigInt(integer))) : numberNode(Q.fromDecimalString(text) ?? Q.ZERO, true);
    return [match.groups?.percent ? percent(value) : value, text];
  }
  if (expression !== '') {
    try {
      return [parsePlainExpression(expression.replaceAll('\n', ' ').replaceAll('^', '**')), expression];
    } catch {
      // not an expression SymPy would read
    }
  }
  return [undefined, expression];
}

function extractString(match: RegExpMatchArray, config: StringExtractionConfig): [string, string] {
  const extracted = match.groups?.string_keys ?? '';
  return [config.lowercase === false ? extracted : extracted.toLowerCase(), extracted];
}

/**
 * Math-Verify `parse(pred, extraction_config)`: patterns of all the configs are tried by priority;
 * within a priority the match ending last (then starting first) is tried first, and the first one
 * that parses is the answer. A plain number inside a LaTeX formula that failed to parse is not used
 * (upstream's later fix, huggingface/Math-Verify tests/test_failed_latex_span.py).
 */
export function parseAnswer(text: string, options: ParseOptions = {}): Extracted[] {
  return extractAnswers(text, options).values;
}

/** `parseAnswer`, telling apart "nothing found" and "ran out of time or failed" (both give no values). */
export function extractAnswers(text: string, options: ParseOptions = {}): { values: Extracted[]; failed: boolean } {
  const configs = options.extractionConfig ?? DEFAULT_EXTRACTION;
  const deadline = new Deadline(options.timeoutMs ?? 5000);
  const all = configs.flatMap((config) => patternsFor(config).map((pattern) => ({ ...pattern, config })));
  const priorities = [...new Set(all.map((pattern) => pattern.priority))].sort((a, b) => a - b);
  const extracted: Extracted[] = [];
  const fallbacks: string[] = [];
  const failedLatexSpans: Array<[number, number]> = [];
  let matchFound = false;
  try {
    for (const priority of priorities) {
      const candidates: Candidate[] = [];
      for (const pattern of all.filter((item) => item.priority === priority)) {
        for (const match of text.matchAll(pattern.regex)) {
          const start = match.index ?? 0;
          candidates.push({ match, start, end: start + match[0].length, config: pattern.config });
        }
      }
      candidates.sort((a, b) => b.end - a.end || a.start - b.start);
      for (const { match, config } of candidates) {
        if (deadline.expired) throw new Error('parsing timed out');
        if (failedLatexSpans.length > 0 && config.kind === 'expr') {
          const valueSpans = groupEntries(match)
            .filter(([name, value]) => value && (name === 'expr' || name.startsWith('integer') || name.startsWith('decimal')))
            .map(([name]) => span(match, name))
            .filter((item): item is [number, number] => item !== undefined);
          if (valueSpans.some(([start, end]) => failedLatexSpans.some(([low, high]) => start < high && end > low))) continue;
        }
        const [value, fallback] = config.kind === 'latex' ? extractLatex(match, deadline) : config.kind === 'expr' ? extractExpression(match) : extractString(match, config);
        if (value === undefined && config.kind === 'latex') {
          for (const [name, group] of groupEntries(match)) {
            const location = span(match, name);
            if (group && name.startsWith('first_latex') && location !== undefined) failedLatexSpans.push(location);
          }
        }
        matchFound = true;
        if (fallback) fallbacks.push(fallback);
        if (value !== undefined) {
          extracted.push(value);
          break;
        }
        if (options.extractionMode === 'first_match') break;
      }
      if (extracted.length > 0 || (matchFound && options.extractionMode === 'first_match')) break;
    }
  } catch {
    return { values: [], failed: true };
  }
  if ((options.fallbackMode ?? 'first_match') === 'first_match' && fallbacks.length > 0) extracted.push(fallbacks[0] as string);
  return { values: extracted, failed: false };
}

