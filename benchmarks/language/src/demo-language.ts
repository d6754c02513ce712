import { fileURLToPath } from 'node:url';
import { defineSuite, type Sample, type Suite } from '@ladder/core';
import { choiceMatch } from '@ladder/scorers';
import { readItems } from '@ladder/datasets';

const DEFAULT_DATA = fileURLToPath(new URL('../data/demo-language.jsonl', import.meta.url));

const LETTERS = ['A', 'B', 'C', 'D'] as const;

/**
 * demo-language: 40 four-option multiple-choice questions (vocabulary, grammar, one-sentence
 * reading, idioms, common sense; 10 in Chinese) written for Ladder (see README.md).
 */
export const demoLanguage: Suite = defineSuite({
  id: 'demo-language',
  version: '1',
  description: '40 four-option language questions written for Ladder (30 English, 10 Chinese); answer-letter match',
  capabilities: ['language', 'knowledge'],
  load(context) {
    return readItems(context.dataPath ?? DEFAULT_DATA, (fields): Sample => {
      const id = fields.string('id', 'a stable item id such as "l01"');
      const question = fields.string('question', 'the question text');
      const choices = fields.strings('choices', LETTERS.length, 'the four options, in order A to D');
      const answer = fields.matching('answer', /^[A-D]$/, 'the letter of the right option: "A", "B", "C" or "D"');
      return { id, input: question, targets: [answer], choices, metadata: { question } };
    });
  },
  prompt(sample) {
    const question = typeof sample.input === 'string' ? sample.input : String(sample.metadata.question);
    const options = (sample.choices ?? []).map((choice, index) => `${LETTERS[index] ?? '?'}. ${choice}`).join('\n');
    return [
      {
        role: 'user',
        content:
          'Answer the following multiple-choice question. Exactly one option is correct.\n\n' +
          `${question}\n\n${options}\n\n` +
          'You may reason briefly, then end your reply with a last line of the form "Answer: X", ' +
          'where X is the letter (A, B, C or D) of the correct option.',
      },
    ];
  },
  generation: { temperature: 0, maxOutputTokens: 512 },
  scorer: choiceMatch(),
  repeats: 1,
  oracleAnswer: (sample) => `Answer: ${sample.targets[0] ?? ''}`,
});
