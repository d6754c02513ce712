import { describe, expect, it } from 'vitest';
import { ThinkTagSplitter, type SplitPiece } from './think-tags.js';

/** Feeds the chunks, then flushes; returns the joined reasoning and text. */
function split(chunks: string[]): { reasoning: string; text: string; pieces: SplitPiece[] } {
  const splitter = new ThinkTagSplitter();
  const pieces = [...chunks.flatMap((chunk) => splitter.push(chunk)), ...splitter.flush()];
  return {
    pieces,
    reasoning: pieces.filter((piece) => piece.type === 'reasoning').map((piece) => piece.delta).join(''),
    text: pieces.filter((piece) => piece.type === 'text').map((piece) => piece.delta).join(''),
  };
}

/** Every way of cutting `content` into two or three chunks. */
function everySplit(content: string): string[][] {
  const splits: string[][] = [[content]];
  for (let first = 1; first < content.length; first += 1) {
    splits.push([content.slice(0, first), content.slice(first)]);
    for (let second = first + 1; second < content.length; second += 1) {
      splits.push([content.slice(0, first), content.slice(first, second), content.slice(second)]);
    }
  }
  return splits;
}

describe('ThinkTagSplitter', () => {
  it('separates a leading <think> block from the answer, wherever the chunks are cut', () => {
    const content = '<think>\n2 + 2 is 4.\n</think>\n\nThe answer is 4.';
    for (const chunks of everySplit(content)) {
      expect(split(chunks), JSON.stringify(chunks)).toMatchObject({ reasoning: '2 + 2 is 4.', text: 'The answer is 4.' });
    }
  });

  it('passes content without a leading block through untouched, whitespace included', () => {
    for (const content of ['  The answer is 4.', 'The <think>answer</think> is 4.', '<thinking>not a tag</thinking>', '<', '\n']) {
      for (const chunks of everySplit(content)) expect(split(chunks), JSON.stringify(chunks)).toMatchObject({ reasoning: '', text: content });
    }
  });

  it('streams reasoning as it comes, holding back only what may be the closing tag', () => {
    const splitter = new ThinkTagSplitter();
    expect(splitter.push('<think>Let me')).toEqual([{ type: 'reasoning', delta: 'Let me' }]);
    expect(splitter.push(' think </th')).toEqual([{ type: 'reasoning', delta: ' think' }]);
    expect(splitter.push('inking is fun')).toEqual([{ type: 'reasoning', delta: ' </thinking is fun' }]);
    expect(splitter.push('</think>Yes')).toEqual([{ type: 'text', delta: 'Yes' }]);
    expect(splitter.push(' </think> stays')).toEqual([{ type: 'text', delta: ' </think> stays' }]);
  });

  it('keeps a block cut off before its end as reasoning, and an empty block as nothing', () => {
    expect(split(['<think>\nStill thinking when the tokens ran out'])).toMatchObject({ reasoning: 'Still thinking when the tokens ran out', text: '' });
    expect(split(['<think>\n\n</think>\n\n', 'Direct answer'])).toMatchObject({ reasoning: '', text: 'Direct answer' });
    expect(split(['  <thi'])).toMatchObject({ reasoning: '', text: '  <thi' });
  });
});
