import { fileURLToPath } from 'node:url';
import { defineSuite, type Sample, type Suite } from '@ladder/core';
import { jsFunctionTests } from '@ladder/scorers';
import { readItems } from '@ladder/datasets';

const DEFAULT_DATA = fileURLToPath(new URL('../data/demo-code.jsonl', import.meta.url));

/** A JavaScript identifier: the function the tests call. */
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** What the oracle answers: the reference solution in the fenced block the scorer extracts. */
export function fenced(code: string): string {
  return `\`\`\`js\n${code}\n\`\`\``;
}

/**
 * demo-code: 25 small JavaScript functions (string, array and number utilities) written for
 * Ladder. The model writes the function; hidden `assert` tests run it with node (see README.md).
 */
export const demoCode: Suite = defineSuite({
  id: 'demo-code',
  version: '1',
  description: '25 small JavaScript functions written for Ladder; passes when hidden node:assert tests exit 0',
  capabilities: ['code'],
  load(context) {
    return readItems(context.dataPath ?? DEFAULT_DATA, (fields): Sample => {
      const id = fields.string('id', 'a stable item id such as "c01"');
      const entryPoint = fields.matching('entryPoint', IDENTIFIER, 'the name of the function the tests call, e.g. "reverseWords"');
      const prompt = fields.string('prompt', 'the task description, including the function signature');
      const solution = fields.string('solution', 'a correct reference implementation: a complete function declaration');
      const tests = fields.string('tests', 'JavaScript statements using assert (node:assert/strict) that call the function');
      return { id, input: prompt, targets: [solution], metadata: { entryPoint, solution, tests } };
    });
  },
  prompt(sample) {
    const task = typeof sample.input === 'string' ? sample.input : '';
    return [
      {
        role: 'user',
        content:
          `${task}\n\n` +
          'Use plain modern JavaScript (no TypeScript, no imports, no external packages, no console output). ' +
          `Reply with the complete function declaration of \`${String(sample.metadata.entryPoint)}\`, plus any helpers it needs, ` +
          'in one fenced code block that starts with ```js and ends with ```.',
      },
    ];
  },
  generation: { temperature: 0, maxOutputTokens: 1024 },
  scorer: jsFunctionTests({ timeoutMs: 10_000 }),
  repeats: 1,
  oracleAnswer: (sample) => fenced(String(sample.metadata.solution)),
  // Random answers with some item's reference solution. Entry points are unique, so only the
  // sample's own solution defines the function its tests call: the chance score is exactly 1/n.
  chanceAnswers: (_sample, all) => all.map((item) => fenced(String(item.metadata.solution))),
  chanceScore: (_sample, all) => 1 / all.length,
});
