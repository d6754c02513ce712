import { pythonSplit } from '../text/python-strings.js';

/**
 * sacreBLEU's `TercomTokenizer` (`sacrebleu/tokenizers/tokenizer_ter.py`, a port of Tercom's
 * Normalizer.java); see ../shared/SCORING.md §1.5. With every option off it only lowercases and
 * normalises whitespace.
 */
export interface TercomOptions {
  /** Tercom normalisation: punctuation split off, `'s` split, XML entities unescaped (default false). */
  normalized?: boolean;
  /** Remove punctuation (default false). */
  noPunct?: boolean;
  /** With `normalized`: split CJK characters; with `noPunct`: remove CJK and full-width punctuation (default false). */
  asianSupport?: boolean;
  /** Keep case (default false: TER lowercases). */
  caseSensitive?: boolean;
}

const ASIAN_PUNCTUATION = /([\u3001\u3002\u3008-\u3011\u3014-\u301f\uff61-\uff65\u30fb])/gu;
const FULL_WIDTH_PUNCTUATION = /([\uff0e\uff0c\uff1f\uff1a\uff1b\uff01\uff02\uff08\uff09])/gu;

function normalizeGeneralAndWestern(text: string): string {
  let sentence = text.replaceAll('\n-', '').replaceAll('\n', ' ');
  sentence = sentence.replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>');
  sentence = ` ${sentence} `;
  // {|}~ [\]^_` space!"#$%& ()*+ :;<=>?@ and /, as in mteval-v13a.
  sentence = sentence.replace(/([\x7b-\x7e\x5b-\x60\x20-\x26\x28-\x2b\x3a-\x40\x2f])/gu, ' $1 ');
  // Possessives. Upstream's `'s$` cannot match: the padding leaves a space at the end.
  sentence = sentence.replaceAll("'s ", " 's ");
  sentence = sentence.replace(/([^0-9])([.,])/gu, '$1 $2 ');
  sentence = sentence.replace(/([.,])([^0-9])/gu, ' $1 $2');
  return sentence.replace(/([0-9])(-)/gu, '$1 $2 ');
}

function normalizeAsian(text: string): string {
  let sentence = text.replace(/([\u4e00-\u9fff\u3400-\u4dbf])/gu, ' $1 ');
  sentence = sentence.replace(/([\u31c0-\u31ef\u2e80-\u2eff])/gu, ' $1 ');
  sentence = sentence.replace(/([\u3300-\u33ff\uf900-\ufaff\ufe30-\ufe4f])/gu, ' $1 ');
  sentence = sentence.replace(/([\u3200-\u3f22])/gu, ' $1 ');
  // Upstream's kana rules split a run only when it spans the whole line from its start; after
  // the padding of `normalized` the line starts with a space, so they never apply. Kept as written.
  sentence = sentence.replace(/(^|^[\u3040-\u309f])([\u3040-\u309f]+)(?=$|^[\u3040-\u309f])/gu, '$1 $2 ');
  sentence = sentence.replace(/(^|^[\u30a0-\u30ff])([\u30a0-\u30ff]+)(?=$|^[\u30a0-\u30ff])/gu, '$1 $2 ');
  sentence = sentence.replace(/(^|^[\u31f0-\u31ff])([\u31f0-\u31ff]+)(?=$|^[\u31f0-\u31ff])/gu, '$1 $2 ');
  return sentence.replace(ASIAN_PUNCTUATION, ' $1 ').replace(FULL_WIDTH_PUNCTUATION, ' $1 ');
}

/** The tokenized line, tokens joined by single spaces. */
export function tercomTokenize(text: string, options: TercomOptions = {}): string {
  if (text === '') return '';
  let sentence = options.caseSensitive === true ? text : text.toLowerCase();
  if (options.normalized === true) {
    sentence = normalizeGeneralAndWestern(sentence);
    if (options.asianSupport === true) sentence = normalizeAsian(sentence);
  }
  if (options.noPunct === true) {
    sentence = sentence.replace(/[.,?:;!"()]/gu, '');
    if (options.asianSupport === true) sentence = sentence.replace(ASIAN_PUNCTUATION, '').replace(FULL_WIDTH_PUNCTUATION, '');
  }
  return pythonSplit(sentence).join(' ');
}
