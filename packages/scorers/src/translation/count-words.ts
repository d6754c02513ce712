import { bleuTokenize } from './bleu-tokenizers.js';

const WORD_LIKE = /[\p{L}\p{N}]/u;

/**
 * Words in a text, for throughput (words per second): the tokens of sacreBLEU's `zh` tokenizer
 * that hold a letter or a digit. So each Chinese character (and each character of the other CJK
 * ranges that tokenizer splits) counts as one word, English words count once with their
 * punctuation split off ("Hello, world!" is 2 words), and punctuation alone is no word.
 */
export function countWords(text: string): number {
  let count = 0;
  for (const token of bleuTokenize('zh', text)) if (WORD_LIKE.test(token)) count += 1;
  return count;
}
