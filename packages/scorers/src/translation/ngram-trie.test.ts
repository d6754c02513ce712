import { describe, expect, it } from 'vitest';
import { createRng } from '../stats/random.js';
import { countSequence, NgramTrie, takeMatches } from './ngram-trie.js';

/** Σ min(count in a, count in b) per order, by string keys: the definition the trie must reproduce. */
function clippedByStrings(hypothesis: number[], reference: number[], maxOrder: number): number[] {
  return Array.from({ length: maxOrder }, (_, index) => {
    const order = index + 1;
    const counts = (sequence: number[]) => {
      const map = new Map<string, number>();
      for (let start = 0; start + order <= sequence.length; start += 1) {
        const key = sequence.slice(start, start + order).join(',');
        map.set(key, (map.get(key) ?? 0) + 1);
      }
      return map;
    };
    const referenceCounts = counts(reference);
    let total = 0;
    for (const [key, count] of counts(hypothesis)) total += Math.min(count, referenceCounts.get(key) ?? 0);
    return total;
  });
}

describe('NgramTrie', () => {
  it('gives the clipped matches of string-keyed counting, also when it grows and is reused', () => {
    const random = createRng('ngram-trie');
    const trie = new NgramTrie();
    for (const [length, alphabet] of [[5, 3], [400, 4], [3000, 30], [50, 2]] as const) {
      const draw = () => Array.from({ length }, () => Math.floor(random() * alphabet) + 0x4e00);
      const hypothesis = draw();
      const reference = draw();
      trie.clear();
      countSequence(trie, reference, 6);
      expect(takeMatches(trie, hypothesis, 6, trie.counts)).toEqual(clippedByStrings(hypothesis, reference, 6));
    }
  });

  it('lists the nodes it counted', () => {
    const trie = new NgramTrie();
    const touched: number[] = [];
    countSequence(trie, [1, 2, 1], 2, touched);
    expect(touched).toHaveLength(5);
    expect(trie.size).toBe(5);
  });
});
