import { describe, expect, it } from 'vitest';
import { readMathVectors, type MathVector } from './data.test-helpers.js';
import { mathEqual } from './equal.js';
import { extractMathAnswer, lastBoxedOnlyString } from './extract.js';
import { normalizeMathAnswer } from './normalize.js';

/**
 * Vectors that do not apply, with the reason (kept short). Every other vector of the graders Ladder
 * ports must pass.
 */
const EXCLUDED: Record<string, string> = {};

// The vector graders Ladder ports. The remaining graders in the file (Hendrycks is_equiv, Math-Verify
// parse/verify/compare_strings, Minerva normalize_final_answer, GSM8K and lm-eval filters) are different
// graders with different verdicts (e.g. Hendrycks "10" ≠ "10.0", Math-Verify asymmetric set/relation rules);
// Ladder's `math` scorer follows Qwen2.5-Math, so those are not asserted here.
const PORTED: Array<{ grader: RegExp; run: (v: MathVector) => { got: unknown; expected: unknown } }> = [
  { grader: /^qwen2\.5-math grader\.math_equal/u, run: (v) => ({ got: mathEqual(v.prediction ?? '', v.gold ?? ''), expected: v.expected }) },
  { grader: /^qwen2\.5-math parser\.strip_string/u, run: (v) => ({ got: normalizeMathAnswer(v.input ?? ''), expected: v.expected_output }) },
  { grader: /^qwen2\.5-math parser\.extract_answer/u, run: (v) => ({ got: extractMathAnswer(v.input ?? '', { stripThinking: false, ...(v.data_name === undefined ? {} : { dataName: v.data_name }) }) ?? '', expected: v.expected_output }) },
  { grader: /^last_boxed_only_string/u, run: (v) => ({ got: lastBoxedOnlyString(v.input ?? '') ?? null, expected: v.expected_output }) },
];

describe('math_equiv_vectors.json (ported graders)', () => {
  const vectors = readMathVectors();
  const applicable = vectors.filter((v) => PORTED.some((p) => p.grader.test(v.grader)));

  it('has the vectors this test expects', () => {
    expect(vectors).toHaveLength(425);
    expect(applicable).toHaveLength(84);
    for (const id of Object.keys(EXCLUDED)) expect(applicable.some((v) => v.id === id)).toBe(true);
  });

  it.each(applicable.filter((v) => !(v.id in EXCLUDED)).map((v) => [v.id, v] as const))('%s', (_id, v) => {
    const port = PORTED.find((p) => p.grader.test(v.grader));
    const { got, expected } = port?.run(v) ?? { got: undefined, expected: null };
    expect(got).toEqual(expected);
  });
});
