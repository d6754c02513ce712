import { pyStrip } from '../python.js';

/** openai/grade-school-math `dataset.py` ANS_RE, and lm-eval gsm8k "strict-match": `#### (\-?[0-9\.\,]+)`. */
const ANS_RE = /#### (-?[0-9.,]+)/u;
/** lm-eval gsm8k "flexible-extract": `(-?[$0-9.,]{2,})|(-?[0-9]+)`, last match. */
const FLEXIBLE_RE = /(-?[$0-9.,]{2,})|(-?[0-9]+)/gu;

export const GSM8K_INVALID = '[invalid]';

/** grade-school-math `extract_answer`: the FIRST `#### <number>`, stripped, commas removed; else "[invalid]". */
export function gsm8kExtractAnswer(completion: string): string {
  const match = ANS_RE.exec(completion);
  if (match === null) return GSM8K_INVALID;
  return pyStrip(match[1] ?? '').replaceAll(',', '');
}

/** lm-eval gsm8k "strict-match" filter: the first `#### <number>` group, stripped (commas kept); else "[invalid]". */
export function gsm8kStrictMatch(response: string): string {
  const match = ANS_RE.exec(response);
  return match === null ? GSM8K_INVALID : pyStrip(match[1] ?? '');
}

/**
 * lm-eval gsm8k "flexible-extract" filter: `findall` of `(-?[$0-9.,]{2,})|(-?[0-9]+)`, the last match,
 * its first non-empty group, stripped; else "[invalid]".
 */
export function gsm8kFlexibleExtract(response: string): string {
  const matches = [...response.matchAll(FLEXIBLE_RE)];
  const last = matches.at(-1);
  if (last === undefined) return GSM8K_INVALID;
  const group = [last[1], last[2]].find((g) => g !== undefined && g !== '');
  return group === undefined ? GSM8K_INVALID : pyStrip(group);
}
