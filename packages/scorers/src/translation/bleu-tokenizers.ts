import { pythonSplit, pythonStrip } from '../text/python-strings.js';
import { isSacrebleuChineseCharacter } from './chinese-characters.js';

/**
 * sacreBLEU 2.x's BLEU tokenizers (`sacrebleu/tokenizers/`), ported regex for regex; see
 * ../shared/SCORING.md §1.2. Each returns the tokens joined by single spaces, as upstream does.
 */
export const BLEU_TOKENIZERS = ['13a', 'intl', 'zh', 'char', 'none'] as const;
export type BleuTokenizerName = (typeof BLEU_TOKENIZERS)[number];

export function isBleuTokenizerName(name: string): name is BleuTokenizerName {
  return (BLEU_TOKENIZERS as readonly string[]).includes(name);
}

/** Python `' '.join(text.split())`. */
function normalizeSpaces(text: string): string {
  return pythonSplit(text).join(' ');
}

// mteval-v13a's language-dependent step (`tokenizer_re.py`). The first class is
// {|}~ [\]^_` space!"#$%& ()*+ :;<=>?@ and /; [0-9] is ASCII in Python's `re` too.
const SYMBOLS = /([\x7b-\x7e\x5b-\x60\x20-\x26\x28-\x2b\x3a-\x40\x2f])/gu;
const PERIOD_COMMA_AFTER_NON_DIGIT = /([^0-9])([.,])/gu;
const PERIOD_COMMA_BEFORE_NON_DIGIT = /([.,])([^0-9])/gu;
const DASH_AFTER_DIGIT = /([0-9])(-)/gu;

/** `TokenizerRegexp` before its whitespace normalisation: the four regexes of mteval-v13a. */
function spaceRegexp(line: string): string {
  return line
    .replace(SYMBOLS, ' $1 ')
    .replace(PERIOD_COMMA_AFTER_NON_DIGIT, '$1 $2 ')
    .replace(PERIOD_COMMA_BEFORE_NON_DIGIT, ' $1 $2')
    .replace(DASH_AFTER_DIGIT, '$1 $2 ');
}

/** `13a` before whitespace normalisation: mteval-v13a.pl, with its entity unescaping and the ' ' padding. */
function space13a(text: string): string {
  let line = text.replaceAll('<skipped>', '').replaceAll('-\n', '').replaceAll('\n', ' ');
  if (line.includes('&')) {
    line = line.replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>');
  }
  return spaceRegexp(` ${line} `);
}

// mteval-v14 international (`tokenizer_intl.py`, Python `regex` module). No padding: a final
// "2019." stays one token, as in mteval-v14.pl.
const PUNCTUATION_AFTER_NON_NUMBER = /(\P{N})(\p{P})/gu;
const PUNCTUATION_BEFORE_NON_NUMBER = /(\p{P})(\P{N})/gu;
const SYMBOL = /(\p{S})/gu;

function spaceIntl(text: string): string {
  return text.replace(PUNCTUATION_AFTER_NON_NUMBER, '$1 $2 ').replace(PUNCTUATION_BEFORE_NON_NUMBER, ' $1 $2').replace(SYMBOL, ' $1 ');
}

/**
 * `zh`: Python `strip()`, a space on each side of every character in sacreBLEU's Chinese ranges
 * (with their two buggy entries, see chinese-characters.ts), then the 13a regexes, with no
 * padding, entity unescaping or `-\n` joining.
 */
function spaceZh(text: string): string {
  let spaced = '';
  for (const character of pythonStrip(text)) {
    spaced += isSacrebleuChineseCharacter(character.codePointAt(0) as number) ? ` ${character} ` : character;
  }
  return spaceRegexp(spaced);
}

/** `char`: every code point is a token (spaces vanish when the result is split). */
function tokenizeChar(text: string): string {
  return Array.from(text).join(' ');
}

/** Each tokenizer's output up to its final `' '.join(line.split())`, which `split()` makes moot. */
const SPACERS: Record<BleuTokenizerName, (text: string) => string> = {
  '13a': space13a,
  intl: spaceIntl,
  zh: spaceZh,
  char: tokenizeChar,
  none: (text) => text,
};

const TOKENIZERS: Record<BleuTokenizerName, (text: string) => string> = {
  '13a': (text) => normalizeSpaces(space13a(text)),
  intl: (text) => normalizeSpaces(spaceIntl(text)),
  zh: (text) => normalizeSpaces(spaceZh(text)),
  char: tokenizeChar,
  none: (text) => text,
};

/** The tokenizer of that name, as sacreBLEU's tokenizer objects (without BLEU's lowercasing and `rstrip`). */
export function bleuTokenizer(name: BleuTokenizerName): (text: string) => string {
  return TOKENIZERS[name];
}

/** The tokens of the line (`tokenizer(line).split()`). */
export function bleuTokenize(name: BleuTokenizerName, line: string): string[] {
  return pythonSplit(SPACERS[name](line));
}
