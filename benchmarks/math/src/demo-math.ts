import { fileURLToPath } from 'node:url';
import { defineSuite, type Sample, type Suite } from '@ladder/core';
import { numericMatch } from '@ladder/scorers';
import { readItems } from '@ladder/datasets';

const DEFAULT_DATA = fileURLToPath(new URL('../data/demo-math.jsonl', import.meta.url));

/** Integers or plain decimals, optionally negative: what `numericMatch` compares exactly. */
const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * demo-math: 40 short grade-school word problems (8 of them in Chinese) written for Ladder.
 * Zero-shot: the model works step by step and ends with "The answer is N." (see README.md).
 */
export const demoMath: Suite = defineSuite({
  id: 'demo-math',
  version: '1',
  description: '40 grade-school word problems written for Ladder (32 English, 8 Chinese); numeric answer match',
  capabilities: ['math', 'reasoning'],
  load(context) {
    return readItems(context.dataPath ?? DEFAULT_DATA, (fields): Sample => {
      const id = fields.string('id', 'a stable item id such as "m001"');
      const question = fields.string('question', 'the word problem, as text');
      const answer = fields.matching('answer', NUMBER, 'the final answer as a string holding an integer or decimal, e.g. "42" or "0.375"');
      return { id, input: question, targets: [answer], metadata: { question } };
    });
  },
  prompt(sample) {
    return [
      {
        role: 'user',
        content:
          'Solve the following math word problem. Think step by step, then write the final answer ' +
          'as a number alone on the last line, in exactly this form: "The answer is N." ' +
          '(no units, no currency signs).\n\n' +
          `Problem: ${typeof sample.input === 'string' ? sample.input : String(sample.metadata.question)}`,
      },
    ];
  },
  generation: { temperature: 0, maxOutputTokens: 1024 },
  scorer: numericMatch(),
  repeats: 1,
  oracleAnswer: (sample) => `The answer is ${sample.targets[0] ?? ''}.`,
});
