import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What one lab model writes for the sample whose prompt names "Hostile land": markup that must never run. */
export const HOSTILE_OUTPUT =
  '<script>window.__ladderPwned = 1; alert("script")</script><img src=x onerror="window.__ladderPwned = 2; alert(\'img\')"><a href="javascript:window.__ladderPwned = 3">click me</a> <iframe src="javascript:alert(4)"></iframe>';
export const HOSTILE_COUNTRY = '<script>window.__ladderPwned = 5</script>Hostile land';

export const CONFIG_SUITES = ['capitals', 'arith', 'logic', 'phrases'];
export const DEMO_SUITES = ['demo-math', 'demo-code', 'demo-language', 'demo-translation'];
export const LAB_MODELS = ['lab/spark-4.0', 'lab/spark-4.0-turbo'];

/**
 * A ladder.config.ts (a plain object: no imports, so it loads from any folder) with four small
 * suites and two LanguageModelV1 objects that answer right with a set probability (they ask for
 * the reference, as the built-in baselines do): spark-4.0 about 40% of the time, the turbo 85%.
 */
export function writeSiteFixture(directory: string): string {
  mkdirSync(join(directory, 'data'), { recursive: true });
  const lines = (rows: object[]) => `${rows.map((row) => JSON.stringify(row)).join('\n')}\n`;
  const countries = [
    ['fr', 'France', 'Paris'], ['de', 'Germany', 'Berlin'], ['it', 'Italy', 'Rome'], ['es', 'Spain', 'Madrid'], ['pt', 'Portugal', 'Lisbon'],
    ['jp', 'Japan', 'Tokyo'], ['cn', 'China', 'Beijing'], ['ke', 'Kenya', 'Nairobi'], ['pe', 'Peru', 'Lima'], ['eg', 'Egypt', 'Cairo'],
    ['xss', HOSTILE_COUNTRY, 'Nowhere'],
  ];
  writeFileSync(join(directory, 'data', 'capitals.jsonl'), lines(countries.map(([id, country, capital]) => ({ id, country, capital }))));
  writeFileSync(join(directory, 'data', 'arith.jsonl'), lines(Array.from({ length: 16 }, (_, index) => ({ id: `a${index}`, question: `What is ${index} + ${index * 3}?`, answer: String(index * 4) }))));
  writeFileSync(
    join(directory, 'data', 'logic.jsonl'),
    lines(Array.from({ length: 16 }, (_, index) => ({ id: `l${index}`, question: `Which option is number ${index % 4}?`, options: ['zero', 'one', 'two', 'three'], answer: 'ABCD'[index % 4] }))),
  );
  const phrases = ['the cat sleeps on the warm mat', 'rain falls softly over the hills', 'we walked to the market at dawn', 'the river runs past the old mill', 'bright stars fill the winter sky', 'a small boat drifts on the lake', 'children laugh in the green park', 'the train leaves at seven sharp', 'fresh bread smells of home', 'the wind turns the windmill slowly', 'snow covers the quiet village', 'birds sing before the storm'];
  writeFileSync(join(directory, 'data', 'phrases.jsonl'), lines(phrases.map((text, index) => ({ id: `p${index}`, source: text.toUpperCase(), target: text }))));
  const config = `
const HOSTILE = ${JSON.stringify(HOSTILE_OUTPUT)};
function hash(text) {
  let value = 2166136261;
  for (const character of text) { value ^= character.codePointAt(0); value = Math.imul(value, 16777619) >>> 0; }
  return value;
}
function labModel(modelId, accuracy, delayMs) {
  const model = {
    specificationVersion: 'v1', provider: 'lab', modelId, wantsReference: true, defaultConcurrency: 8,
    async doGenerate({ prompt, requestKey, reference }) {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      const last = prompt.at(-1)?.content ?? '';
      const chance = reference?.chanceAnswers ?? [];
      let text;
      if (last.includes('Hostile land')) text = HOSTILE;
      else if ((hash(modelId + requestKey) % 1000) / 1000 < accuracy) text = reference?.oracleAnswer ?? '';
      else text = chance.length > 0 ? chance[hash(requestKey + '/wrong') % chance.length] : 'no idea';
      return { text, finishReason: { unified: 'stop', raw: 'stop' }, usage: { inputTokens: Math.ceil(last.length / 4), outputTokens: Math.max(1, Math.ceil(text.length / 4)) } };
    },
    async doStream(options) {
      const result = await model.doGenerate(options);
      return { stream: (async function* () {
        yield { type: 'text-delta', delta: result.text };
        yield { type: 'finish', finishReason: result.finishReason, usage: result.usage };
      })() };
    },
  };
  return model;
}
export default {
  suites: [
    { id: 'capitals', capabilities: ['knowledge'], data: 'data/capitals.jsonl', idField: 'id', prompt: 'What is the capital of {{country}}? Answer with the city only.', target: 'capital', scorer: 'exact' },
    { id: 'arith', capabilities: ['math'], data: 'data/arith.jsonl', idField: 'id', prompt: '{{question}} Answer with the number.', target: 'answer', scorer: 'number' },
    { id: 'logic', capabilities: ['reasoning'], data: 'data/logic.jsonl', idField: 'id', prompt: '{{question}} A) zero B) one C) two D) three', target: 'answer', choices: 'options', scorer: 'choice' },
    { id: 'phrases', capabilities: ['translation'], data: 'data/phrases.jsonl', idField: 'id', prompt: 'Write in lower case: {{source}}', target: 'target', scorer: 'chrf-corpus' },
  ],
  models: { 'lab/spark-4.0': labModel('spark-4.0', 0.4, 4), 'lab/spark-4.0-turbo': labModel('spark-4.0-turbo', 0.85, 1) },
};
`;
  const path = join(directory, 'ladder.config.ts');
  writeFileSync(path, config);
  return path;
}
