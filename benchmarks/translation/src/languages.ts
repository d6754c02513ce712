import { UsageError } from '@ladder/core';
import type { BleuTokenizerName } from '@ladder/scorers/translation';

/**
 * Languages a translation suite can name in its pair: the name its prompt uses, and the BLEU
 * tokenizer for output in that language, chosen as sacreBLEU chooses by target language (`zh` for
 * Chinese, `13a` otherwise). sacreBLEU's Japanese and Korean defaults (ja-mecab, ko-mecab) need
 * MeCab, which Ladder does not ship: their output is scored with `char` (recorded in the signature).
 */
export interface Language {
  code: string;
  /** As a source language in the prompt ("Translate the following Chinese text"). */
  name: string;
  /** As a target language in the prompt ("into Simplified Chinese"). */
  targetName: string;
  tokenize: BleuTokenizerName;
}

const TABLE: Record<string, [name: string, targetName?: string, tokenize?: BleuTokenizerName]> = {
  zh: ['Chinese', 'Simplified Chinese', 'zh'],
  en: ['English'],
  de: ['German'],
  fr: ['French'],
  es: ['Spanish'],
  it: ['Italian'],
  pt: ['Portuguese'],
  nl: ['Dutch'],
  ru: ['Russian'],
  uk: ['Ukrainian'],
  cs: ['Czech'],
  pl: ['Polish'],
  tr: ['Turkish'],
  ar: ['Arabic'],
  he: ['Hebrew'],
  hi: ['Hindi'],
  vi: ['Vietnamese'],
  id: ['Indonesian'],
  ja: ['Japanese', 'Japanese', 'char'],
  ko: ['Korean', 'Korean', 'char'],
};

export const LANGUAGE_CODES = Object.keys(TABLE);

export function language(code: string): Language | undefined {
  const entry = TABLE[code];
  if (entry === undefined) return undefined;
  const [name, targetName, tokenize] = entry;
  return { code, name, targetName: targetName ?? name, tokenize: tokenize ?? '13a' };
}

/** `zh-en` as source and target languages; a one-line error for anything else. */
export function parsePair(pair: string, where = '--pair'): { source: Language; target: Language } {
  const match = /^([a-z]{2})-([a-z]{2})$/.exec(pair.trim());
  const source = match?.[1] === undefined ? undefined : language(match[1]);
  const target = match?.[2] === undefined ? undefined : language(match[2]);
  if (match === null || source === undefined || target === undefined || source.code === target.code) {
    throw new UsageError(`${where} ${pair}: expected <source>-<target> of two different language codes, e.g. zh-en; known codes: ${LANGUAGE_CODES.join(', ')}`);
  }
  return { source, target };
}
