import { normalizeMathAnswer } from './normalize.js';
import { PY_DIGIT, PY_WS, pyLstripChars, pyRstripChars, pyStrip, pyStripChars } from './python.js';

export interface ExtractMathOptions {
  /** Remove `<think>…</think>` blocks (and an unclosed leading `…</think>`) first. Default true. */
  stripThinking?: boolean;
  /** Fall back to the last number in the text when no answer phrase is found. Default true. */
  useLastNumber?: boolean;
  /** Apply `normalizeMathAnswer` (Qwen `strip_string`) to the result. Default true. */
  normalize?: boolean;
  /** Skip unit-word removal in the normalisation (Qwen does for minerva_math, carp_en). Default false. */
  skipUnits?: boolean;
  /**
   * Qwen's `data_name`: its multiple-choice sets (`mmlu_stem`, `sat_math`, `aqua`, `gaokao2023`)
   * take the last option letter instead of a math answer (`choice_answer_clean`).
   */
  dataName?: string;
}

/** The data sets whose answers Qwen2.5-Math's `extract_answer` reads as option letters. */
const CHOICE_DATA = new Set(['mmlu_stem', 'sat_math', 'aqua', 'gaokao2023']);

/** Qwen2.5-Math's `choice_answer_clean`: the last standalone letter A-E (of the upper-cased text), else the cleaned text. */
export function choiceAnswerClean(output: string): string {
  const cleaned = pyLstripChars(pyStripChars(pyRstripChars(pyRstripChars(pyStripChars(output, '\n'), '.'), '/'), ' '), ':');
  // Python's \b is Unicode-aware: a letter next to any letter, digit or underscore is not alone.
  const letters = cleaned.toUpperCase().match(/(?<![\p{L}\p{N}_])[A-E](?![\p{L}\p{N}_])/gu);
  const last = letters === null ? pyStripChars(pyStrip(cleaned), '.') : (letters.at(-1) as string);
  return pyRstripChars(pyRstripChars(last, '.'), '/');
}

/**
 * The contents of the last `\boxed…` (brace-matched; `\boxed 5$` reads up to the next `$`), as Qwen's
 * parser reads it: the text after the last occurrence of "boxed". Falls back to `\fbox` the same way.
 * Undefined when the text has neither; an unclosed brace gives everything after it.
 */
export function lastBoxedContent(text: string): string | undefined {
  const marker = text.includes('boxed') ? 'boxed' : text.includes('\\fbox') ? '\\fbox' : undefined;
  if (marker === undefined) return undefined;
  const after = text.slice(text.lastIndexOf(marker) + marker.length);
  if (after.length === 0) return '';
  if (after[0] !== '{') return pyStrip(after.split('$')[0] ?? '');
  let depth = 1;
  let content = '';
  for (const char of after.slice(1)) {
    if (char === '{') depth += 1;
    else if (char === '}') {
      depth -= 1;
      if (depth === 0) break;
    }
    content += char;
  }
  return content;
}

/**
 * Hendrycks / lm-eval `last_boxed_only_string`: the last `\boxed{…}` (else `\fbox{…}`) including the
 * command, brace-matched; `\boxed 5$` gives "\boxed 5". Undefined when there is none or its braces never close.
 */
export function lastBoxedOnlyString(text: string): string | undefined {
  // upstream checks for "\\boxed " (with a space) anywhere first
  if (text.includes('\\boxed ')) return `\\boxed ${text.split('\\boxed ').at(-1)?.split('$')[0] ?? ''}`;
  let at = text.lastIndexOf('\\boxed');
  if (at < 0) at = text.lastIndexOf('\\fbox');
  if (at < 0) return undefined;
  let depth = 0;
  for (let i = at; i < text.length; i += 1) {
    if (text[i] === '{') depth += 1;
    else if (text[i] === '}') {
      depth -= 1;
      if (depth === 0) return text.slice(at, i + 1);
    }
  }
  return undefined;
}

const LAST_NUMBER = new RegExp(`-?${PY_DIGIT}*\\.?${PY_DIGIT}+`, 'gu');
const NEWLINE_THEN_SPACE = new RegExp(`\\n[${PY_WS}]*`, 'gu');

/**
 * The answer a model gives, as Qwen2.5-Math `extract_answer(pred, "math")` reads it, strongest first:
 * Minerva "final answer is $…$. I hope"; the last `\boxed{}` (nested braces; `\fbox{}` when there is no
 * boxed); the text after the last "he answer is"; after the last "final answer is"; after the FIRST
 * "答案是" up to a blank line; else the last number (`-?\d*\.?\d+`, Unicode digits, commas removed).
 * Then newlines, a leading ":" and a trailing "." or "/" are removed and `strip_string` applied.
 * Returns undefined when nothing was found (upstream returns "").
 */
export function extractMathAnswer(output: string, options: ExtractMathOptions = {}): string | undefined {
  let text = output.replaceAll('\u043a\u0438', '');
  if (options.dataName !== undefined && CHOICE_DATA.has(options.dataName)) return choiceAnswerClean(text);
  if (options.stripThinking !== false) {
    text = text.replace(/<think>[\s\S]*?<\/think>/gu, '');
    const close = text.lastIndexOf('</think>');
    if (close >= 0) text = text.slice(close + '</think>'.length);
    const open = text.indexOf('<think>');
    if (open >= 0) text = text.slice(0, open); // unterminated reasoning: no answer after it
  }
  let prediction: string;
  const boxed = lastBoxedContent(text);
  if (text.includes('final answer is $') && text.includes('$. I hope')) {
    const tail = text.slice(text.indexOf('final answer is $') + 'final answer is $'.length);
    prediction = pyStrip(tail.split('$. I hope')[0] ?? '');
  } else if (boxed !== undefined) {
    prediction = boxed;
  } else if (text.includes('he answer is')) {
    prediction = pyStrip(text.split('he answer is').at(-1) ?? '');
  } else if (text.includes('final answer is')) {
    prediction = pyStrip(text.split('final answer is').at(-1) ?? '');
  } else if (text.includes('答案是')) {
    prediction = pyStrip(pyStrip(text.split('答案是')[1] ?? '').split('\n\n')[0] ?? '');
  } else if (options.useLastNumber !== false) {
    const numbers = text.replaceAll(',', '').match(LAST_NUMBER);
    prediction = numbers?.at(-1) ?? '';
  } else {
    prediction = '';
  }
  prediction = prediction.replace(NEWLINE_THEN_SPACE, '');
  if (prediction.startsWith(':')) prediction = prediction.slice(1);
  if (prediction.endsWith('.')) prediction = prediction.slice(0, -1);
  if (prediction.endsWith('/')) prediction = prediction.slice(0, -1);
  if (options.normalize !== false) prediction = normalizeMathAnswer(prediction, { skipUnits: options.skipUnits === true });
  return prediction === '' ? undefined : prediction;
}
