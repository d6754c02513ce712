import { describe, expect, it } from 'vitest';
import { readMathVectors, type MathVector } from '../data.test-helpers.js';
import { lmEvalLastBoxedOnlyString } from './boxed.js';
import { gsm8kExtractAnswer, gsm8kFlexibleExtract, gsm8kStrictMatch } from './gsm8k.js';
import { hendrycksIsEquiv, hendrycksStripString } from './hendrycks.js';
import { getUnnormalizedAnswer, normalizeFinalAnswer } from './minerva.js';

/** Fields of the reference-grader vectors beyond the shared `MathVector` ones. */
interface ReferenceVector extends MathVector {
  normalized?: [string, string];
  unnormalized?: string;
  strict_match?: string;
  flexible_extract?: string;
}

/** Vectors that are wrong in the reference, with the reason. None found. */
const EXCLUDED: Record<string, string> = {};

const GRADERS: Record<string, (v: ReferenceVector) => { got: unknown; expected: unknown }> = {
  'hendrycks_math.is_equiv': (v) => ({
    got: { equiv: hendrycksIsEquiv(v.prediction, v.gold), normalized: [hendrycksStripString(v.prediction ?? ''), hendrycksStripString(v.gold ?? '')] },
    expected: { equiv: v.expected, normalized: v.normalized },
  }),
  'openai/grade-school-math dataset.extract_answer': (v) => ({ got: gsm8kExtractAnswer(v.input ?? ''), expected: v.expected_output }),
  'lm-eval gsm8k filters': (v) => ({
    got: { strict: gsm8kStrictMatch(v.input ?? ''), flexible: gsm8kFlexibleExtract(v.input ?? '') },
    expected: { strict: v.strict_match, flexible: v.flexible_extract },
  }),
  'lm-eval minerva_math get_unnormalized_answer + normalize_final_answer': (v) => {
    const unnormalized = getUnnormalizedAnswer(v.input ?? '');
    return { got: { unnormalized, normalized: normalizeFinalAnswer(unnormalized) }, expected: { unnormalized: v.unnormalized, normalized: v.expected_output } };
  },
  [String.raw`last_boxed_only_string (lm-eval minerva/hendrycks_math variant with "\\boxed " support)`]: (v) => ({
    got: lmEvalLastBoxedOnlyString(v.input ?? '') ?? null,
    expected: v.expected_output,
  }),
};

describe('math_equiv_vectors.json (reference graders)', () => {
  const vectors = readMathVectors() as ReferenceVector[];
  const applicable = vectors.filter((v) => v.grader in GRADERS);

  it('has the vectors this test expects', () => {
    const counts = Object.fromEntries(Object.keys(GRADERS).map((g) => [g, applicable.filter((v) => v.grader === g).length]));
    expect(Object.values(counts)).toEqual([41, 9, 6, 8, 6]);
    for (const id of Object.keys(EXCLUDED)) expect(applicable.some((v) => v.id === id)).toBe(true);
  });

  it.each(applicable.filter((v) => !(v.id in EXCLUDED)).map((v) => [v.id, v] as const))('%s', (_id, v) => {
    const run = GRADERS[v.grader];
    expect(run).toBeDefined();
    const { got, expected } = run?.(v) ?? { got: undefined, expected: null };
    expect(got).toEqual(expected);
  });
});
