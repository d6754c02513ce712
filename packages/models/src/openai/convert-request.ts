import type { CallOptions } from '@ladder/core';
import type { ResolvedQuirks } from './quirks.js';

export interface ConvertedRequest {
  /** The Chat Completions body (no credentials: they travel in headers). */
  body: Record<string, unknown>;
  warnings: string[];
}

/**
 * A Chat Completions request body from Ladder's call options. Settings the provider does not
 * take come back as warnings, never silently dropped. `providerOptions[providerId]` is merged
 * into the body last, untouched (e.g. `{ deepseek: { thinking: { type: 'enabled' } } }`).
 */
export function convertRequest(
  options: CallOptions,
  target: { providerId: string; modelId: string; quirks: ResolvedQuirks; stream: boolean },
): ConvertedRequest {
  const { settings } = options;
  const { quirks, providerId } = target;
  const warnings: string[] = [];
  const body: Record<string, unknown> = {
    model: target.modelId,
    messages: options.prompt.map((message) => ({ role: message.role, content: message.content })),
  };
  if (settings.temperature !== undefined) body['temperature'] = settings.temperature;
  if (settings.topP !== undefined) body['top_p'] = settings.topP;
  if (settings.topK !== undefined) warnings.push(`topK is not supported by ${providerId} (OpenAI-compatible API): ignored`);
  if (settings.seed !== undefined) {
    if (quirks.seed) body['seed'] = settings.seed;
    else warnings.push(`seed is not supported by ${providerId}: ignored (answers may differ between runs)`);
  }
  if (settings.maxOutputTokens !== undefined) body[quirks.maxTokensField] = settings.maxOutputTokens;
  if (settings.stopSequences !== undefined && settings.stopSequences.length > 0) body['stop'] = settings.stopSequences;
  if (target.stream) {
    body['stream'] = true;
    if (quirks.streamUsage) body['stream_options'] = { include_usage: true };
  }
  const extra = options.providerOptions?.[providerId];
  if (typeof extra === 'object' && extra !== null && !Array.isArray(extra)) Object.assign(body, extra);
  return { body, warnings };
}
