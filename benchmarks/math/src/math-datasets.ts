import type { PinnedGithubFile } from './locate-data.js';
import { scalarText, stripDollars, type MathDataset, type MathRow } from './math-suite.js';

/** QwenLM/Qwen2.5-Math `evaluation/data/` at the commit the shared copies were taken from. */
function qwen(path: string, sha256: string): PinnedGithubFile {
  return { repo: 'QwenLM/Qwen2.5-Math', commit: 'a45202bd16f1ec06f433442dc1152d0074773465', path: `evaluation/data/${path}`, sha256 };
}

/** inclusionAI/AReaL `evaluation/data/` (MATH-500 and AIME 2025, which Qwen2.5-Math's snapshot lacks). */
function areal(path: string, sha256: string): PinnedGithubFile {
  return { repo: 'inclusionAI/AReaL', commit: 'f55fe685c661b0117d888fcae47d6f46e9a85087', path: `evaluation/data/${path}`, sha256 };
}

const question = (row: MathRow, field = 'question') => row.fields.string(field, 'the problem text');
const rowIndex = (row: MathRow) => String(row.index);
/** The multiple-choice letter when the row has one, else the answer (Qwen2.5-Math's rule for these sets). */
const choiceOrAnswer = (row: MathRow) => {
  const letter = row.value.choice_answer;
  return typeof letter === 'string' && letter.trim() !== '' ? letter.trim() : scalarText(row, 'answer', 'the reference answer');
};

export const gsm8kDataset: MathDataset = {
  id: 'gsm8k',
  description: 'GSM8K test: 1,319 grade-school word problems (openai/grade-school-math); numeric answer after ####',
  file: 'test.jsonl',
  source: {
    repo: 'openai/grade-school-math',
    commit: '3101c7d5072418e28b9008a6636bde82a006892c',
    path: 'grade_school_math/data/test.jsonl',
    sha256: '3730d312f6e3440559ace48831e51066acaca737f6eabec99bccb9e4b3c39d14',
  },
  rows: 1319,
  items: 1319,
  read(row) {
    const solution = row.fields.string('answer', 'the worked solution ending in "#### <number>"');
    const match = /#### (-?[0-9.,]+)/.exec(solution);
    if (match?.[1] === undefined) throw row.fields.error('answer', 'has no "#### <number>" final answer', 'the worked solution ending in "#### <number>"');
    return { id: rowIndex(row), question: question(row), answer: match[1].replaceAll(',', '').trim(), metadata: { solution } };
  },
};

export const math500Dataset: MathDataset = {
  id: 'math500',
  description: 'MATH-500: the 500-problem test subset of MATH from PRM800K (Lightman et al.); LaTeX answers',
  file: 'test.jsonl',
  source: areal('math_500/test.jsonl', '35dc41080a3680858b27fa7e0533d2d547825316fc5dafe5d316f4ccc5a06132'),
  rows: 500,
  items: 500,
  read(row) {
    return {
      id: row.fields.string('unique_id', 'the MATH item id, e.g. "test/algebra/2584.json"'),
      question: question(row, 'problem'),
      answer: scalarText(row, 'answer', 'the reference answer in LaTeX'),
      metadata: { subject: row.value.subject, level: row.value.level, solution: row.value.solution },
    };
  },
};

export const aime24Dataset: MathDataset = {
  id: 'aime24',
  description: 'AIME 2024 I and II: 30 problems with integer answers 0-999 (Qwen2.5-Math evaluation data)',
  file: 'test.jsonl',
  source: qwen('aime24/test.jsonl', 'af2b8bd2aa911b6333ad0df32f3ca05c7ae8ed10f1731f4372c8ae26990bf7ac'),
  rows: 30,
  items: 30,
  read(row) {
    return {
      id: scalarText(row, 'id', 'the item id'),
      question: question(row, 'problem'),
      answer: scalarText(row, 'answer', 'the integer answer'),
      metadata: { url: row.value.url },
    };
  },
};

export const aime25Dataset: MathDataset = {
  id: 'aime25',
  description: 'AIME 2025 I (ids 0-14) and II (15-29): 30 problems with integer answers (AReaL evaluation data)',
  file: 'test.jsonl',
  source: areal('aime25/test.jsonl', 'b4e273c02d3e7fe1b74b59eae768fc8230bfb0f79539890cb56f4361caac0331'),
  rows: 30,
  items: 30,
  read(row) {
    return { id: scalarText(row, 'id', 'the item id'), question: question(row, 'problem'), answer: scalarText(row, 'answer', 'the integer answer') };
  },
};

/** Rows 167 and 192 have an empty `answer` (the answer sits inside the question text); they are left out. */
export const gaokao2023enDataset: MathDataset = {
  id: 'gaokao2023en',
  description: 'GaoKao 2023 (English translation): 383 of 385 problems (2 without a reference answer are left out)',
  file: 'test.jsonl',
  source: qwen('gaokao2023en/test.jsonl', '654d8f49bdb86f578c171dbc0dd8f4d9f1bf3d7a7438f60359fda7d643df4951'),
  rows: 385,
  items: 383,
  read(row) {
    const answer = row.value.answer;
    if (typeof answer === 'string' && answer.trim() === '') return undefined;
    return { id: rowIndex(row), question: question(row), answer: stripDollars(scalarText(row, 'answer', 'the reference answer')), metadata: { source: row.value.source } };
  },
};

export const gaokao2024Dataset: MathDataset = {
  id: 'gaokao2024',
  description: 'GaoKao 2024 (Chinese, gaokao2024_mix): 91 problems, 55 multiple choice (letter answer) and 36 free response',
  file: 'test.jsonl',
  source: qwen('gaokao2024_mix/test.jsonl', 'd00cf32da2252408cb7abd49e8e13adcb801dc08e74a9bd57d1df92c0416935c'),
  rows: 91,
  items: 91,
  read(row) {
    return { id: scalarText(row, 'idx', 'the item index'), question: question(row), answer: choiceOrAnswer(row), metadata: { answerText: row.value.answer } };
  },
};

export const cmathDataset: MathDataset = {
  id: 'cmath',
  description: 'CMATH test: 600 Chinese elementary-school word problems, grades 1-6; numeric answers',
  file: 'test.jsonl',
  source: qwen('cmath/test.jsonl', 'e2ceabf05d10b37f207eaebbe8db24dbfc961e1a4f07337d2fc4db42a7f44fdb'),
  rows: 600,
  items: 600,
  read(row) {
    return { id: rowIndex(row), question: question(row), answer: scalarText(row, 'answer', 'the reference answer'), metadata: { grade: row.value.grade } };
  },
};

export const cnMiddleSchoolDataset: MathDataset = {
  id: 'cn-middle-school',
  description: 'CN Middle School 24: 101 Chinese middle-school exam problems (41 multiple choice, letter answer)',
  file: 'test.jsonl',
  source: qwen('cn_middle_school/test.jsonl', 'd768b866b72ecd1ddcaa84acb56d7bd70d759fbb2cdb0c2bc63f1e5befdb58d6'),
  rows: 101,
  items: 101,
  read(row) {
    return { id: scalarText(row, 'idx', 'the item index'), question: question(row), answer: choiceOrAnswer(row), metadata: { answerText: row.value.answer } };
  },
};

export const olympiadBenchDataset: MathDataset = {
  id: 'olympiadbench',
  description: 'OlympiadBench (English, text-only math, open-ended): 675 competition problems',
  file: 'test.jsonl',
  source: qwen('olympiadbench/test.jsonl', 'bb8c1e38a16ea9eacb77530315a674d883f267fbff79183effc53681b4fcc416'),
  rows: 675,
  items: 675,
  read(row) {
    const [first] = row.fields.strings('final_answer', 1, 'a list holding the reference answer');
    return {
      id: scalarText(row, 'id', 'the OlympiadBench item id'),
      question: question(row),
      answer: (first ?? '').replace(/^\$+|\$+$/g, '').trim(),
      metadata: { subfield: row.value.subfield, answerType: row.value.answer_type, unit: row.value.unit, multipleAnswers: row.value.is_multiple_answer },
    };
  },
};

export const collegeMathDataset: MathDataset = {
  id: 'college-math',
  description: 'College Math: 2,818 exercises from open college textbooks (algebra to differential equations)',
  file: 'test.jsonl',
  source: qwen('college_math/test.jsonl', '91131bc4a355b884fc63ef7c4f048c35adb030004a4cb07b1475698f120aa4a6'),
  rows: 2818,
  items: 2818,
  read(row) {
    return {
      id: rowIndex(row),
      question: question(row),
      answer: stripDollars(scalarText(row, 'answer', 'the reference answer')),
      metadata: { topic: row.value.data_topic, textbook: row.value.data_source, license: row.value.license },
    };
  },
};

/** In catalog order. */
export const mathDatasets: MathDataset[] = [
  gsm8kDataset,
  math500Dataset,
  aime24Dataset,
  aime25Dataset,
  gaokao2023enDataset,
  gaokao2024Dataset,
  cmathDataset,
  cnMiddleSchoolDataset,
  olympiadBenchDataset,
  collegeMathDataset,
];
