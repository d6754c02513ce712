import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractChoice } from '../match/extract-choice.js';
import {
  cevalExtractAnswer,
  cmmluExtractChoice,
  lmEvalMmluGenerativeFilter,
  opencompassCmmluCotExtract,
  opencompassFirstCapital,
  opencompassFirstOption,
  opencompassMmluSimpleEvalsExtract,
  simpleEvalsGpqaExtract,
  simpleEvalsMmluExtract,
} from './reference-extractors.js';

const VECTOR_FILE = fileURLToPath(new URL('../../../../../shared/vectors/mcq_extraction_vectors.json', import.meta.url));

type Vector = Record<string, string | null> & { response: string };

/** Each vector field names the reference extractor that computed it. Python None is `null`, here `undefined`. */
const EXTRACTORS: Record<string, (response: string) => string | undefined> = {
  simple_evals_mmlu: simpleEvalsMmluExtract,
  simple_evals_gpqa_ANSWER_PATTERN_MULTICHOICE: simpleEvalsGpqaExtract,
  opencompass_first_option_postprocess_ABCD: (response) => opencompassFirstOption(response, 'ABCD'),
  opencompass_first_capital_postprocess: opencompassFirstCapital,
  opencompass_mmlu_simple_evals_pattern: opencompassMmluSimpleEvalsExtract,
  opencompass_cmmlu_0shot_cot_pattern: opencompassCmmluCotExtract,
  // The vector file seeds Python's random with 0 before each call: randint(0, 3) → 3 → "D".
  cmmlu_extract_choice: (response) => cmmluExtractChoice(response, { fallback: () => 'D' }),
  ceval_extract_ans_last: cevalExtractAnswer,
  lmeval_mmlu_generative_filtered: lmEvalMmluGenerativeFilter,
};

describe.skipIf(!existsSync(VECTOR_FILE))('mcq_extraction_vectors.json', () => {
  const vectors = (JSON.parse(readFileSync(VECTOR_FILE, 'utf8')) as { vectors: Vector[] }).vectors;

  it('has 26 responses, each with all 9 reference extractors', () => {
    expect(vectors).toHaveLength(26);
    for (const vector of vectors) expect(Object.keys(vector).filter((key) => key !== 'response').sort()).toEqual(Object.keys(EXTRACTORS).sort());
  });

  const cases = vectors.flatMap((vector) => Object.keys(EXTRACTORS).map((name) => [name, vector.response, vector[name] ?? undefined] as const));
  it.each(cases)('%s(%j) → %j', (name, response, expected) => {
    expect(EXTRACTORS[name]?.(response)).toBe(expected);
  });
});

describe('reference extractor quirks', () => {
  it('OpenCompass: the cushion pattern catches the A of "Answer"', () => {
    expect(opencompassFirstOption('Answer: \\boxed{C}')).toBe('A');
    expect(opencompassFirstCapital('The answer is (A)')).toBe('T');
    expect(opencompassFirstCapital('Ｃ is it')).toBe('Ｃ');
  });
  it('OpenCompass: the glued 故选/只有 pattern needs both halves', () => {
    // '故选?\s*([ABCD])只有选?项?\s?([ABCD])\s?是?对' — so "故选B" is caught only by '选择?\s*(...)'.
    expect(opencompassFirstOption('故B只有A对')).toBe('B');
  });
  it('CMMLU: the first character wins, and the fallback is injectable', () => {
    expect(cmmluExtractChoice('Answer: B')).toBe('A');
    expect(cmmluExtractChoice('no idea', { fallback: () => 'C' })).toBe('C');
    expect(['A', 'B', 'C', 'D']).toContain(cmmluExtractChoice('no idea'));
    expect(cmmluExtractChoice('我认为A和B中B当选')).toBe('B');
  });
  it('C-Eval: the last hit of the first pattern with hits; empty is undefined', () => {
    expect(cevalExtractAnswer('我认为答案是B，不对，答案是C')).toBe('C');
    expect(cevalExtractAnswer('   ')).toBeUndefined();
  });
  it('simple-evals: lowercase letters are captured (and later fail the comparison)', () => {
    expect(simpleEvalsMmluExtract('Answer: c')).toBe('c');
    expect(simpleEvalsMmluExtract('Answer: $\\boxed{D}$')).toBe('D');
  });
});

describe('extractChoice on the vector responses (Ladder rule)', () => {
  it.each([
    ['Answer: B', 'B'],
    ['answer:  $C$', 'C'],
    ['**Answer:** D', 'D'],
    ['The answer is (A).', 'A'],
    ["Let's think. ... Therefore the answer is B.\nAnswer: B", 'B'],
    ['Answer: \\boxed{C}', 'C'],
    ['A', 'A'],
    ['B. Paris', 'B'],
    ["I think it's C because...", 'C'],
    ['答案：C', 'C'],
    ['答案是 B。', 'B'],
    ['答案: D', 'D'],
    ['故选A', 'A'],
    ['选项B正确', 'B'],
    ['正确答案是C', 'C'],
    ['A、B、C都不对，答案是D', 'D'],
    ['The correct answer is option (D)', 'D'],
    ['Answer: Ｃ', 'C'],
    ['解答: B', 'B'],
    ['None of A, B is right; answer C', 'C'],
    ['the answer is c', 'C'],
    ['(C) is correct', 'C'],
    ['answer: e', undefined],
    ['Final Answer: A', 'A'],
    ['B\n\nExplanation: A is wrong', 'B'],
    ['There is no answer.', undefined],
  ])('%j → %j', (response, expected) => expect(extractChoice(response, 4)).toBe(expected));
});
