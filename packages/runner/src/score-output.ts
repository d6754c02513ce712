import { describeError, type FinishReason, type SampleRecord, type Score } from '@ladder/core';
import type { PreparedSuite } from './prepare-suite.js';

export const TRUNCATED_ERROR = 'the reasoning used the whole output token budget before any answer (raise maxOutputTokens)';

/** Thinking that used the whole token budget and left no answer: status `truncated`, not a wrong answer. */
export function isTruncated(answer: { text: string; reasoning?: string | undefined; finishReason: FinishReason }): boolean {
  return answer.finishReason.unified === 'length' && answer.text.trim() === '' && (answer.reasoning ?? '').trim() !== '';
}

type ScoredFields = Pick<SampleRecord, 'status' | 'score' | 'answer' | 'output' | 'error' | 'explanation' | 'details' | 'statistics' | 'metrics'>;

/** Scores an answer with the suite's scorer: `ok`, `format_error` (unanswered) or `scorer_error`. */
export async function scoreOutput(prepared: PreparedSuite, sample: PreparedSuite['samples'][number], output: string): Promise<ScoredFields> {
  let score: Score;
  try {
    score = await prepared.suite.scorer.score({ sample, output });
    if (!Number.isFinite(score.value)) throw new Error(`the scorer returned ${String(score.value)}`);
    if (prepared.suite.scorer.metric.kind === 'corpus' && !Array.isArray(score.statistics)) {
      throw new Error(`the scorer ${prepared.suite.scorer.name} gave no statistics for its corpus metric ${prepared.suite.scorer.metric.name}`);
    }
  } catch (error) {
    return { status: 'scorer_error', score: null, answer: null, output, error: describeError(error) };
  }
  return {
    status: score.unanswered === true ? 'format_error' : 'ok',
    score: score.unanswered === true ? 0 : score.value,
    answer: score.answer ?? null,
    output,
    ...(score.explanation === undefined ? {} : { explanation: score.explanation }),
    ...(score.details === undefined ? {} : { details: score.details }),
    ...(score.statistics === undefined ? {} : { statistics: score.statistics }),
    ...(score.metrics === undefined ? {} : { metrics: score.metrics }),
  };
}
