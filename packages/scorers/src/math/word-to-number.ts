import { asciiDigits, pyIsDigitString, PY_WS } from './python.js';

const NUMBER_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, thousand: 1000, million: 1_000_000, billion: 1_000_000_000,
};
const DECIMAL_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

function formation(words: string[]): number {
  const numbers = words.map((word) => NUMBER_WORDS[word] ?? 0);
  const [a = Number.NaN, b = 0, c = 0, d = 0] = numbers;
  if (numbers.length === 0) throw new Error('empty');
  if (numbers.length === 4) return a * b + c + d;
  if (numbers.length === 3) return a * b + c;
  if (numbers.length === 2) return numbers.includes(100) ? a * b : a + b;
  return a;
}

/**
 * The `word2number` package's `w2n.word_to_num` as Qwen's `convert_word_number` uses it: the text
 * unchanged when it raises, else the number as Python's `str()` prints it. A digit string becomes its
 * `int` ("007" → "7"); any text containing number words is read as a number ("one and two" → "3").
 */
export function convertWordNumber(text: string): string {
  const sentence = text.replace(/-/gu, ' ').toLowerCase();
  if (pyIsDigitString(sentence)) return BigInt(asciiDigits(sentence)).toString();
  const words = sentence.split(new RegExp(`[${PY_WS}]+`, 'u')).filter((word) => word !== '');
  let clean = words.filter((word) => word in NUMBER_WORDS || word === 'point');
  if (clean.length === 0) return text;
  const count = (word: string) => clean.filter((item) => item === word).length;
  if (count('thousand') > 1 || count('million') > 1 || count('billion') > 1 || count('point') > 1) return text;
  let decimals: string[] = [];
  if (count('point') === 1) {
    const at = clean.indexOf('point');
    decimals = clean.slice(at + 1);
    clean = clean.slice(0, at);
  }
  const billion = clean.indexOf('billion');
  const million = clean.indexOf('million');
  const thousand = clean.indexOf('thousand');
  if ((thousand > -1 && (thousand < million || thousand < billion)) || (million > -1 && million < billion)) return text;
  let total = 0;
  try {
    if (clean.length === 1) {
      total += NUMBER_WORDS[clean[0] ?? ''] ?? Number.NaN;
    } else if (clean.length > 1) {
      if (billion > -1) total += formation(clean.slice(0, billion)) * 1e9;
      if (million > -1) total += formation(clean.slice(billion > -1 ? billion + 1 : 0, million)) * 1e6;
      if (thousand > -1) {
        const from = million > -1 ? million + 1 : billion > -1 ? billion + 1 : 0;
        total += formation(clean.slice(from, thousand)) * 1000;
      }
      if (thousand > -1 && thousand !== clean.length - 1) total += formation(clean.slice(thousand + 1));
      else if (thousand === -1 && million > -1 && million !== clean.length - 1) total += formation(clean.slice(million + 1));
      else if (thousand === -1 && million === -1 && billion > -1 && billion !== clean.length - 1) total += formation(clean.slice(billion + 1));
      else if (thousand === -1 && million === -1 && billion === -1) total += formation(clean);
    }
  } catch {
    return text;
  }
  if (Number.isNaN(total)) return text;
  if (decimals.length > 0) {
    if (decimals.every((word) => DECIMAL_WORDS.includes(word))) {
      const value = Number(`0.${decimals.map((word) => DECIMAL_WORDS.indexOf(word)).join('')}`);
      return String(total + value).replace(/^(\d+)$/u, '$1.0');
    }
  }
  return String(total);
}
