/**
 * The one error taxonomy, used by the journal, every aggregate and every report.
 *
 * - `ok`: the model answered and the scorer scored it.
 * - `format_error`: the model answered but no answer could be extracted; a wrong answer
 *   (score 0) that is counted separately so it can be seen.
 * - `model_error`: the provider failed (after the runner's retries). Infrastructure.
 * - `timeout`: the request exceeded its time limit (after retries). Infrastructure.
 * - `scorer_error`: the scorer itself failed. Infrastructure.
 * - `truncated`: the model spent its whole token budget thinking (reasoning cut off by the
 *   token limit, no answer): not a wrong answer and not an infrastructure failure; left out
 *   of the denominator and counted on its own.
 *
 * Infrastructure statuses never count as wrong answers: they are left out of the
 * denominator and reported as `errors`.
 */
export const SAMPLE_STATUSES = ['ok', 'format_error', 'model_error', 'timeout', 'scorer_error', 'truncated'] as const;
export type SampleStatus = (typeof SAMPLE_STATUSES)[number];

export const INFRASTRUCTURE_STATUSES: ReadonlySet<SampleStatus> = new Set<SampleStatus>([
  'model_error',
  'timeout',
  'scorer_error',
]);

/** True when the status is a scored outcome (it belongs in the denominator). */
export function isScoredStatus(status: SampleStatus): boolean {
  return status === 'ok' || status === 'format_error';
}
