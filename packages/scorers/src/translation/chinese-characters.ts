/**
 * The characters sacreBLEU's `zh` tokenizer splits off (`_UCODE_RANGES` of
 * `sacrebleu/tokenizers/tokenizer_zh.py`), compared as upstream compares them.
 *
 * Two upstream entries, `('\u20000', '\u2a6d6')` and `('\u2f800', '\u2fa1d')`, were meant as CJK
 * Extension B and the Compatibility Supplement, but `\uXXXX` takes four hex digits, so they are
 * two-character strings. `start <= ch <= end` on one character then holds for U+2001..U+2A6D
 * (General Punctuation such as — “ ” …, arrows, maths operators) and U+2F81..U+2FA1, and never
 * for a character above U+FFFF. We keep that behaviour: it is what every published sacreBLEU
 * `tok:zh` score used.
 */
const RANGES: readonly (readonly [number, number])[] = [
  [0x3400, 0x4db5], // CJK Unified Ideographs Extension A
  [0x4e00, 0x9fa5], // CJK Unified Ideographs
  [0x9fa6, 0x9fbb], // CJK Unified Ideographs, Unicode 4.1
  [0xf900, 0xfa2d], // CJK Compatibility Ideographs
  [0xfa30, 0xfa6a],
  [0xfa70, 0xfad9],
  [0x2001, 0x2a6d], // upstream's ('\u20000', '\u2a6d6') as Python compares it
  [0x2f81, 0x2fa1], // upstream's ('\u2f800', '\u2fa1d') as Python compares it
  [0xff00, 0xffef], // full-width ASCII and punctuation, half-width kana, Hangul
  [0x2e80, 0x2eff], // CJK Radicals Supplement
  [0x3000, 0x303f], // CJK punctuation
  [0x31c0, 0x31ef], // CJK strokes
  [0x2f00, 0x2fdf], // Kangxi Radicals
  [0x2ff0, 0x2fff], // ideographic description characters
  [0x3100, 0x312f], // Bopomofo
  [0x31a0, 0x31bf], // Bopomofo Extended
  [0xfe10, 0xfe1f], // vertical forms
  [0xfe30, 0xfe4f], // CJK compatibility forms
  [0x2600, 0x26ff], // miscellaneous symbols
  [0x2700, 0x27bf], // dingbats
  [0x3200, 0x32ff], // enclosed CJK letters and months
  [0x3300, 0x33ff], // CJK compatibility
];

/** One flag per BMP code point: the ranges all lie below U+10000. */
const TABLE = (() => {
  const table = new Uint8Array(0x10000);
  for (const [start, end] of RANGES) table.fill(1, start, end + 1);
  return table;
})();

/** Whether sacreBLEU's `zh` tokenizer puts spaces around this code point. */
export function isSacrebleuChineseCharacter(codePoint: number): boolean {
  return codePoint < 0x10000 && TABLE[codePoint] === 1;
}
