import type { Sample } from '@ladder/core';
import { describe, expect, it } from 'vitest';
import { circularBaseId, circularCorrect, circularVariants } from './circular.js';

const sample: Sample = { id: 'physics/3', input: 'Q?', targets: ['B'], choices: ['w', 'x', 'y', 'z'], metadata: { subject: 'physics' } };

describe('circularVariants', () => {
  const variants = circularVariants(sample);

  it('gives n rotations with ids #rot0..#rot3', () => {
    expect(variants.map((variant) => variant.id)).toEqual(['physics/3#rot0', 'physics/3#rot1', 'physics/3#rot2', 'physics/3#rot3']);
    expect(variants[0]?.choices).toEqual(['w', 'x', 'y', 'z']);
    expect(variants[1]?.choices).toEqual(['x', 'y', 'z', 'w']);
    expect(variants[3]?.choices).toEqual(['z', 'w', 'x', 'y']);
  });

  it('moves the target letter with its option', () => {
    for (const variant of variants) {
      const letter = variant.targets[0] ?? '';
      expect(variant.choices?.['ABCD'.indexOf(letter)], variant.id).toBe('x');
    }
    expect(variants.map((variant) => variant.targets[0])).toEqual(['B', 'A', 'D', 'C']);
  });

  it('keeps metadata and records the rotation; leaves the original untouched', () => {
    expect(variants[2]?.metadata).toEqual({ subject: 'physics', circular: { of: 'physics/3', rotation: 2 } });
    expect(sample.choices).toEqual(['w', 'x', 'y', 'z']);
    expect(sample.id).toBe('physics/3');
  });

  it('returns a sample without choices unchanged', () => {
    const open: Sample = { id: 'o', input: 'Q?', targets: ['42'], metadata: {} };
    expect(circularVariants(open)).toEqual([open]);
  });
});

describe('circularCorrect', () => {
  it('is 1 only when every rotation is right', () => {
    expect(
      circularCorrect({ 'a#rot0': 1, 'a#rot1': 1, 'a#rot2': 1, 'a#rot3': 1, 'b#rot0': 1, 'b#rot1': 0, 'b#rot2': 1, 'b#rot3': 1, 'c#rot0': 1, 'c#rot1': undefined }),
    ).toEqual({ a: 1, b: 0, c: 0 });
  });
  it('treats an unsuffixed id as a single rotation', () => {
    expect(circularCorrect({ plain: 1, wrong: 0 })).toEqual({ plain: 1, wrong: 0 });
    expect(circularBaseId('x/1#rot12')).toBe('x/1');
  });
});
