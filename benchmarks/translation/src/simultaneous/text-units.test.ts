import { describe, expect, it } from 'vitest';
import { firstUnits, joinPieces, targetSpans, unitRange } from './text-units.js';

describe('target units', () => {
  it('keeps the first words of a reply, whitespace normalised', () => {
    expect(firstUnits('  Heute\nspreche ich ', 'word', 2)).toEqual({ text: 'Heute spreche', units: ['Heute', 'spreche'] });
    expect(firstUnits('', 'word', 3)).toEqual({ text: '', units: [] });
  });

  it('counts Chinese by characters and keeps the spaces that separate Latin words and numbers', () => {
    const reference = '获得了 2016 年 iPhone 15';
    const spans = targetSpans(reference, 'char');
    const pieces = [0, 3, 4, 7, 8, 9, 14, 15].map((from, index, all) => unitRange(reference, spans, from, all[index + 1] ?? spans.length, 'char').text);
    expect(pieces).toEqual(['获得了', ' 2', '016', ' 年', ' i', 'Phone', ' 1', '5']);
    expect(joinPieces(pieces, 'char')).toBe(reference);
    expect(joinPieces(['a', 'b'], 'word')).toBe('a b');
  });
});
