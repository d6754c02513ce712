/**
 * Math-Verify's extraction regexes (parser.py `lazy_latex_regex`, `lazy_expr_regex`,
 * `lazy_string_regex`) in JavaScript syntax, each with its priority (lower is tried first). Python's
 * scoped `(?i:…)` becomes explicit letter classes and `$` (end, or before a final newline) a lookahead.
 */
export interface PriorityPattern {
  regex: RegExp;
  priority: number;
}

export interface LatexExtractionConfig {
  kind: 'latex';
  /** Try LaTeX anywhere, not only after "answer"/"final answer is" (default true). */
  tryExtractWithoutAnchor?: boolean;
  /** Priority of `\boxed{}` matches: 0 before "final answer is", 50 (default) after it, -1 never. */
  boxedMatchPriority?: number;
}
export interface ExprExtractionConfig {
  kind: 'expr';
  tryExtractWithoutAnchor?: boolean;
}
export interface StringExtractionConfig {
  kind: 'string';
  /** The strings to look for (default A, B, C, D). */
  strings?: string[];
  tryExtractWithoutAnchor?: boolean;
  /** Return the match lower-cased (default true). */
  lowercase?: boolean;
}
export type ExtractionConfig = LatexExtractionConfig | ExprExtractionConfig | StringExtractionConfig;

const caseless = (text: string) => [...text].map((char) => (/[a-z]/iu.test(char) ? `[${char.toLowerCase()}${char.toUpperCase()}]` : char === ' ' ? ' ' : char)).join('');
const FINAL_ANSWER_IS = caseless('final answer is');
const FINAL_ANSWER = caseless('final answer');
const ANSWER = caseless('answer');
/** Python's `$` without MULTILINE. */
const END = String.raw`(?=\n?$)`;
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/gu, '\\$&');

function latexEnvironment(prefix: string, context: 'boxed' | 'plain'): string {
  const percent = `(?<${prefix}percent>(?:\\\\?%|[Pp]ercent|[Pp]ercentage|[Pp]ct))`;
  const contents = {
    displayDollar: String.raw`(?:[^$]|\$(?!\$))`,
    displayBracket: String.raw`(?:[^\\]|\\(?!\]))`,
    inlineDollar: String.raw`(?:\\[$]|[^\n$])`,
    inlineParenthesis: String.raw`(?:[^\\\n]|\\(?!\)))`,
    inlineBracket: String.raw`[^\n\]\[]`,
  };
  const body = (content: string) => (context === 'boxed' ? `${content}*?\\\\boxed\\{${content}+?\\}${content}*?` : `${content}+?`);
  const patterns = [
    String.raw`(?<!\\)\$\$(?<${prefix}latexDisplayDollar>${body(contents.displayDollar)})(?<!\\)\$\$`,
    String.raw`(?<!\\)\\\[(?<${prefix}latexDisplayBracket>${body(contents.displayBracket)})(?<!\\)\\\]`,
    String.raw`(?<!\\|\d)\$(?<${prefix}latexInlineDollar>${body(contents.inlineDollar)})(?<!\\)\$`,
    String.raw`(?<!\\)\\\((?<${prefix}latexInlineParenthesis>${body(contents.inlineParenthesis)})(?<!\\)\\\)`,
    String.raw`\s\[(?<${prefix}latexInlineBracket>${body(contents.inlineBracket)})\]\s`,
  ];
  if (context === 'plain') {
    const simpleNumber = String.raw`-?\d+(?:[.,]\d+)?`;
    patterns.push(`(?<${prefix}latexFraction>-?\\\\frac\\{${simpleNumber}\\}\\{${simpleNumber}\\})`);
  }
  return `(?:(?:${patterns.join('|')})\\s*${percent}?)`;
}

const SEPARATOR = String.raw`(?:,?and|,?or|,)`;

export function latexPatterns(config: LatexExtractionConfig): PriorityPattern[] {
  const first = latexEnvironment('first_', 'plain');
  const next = [1, 2, 3, 4, 5].map((i) => `(?:\\s*${SEPARATOR}\\s*${latexEnvironment(`next${i}_`, 'plain')})?`).join('');
  const latex = `(?:${first}${next})`;
  const patterns: Array<[string, number]> = [
    [`${FINAL_ANSWER_IS}:?\\s*${latex}\\.?\\s?I hope`, 0],
    [`${FINAL_ANSWER}.{0,100}?\\s+is:?\\s*${latex}`, 50],
    [`${ANSWER}:.{0,50}?${latex}`, 100],
    [`${ANSWER}.{0,50}?${latex}`, 200],
  ];
  if (config.tryExtractWithoutAnchor ?? true) patterns.push([latex, 300]);
  const boxedPriority = config.boxedMatchPriority ?? 50;
  if (boxedPriority >= 0) {
    const boxedNext = [1, 2, 3, 4, 5].map((i) => `\\s*(?:\\s*${SEPARATOR}\\s*${latexEnvironment(`next${i}_`, 'boxed')})?`).join('');
    patterns.push([`${latexEnvironment('first_', 'boxed')}${boxedNext}`, boxedPriority]);
    patterns.push([String.raw`(?<first_latexBoxed>\\boxed\{.+\})`, boxedPriority]);
  }
  return patterns.map(([source, priority]) => ({ regex: new RegExp(source, 'gsd'), priority }));
}

const CURRENCY = escapeRegex('$€£¥₹₽₪₩₫฿₡₢₣₤₥₦₧₨₩₪₫₭₮₯₰₱₲₳₴₵₶₷₸₹₺₻₼₽₾₿');

export function exprPatterns(config: ExprExtractionConfig): PriorityPattern[] {
  const number = String.raw`(?<!\d)(?:(?<integer1>-?[1-9]\d{0,2}(?:[ ,]\d{3})+)(?<decimal1>\.\d+)?|(?<integer2>-?\d+)(?<decimal2>[.,]\d+)|(?<decimal3>\.\d+)|(?<integer3>-?\d+))(?<percent>\s*(?:%|[Pp]ercent|\s*[Pp]ercentage|\s*[Pp]ct))?`;
  const operators = String.raw`+\-*×/^()÷`;
  const chars = String.raw`[\d.\s${operators}]`;
  const expr = String.raw`(?<expr>-?\(?-?\d${chars}*[${operators}]${chars}+\)?)`;
  const prefix = String.raw`(?:^|\s|=)(?:\*\*)?`;
  const suffix = String.raw`(?:\*\*)?(?:\.|,|:|\s|\)|\$|${END})`;
  const exprWithAnchors = `(?:${prefix}${expr}${suffix})`;
  const numberWithAnchors = `(?:${prefix}[${CURRENCY}]?${number})`;
  const exprOrNumber = `(?:${exprWithAnchors}|${numberWithAnchors})`;
  const patterns: Array<[string, number]> = [
    [`${FINAL_ANSWER_IS}:?\\s*${exprOrNumber}\\.?\\s?I hope`, 0],
    [`${FINAL_ANSWER}.{0,100}?\\s+is:?${exprOrNumber}`, 50],
    [`${ANSWER}:(?:.{0,100}=\\s*|.{0,50}?)${exprOrNumber}(?!\\s*=)`, 100],
    [`${ANSWER}(?:.{0,100}=\\s*|.{0,50}?)${exprOrNumber}(?!\\s*=)`, 200],
  ];
  if (config.tryExtractWithoutAnchor ?? true) patterns.push([exprWithAnchors, 300], [numberWithAnchors, 300]);
  return patterns.map(([source, priority]) => ({ regex: new RegExp(source, 'gd'), priority }));
}

export function stringPatterns(config: StringExtractionConfig): PriorityPattern[] {
  const keys = `(?<string_keys>${(config.strings ?? ['A', 'B', 'C', 'D']).map(escapeRegex).join('|')})`;
  const answerPrefix = String.raw`(^|\s)(?:\*\*)?`;
  const answerSuffix = String.raw`(?:\*\*)?(?:\.|,|:|\s|${END})`;
  const answer = `${answerPrefix}${keys}${answerSuffix}`;
  const patterns: Array<[string, number]> = [
    [`${FINAL_ANSWER_IS}:?\\s*${keys}\\.?\\s?I hope`, 0],
    [`${FINAL_ANSWER}.{0,100}?\\s+is:?\\s*${keys}`, 50],
    [`${ANSWER}:.{0,50}?${answer}`, 100],
    [`${ANSWER}.{0,50}?${answer}`, 200],
  ];
  if (config.tryExtractWithoutAnchor ?? true) patterns.push([`^(?:\\*\\*)?${keys}${answerSuffix}`, 250], [answer, 300]);
  return patterns.map(([source, priority]) => ({ regex: new RegExp(source, 'gd'), priority }));
}
