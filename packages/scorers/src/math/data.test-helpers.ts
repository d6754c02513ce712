import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** /work/shared (the repo's sibling `shared/`), resolved from this file. */
export const SHARED_DIR = fileURLToPath(new URL('../../../../../shared/', import.meta.url));

export interface QwenEvalRow {
  idx: number;
  /** The reference answer as Qwen derived it (extract_answer(solution)). */
  gt: string;
  /** The MATH answer as written. */
  answer: string;
  /** The MATH reference solution. */
  solution: string;
  /** The model responses. */
  code: string[];
  /** Qwen2.5-Math's extracted answers. */
  pred: string[];
  /** Qwen2.5-Math's verdicts. */
  score: boolean[];
}

export function readMathCot100(): QwenEvalRow[] {
  const text = readFileSync(`${SHARED_DIR}datasets/qwen25-math-eval/eval_rm_maj_example/math_cot_100.jsonl`, 'utf8');
  return text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as QwenEvalRow);
}

export interface MathVector {
  id: string;
  grader: string;
  prediction?: string;
  gold?: string;
  input?: string;
  data_name?: string;
  expected?: boolean;
  expected_output?: string | null;
  reached_sympy?: boolean;
}

export function readMathVectors(): MathVector[] {
  const text = readFileSync(`${SHARED_DIR}vectors/math_equiv_vectors.json`, 'utf8');
  return (JSON.parse(text) as { vectors: MathVector[] }).vectors;
}
