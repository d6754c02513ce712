import { join } from 'node:path';
import type { Capability, ChatMessage } from '@ladder/core';
import { writeSyntheticRun, type SyntheticSuite } from '@ladder/report/testing';
import { chrfSegmentStatistics, chrfSentence, createRng } from '@ladder/scorers';

/** 14 suites as a launch post's table has them: 12 scored right/wrong, 2 translation suites with corpus chrF. */
export function syntheticSuites(samples: number): SyntheticSuite[] {
  const tags: [string, Capability[]][] = [
    ['gsm8k', ['math', 'reasoning']],
    ['math500', ['math', 'reasoning']],
    ['aime24', ['math', 'reasoning']],
    ['cmath', ['math']],
    ['humaneval', ['code']],
    ['mbpp', ['code']],
    ['mmlu', ['knowledge']],
    ['cmmlu', ['knowledge']],
    ['ceval', ['knowledge']],
    ['hellaswag', ['language', 'reasoning']],
    ['arc', ['reasoning']],
    ['drop', ['language']],
  ];
  return [
    ...tags.map(([id, capabilities]) => ({ id, capabilities, samples })),
    ...['flores-zh-en', 'wmt23-en-zh'].map((id) => ({ id, capabilities: ['translation' as const, 'language' as const], samples, metric: 'chrF', metricKind: 'corpus' as const, metricScale: 100 })),
  ];
}

const WORDS = 'the model answers each question with a short explanation and then the final result in a box so that the grader can read it'.split(' ');

export function syntheticPrompt(suite: SyntheticSuite, index: number): ChatMessage[] {
  const random = createRng(`${suite.id}/${index}`);
  const words = Array.from({ length: 70 }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
  return [
    { role: 'system', content: 'You are a careful assistant. Think step by step.' },
    { role: 'user', content: `Problem ${index} of ${suite.id}: ${words}?` },
  ];
}

/** Writes `runs` run directories that split `models` models between them, every model on every suite. */
export function writeSyntheticBoard(options: { directory: string; runs: number; models: number; samples: number }): string[] {
  const suites = syntheticSuites(options.samples);
  const models = Array.from({ length: options.models }, (_, index) => `lab/model-${String(index + 1).padStart(2, '0')}`);
  const perRun = Math.ceil(models.length / options.runs);
  const directories: string[] = [];
  for (let run = 0; run < options.runs; run += 1) {
    const directory = join(options.directory, `run-${run + 1}`);
    const runModels = models.slice(run * perRun, (run + 1) * perRun);
    writeSyntheticRun({
      directory,
      suites,
      models: runModels,
      prompt: syntheticPrompt,
      sample: ({ suite, model, index }) => {
        const skill = 0.35 + 0.5 * (models.indexOf(model) / models.length);
        const random = createRng(`${suite.id}/${model}/${index}`);
        const totalMs = 400 + random() * 2000 * (1 + models.indexOf(model) / 5);
        const reference = `${WORDS.slice(index % 7, (index % 7) + 12).join(' ')}.`;
        if (suite.metricKind === 'corpus') {
          const hypothesis = random() < skill ? reference : `${WORDS.slice((index + 3) % 9, ((index + 3) % 9) + 10).join(' ')}.`;
          return { score: chrfSentence(hypothesis, [reference]), statistics: chrfSegmentStatistics(hypothesis, [reference]), output: hypothesis, answer: hypothesis, totalMs, firstTokenMs: totalMs / 8, outputTokensPerSecond: 30 + random() * 40 };
        }
        const right = random() < skill;
        const output = `Let me work through problem ${index}. ${WORDS.join(' ')}. So the answer is \\boxed{${right ? index : index + 1}}.`;
        return { score: right ? 1 : 0, output, answer: String(right ? index : index + 1), totalMs, firstTokenMs: totalMs / 8, outputTokensPerSecond: 30 + random() * 40 };
      },
    });
    directories.push(directory);
  }
  return directories;
}
