import { APICallError, type FinishReason } from '@ladder/core';

const UNIFIED: Record<string, FinishReason['unified']> = {
  STOP: 'stop',
  MAX_TOKENS: 'length',
  SAFETY: 'content-filter',
  RECITATION: 'content-filter',
  BLOCKLIST: 'content-filter',
  PROHIBITED_CONTENT: 'content-filter',
  SPII: 'content-filter',
  IMAGE_SAFETY: 'content-filter',
  IMAGE_PROHIBITED_CONTENT: 'content-filter',
  IMAGE_RECITATION: 'content-filter',
  MALFORMED_FUNCTION_CALL: 'error',
  UNEXPECTED_TOOL_CALL: 'error',
  TOO_MANY_TOOL_CALLS: 'error',
  FINISH_REASON_UNSPECIFIED: 'unknown',
};

/** Reads a candidate's `finishReason` (LANGUAGE, OTHER and new values are `other`). */
export function mapFinishReason(finishReason: string | undefined): FinishReason {
  if (finishReason === undefined) return { unified: 'unknown', raw: undefined };
  return { unified: UNIFIED[finishReason] ?? 'other', raw: finishReason };
}

/** A prompt blocked before any answer (`promptFeedback.blockReason`) is a content filter too. */
export function blockedPromptReason(blockReason: string): FinishReason {
  return { unified: 'content-filter', raw: `prompt:${blockReason}` };
}

/**
 * `CONTINUATION`: the server paused a long decode at a checkpoint and expects the client to
 * ask again with the candidate's continuationToken. Ladder switches the SDK's automatic
 * continuation off (one call, one request), so such an answer is unfinished: an error, not a
 * short answer, and not worth a plain retry (it would stop at the same checkpoint).
 */
export const CONTINUATION = 'CONTINUATION';

export function unfinishedAnswerError(url: string): APICallError {
  return new APICallError({
    message:
      'google: the answer stopped at a long-decode checkpoint (finishReason CONTINUATION); set providerOptions.google.automaticContinuation = true to let the SDK continue it',
    url,
    isRetryable: false,
  });
}
