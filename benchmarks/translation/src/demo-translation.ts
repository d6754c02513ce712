import { fileURLToPath } from 'node:url';
import { defineSuite, type Sample, type Suite } from '@ladder/core';
import { chrf, chrfSentence } from '@ladder/scorers';
import { readItems } from '@ladder/datasets';
import { parsePair } from './languages.js';
import { translationPrompt } from './translation-prompt.js';

const DEFAULT_DATA = fileURLToPath(new URL('../data/demo-translation.jsonl', import.meta.url));

const DIRECTIONS = { 'zh-en': parsePair('zh-en'), 'en-zh': parsePair('en-zh') } as const;

type Direction = keyof typeof DIRECTIONS;

function directionOf(sample: Sample): Direction {
  return sample.metadata.direction === 'en-zh' ? 'en-zh' : 'zh-en';
}

/** The references of the items translated into the same language as `sample` (its own included). */
function sameTargetReferences(sample: Sample, all: readonly Sample[]): string[] {
  const direction = directionOf(sample);
  return all.filter((item) => directionOf(item) === direction).map((item) => item.targets[0] ?? '');
}

/**
 * demo-translation: 30 sentence pairs written for Ladder, 15 Chinese to English and 15 English
 * to Chinese; sentence-level chrF (sacreBLEU's default settings) against the reference.
 */
export const demoTranslation: Suite = defineSuite({
  id: 'demo-translation',
  version: '1',
  description: '30 sentences written for Ladder (15 zh-en, 15 en-zh); sentence-level chrF against one reference',
  capabilities: ['translation', 'language'],
  load(context) {
    return readItems(context.dataPath ?? DEFAULT_DATA, (fields): Sample => {
      const id = fields.string('id', 'a stable item id such as "t01"');
      const direction = fields.matching('direction', /^(zh-en|en-zh)$/, 'the translation direction: "zh-en" or "en-zh"');
      const source = fields.string('source', 'the sentence to translate');
      const reference = fields.string('reference', 'a reference translation of "source"');
      return { id, input: source, targets: [reference], metadata: { direction, source } };
    });
  },
  prompt(sample) {
    const { source, target } = DIRECTIONS[directionOf(sample)];
    return translationPrompt(source, target, typeof sample.input === 'string' ? sample.input : String(sample.metadata.source));
  },
  generation: { temperature: 0, maxOutputTokens: 256 },
  scorer: chrf(),
  repeats: 1,
  oracleAnswer: (sample) => sample.targets[0] ?? '',
  // Random answers with a reference in the right language (one of the same direction's items).
  chanceAnswers: sameTargetReferences,
  // Its expected score is the mean chrF of those answers against this sample's reference.
  chanceScore(sample, all) {
    const answers = sameTargetReferences(sample, all);
    if (answers.length === 0) return undefined;
    let total = 0;
    for (const answer of answers) total += chrfSentence(answer, sample.targets);
    return total / answers.length;
  },
});
