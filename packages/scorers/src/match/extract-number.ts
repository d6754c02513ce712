import { foldText } from '../text/normalize.js';

// A number as models write it: sign, thousands groups or plain digits, decimals, an optional
// "/denominator" for a fraction.
const NUMBER = String.raw`[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s*/\s*\d+)?|[-−]?\.\d+`;

// Answer phrases, strongest first: the last occurrence of the first kind that appears wins.
const ANSWER_PATTERNS: RegExp[] = [
  new RegExp(String.raw`\\boxed\{\s*\$?\s*(${NUMBER})`, 'gu'),
  new RegExp(String.raw`####\s*\$?\s*(${NUMBER})`, 'gu'),
  new RegExp(String.raw`answer\s*(?:is|:)\s*[:：]?\s*\**\s*\$?\s*(${NUMBER})`, 'giu'),
  new RegExp(String.raw`答案\s*(?:是|为|為|[:：])\s*[:：]?\s*\$?\s*(${NUMBER})`, 'gu'),
];
const ANY_NUMBER = new RegExp(NUMBER, 'gu');

/**
 * The number a model gives as its answer: after `\boxed{}`, `####`, "The answer is" or
 * "答案是" (last occurrence), else the last number in the text. Returns the text of the number
 * as written, or undefined when there is none.
 */
export function extractAnswerNumber(output: string): string | undefined {
  const text = foldText(output);
  for (const pattern of ANSWER_PATTERNS) {
    const matches = [...text.matchAll(pattern)];
    const last = matches[matches.length - 1];
    if (last?.[1] !== undefined) return last[1];
  }
  const all = text.match(ANY_NUMBER);
  return all?.[all.length - 1];
}

/** The value of a number as written ("1,234.5", "−3", "3/4"); NaN when it is not one. */
export function parseNumber(text: string): number {
  const cleaned = foldText(text).replace(/[−]/gu, '-').replace(/^\$/u, '').replace(/%$/u, '').replace(/,(?=\d{3}\b)/gu, '').replace(/\s+/gu, '');
  const fraction = /^(-?\d+(?:\.\d+)?)\/(\d+)$/u.exec(cleaned);
  if (fraction !== null) {
    const denominator = Number(fraction[2]);
    return denominator === 0 ? Number.NaN : Number(fraction[1]) / denominator;
  }
  return /^-?(?:\d+(?:\.\d+)?|\.\d+)$/u.test(cleaned) ? Number(cleaned) : Number.NaN;
}
