import type Anthropic from '@anthropic-ai/sdk';
import type { CallOptions } from '@ladder/core';

/** The Messages API requires `max_tokens`; this is what Ladder asks for when the suite sets none. */
export const DEFAULT_MAX_TOKENS = 4096;

/**
 * The `anthropic-version` @anthropic-ai/sdk 1.x sends. It removed `temperature`, `top_p` and
 * `top_k` from the Messages API (a 400 even at their defaults); `2023-06-01` still takes them.
 */
export const SDK_API_VERSION = '2026-10-21';
const SAMPLING_REMOVED_IN = '2026-10-21';

/**
 * The Messages API request body, without `stream` (the caller sets it). The sampling fields
 * are gone from the SDK's types but still part of the older API version.
 */
export type MessagesRequestBody = Omit<Anthropic.MessageCreateParamsNonStreaming, 'stream'> & {
  temperature?: number;
  top_p?: number;
  top_k?: number;
};

export interface ConvertedRequest {
  body: MessagesRequestBody;
  warnings: string[];
}

/**
 * Turns Ladder's chat prompt and settings into a Messages API body. System messages go to
 * `system`; settings the API (at `apiVersion`) does not take become warnings.
 * `providerOptions.anthropic` is merged into the body as given
 * (e.g. `{ thinking: { type: 'enabled', budget_tokens: 2048 } }`).
 */
export function convertRequest(options: { modelId: string; apiVersion: string; call: CallOptions }): ConvertedRequest {
  const { modelId, apiVersion, call } = options;
  const { settings } = call;
  const warnings: string[] = [];
  const system: string[] = [];
  const messages: Anthropic.MessageParam[] = [];
  for (const message of call.prompt) {
    if (message.role === 'system') system.push(message.content);
    else messages.push({ role: message.role, content: message.content });
  }

  let maxTokens = settings.maxOutputTokens;
  if (maxTokens === undefined) {
    maxTokens = DEFAULT_MAX_TOKENS;
    warnings.push(`maxOutputTokens is not set and the Anthropic API requires one: ${DEFAULT_MAX_TOKENS} is used`);
  }
  const body: MessagesRequestBody = { model: modelId, max_tokens: maxTokens, messages };
  if (system.length > 0) body.system = system.join('\n\n');
  if (settings.stopSequences !== undefined && settings.stopSequences.length > 0) body.stop_sequences = settings.stopSequences;
  if (settings.seed !== undefined) warnings.push('seed is not supported by the Anthropic API: ignored');
  addSampling(body, { settings: call.settings, apiVersion, warnings });

  const extra = call.providerOptions?.['anthropic'];
  if (extra !== undefined) {
    if (typeof extra === 'object' && extra !== null && !Array.isArray(extra)) Object.assign(body, extra);
    else warnings.push('providerOptions.anthropic must be an object of Messages API fields: ignored');
  }
  dropSamplingUnderThinking(body, warnings);
  return { body, warnings };
}

function addSampling(body: MessagesRequestBody, options: { settings: CallOptions['settings']; apiVersion: string; warnings: string[] }): void {
  const { settings, apiVersion, warnings } = options;
  const requested = { temperature: settings.temperature, topP: settings.topP, topK: settings.topK };
  if (apiVersion >= SAMPLING_REMOVED_IN) {
    for (const [name, value] of Object.entries(requested)) {
      if (value === undefined) continue;
      warnings.push(
        `${name} is not accepted by anthropic-version ${apiVersion}: ignored (send the header anthropic-version: 2023-06-01 to use it)`,
      );
    }
    return;
  }
  if (requested.temperature !== undefined) {
    if (requested.temperature > 1) warnings.push(`temperature ${requested.temperature} is above the Anthropic maximum of 1: 1 is used`);
    body.temperature = Math.min(requested.temperature, 1);
  }
  if (requested.topP !== undefined) body.top_p = requested.topP;
  if (requested.topK !== undefined) body.top_k = requested.topK;
}

/** Extended thinking rejects temperature, top_p below 0.95 and top_k: drop them, saying so. */
function dropSamplingUnderThinking(body: MessagesRequestBody, warnings: string[]): void {
  const thinking = body.thinking?.type;
  if (thinking !== 'enabled' && thinking !== 'adaptive') return;
  if (body.temperature !== undefined) {
    delete body.temperature;
    warnings.push('temperature is not supported with extended thinking: ignored');
  }
  if (body.top_k !== undefined) {
    delete body.top_k;
    warnings.push('topK is not supported with extended thinking: ignored');
  }
  if (body.top_p !== undefined && body.top_p < 0.95) {
    delete body.top_p;
    warnings.push('topP below 0.95 is not supported with extended thinking: ignored');
  }
}
