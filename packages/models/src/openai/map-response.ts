import { APICallError, type GenerateResult } from '@ladder/core';
import { FAILED_FINISH_REASONS, mapFinishReason } from './finish-reason.js';
import type { ResolvedQuirks } from './quirks.js';
import { ThinkTagSplitter } from './think-tags.js';
import { mapUsage } from './usage.js';

type Fields = Record<string, unknown>;

/** A non-streaming Chat Completions body in Ladder's terms; a body without an answer is a retryable APICallError. */
export function mapResponse(
  body: unknown,
  options: { quirks: ResolvedQuirks; providerId: string },
): Pick<GenerateResult, 'text' | 'reasoning' | 'finishReason' | 'usage'> & { response: { id?: string; modelId?: string } } {
  const { providerId, quirks } = options;
  if (typeof body !== 'object' || body === null) {
    const excerpt = String(body).replace(/\s+/g, ' ').slice(0, 200);
    throw new APICallError({ message: `${providerId} sent a response that is not a chat completion: ${excerpt}`, isRetryable: true });
  }
  const fields = body as Fields;
  const choices = Array.isArray(fields['choices']) ? (fields['choices'] as Fields[]) : [];
  const choice = choices.find((candidate) => (candidate?.['index'] ?? 0) === 0);
  if (choice === undefined) {
    throw new APICallError({ message: `${providerId} sent a chat completion without choices`, responseBody: JSON.stringify(body).slice(0, 2000), isRetryable: true });
  }
  const raw = typeof choice['finish_reason'] === 'string' && choice['finish_reason'] !== '' ? choice['finish_reason'] : undefined;
  if (raw !== undefined && FAILED_FINISH_REASONS.has(raw)) {
    throw new APICallError({ message: `${providerId}: the answer stopped with finish_reason "${raw}" (a provider failure)`, isRetryable: true });
  }
  const message = (choice['message'] ?? {}) as Fields;
  let reasoning: string | undefined;
  for (const field of quirks.reasoningFields) {
    const value = message[field];
    if (typeof value === 'string' && value !== '') {
      reasoning = value;
      break;
    }
  }
  let text = '';
  const content = [message['content'], message['refusal']].filter((value): value is string => typeof value === 'string').join('');
  if (quirks.thinkTags) {
    const splitter = new ThinkTagSplitter();
    for (const piece of [...splitter.push(content), ...splitter.flush()]) {
      if (piece.type === 'text') text += piece.delta;
      else reasoning = (reasoning ?? '') + piece.delta;
    }
  } else {
    text = content;
  }
  return {
    text,
    ...(reasoning === undefined ? {} : { reasoning }),
    finishReason: raw === undefined ? { unified: 'unknown', raw: undefined } : mapFinishReason(raw),
    usage: mapUsage(fields['usage']),
    response: {
      ...(typeof fields['id'] === 'string' ? { id: fields['id'] } : {}),
      ...(typeof fields['model'] === 'string' ? { modelId: fields['model'] } : {}),
    },
  };
}
