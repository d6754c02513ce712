import type { Content, GenerateContentConfig } from '@google/genai';
import type { CallOptions } from '@ladder/core';

export interface ConvertedRequest {
  contents: Content[];
  /** Everything but the abort signal and the HTTP options, which the model adds per call. */
  config: GenerateContentConfig;
  warnings: string[];
}

/**
 * Turns Ladder's chat prompt and settings into `generateContent` parameters: system messages
 * become `systemInstruction`, assistant messages the `model` role. `providerOptions.google`
 * is merged into the config as given (e.g. `{ thinkingConfig: { includeThoughts: true } }`,
 * which asks thinking models to send their thought summaries).
 */
export function convertRequest(call: CallOptions): ConvertedRequest {
  const warnings: string[] = [];
  const system: string[] = [];
  const contents: Content[] = [];
  for (const message of call.prompt) {
    if (message.role === 'system') system.push(message.content);
    else contents.push({ role: message.role === 'assistant' ? 'model' : 'user', parts: [{ text: message.content }] });
  }

  const { settings } = call;
  const config: GenerateContentConfig = {};
  if (system.length > 0) config.systemInstruction = { parts: [{ text: system.join('\n\n') }] };
  if (settings.temperature !== undefined) config.temperature = settings.temperature;
  if (settings.topP !== undefined) config.topP = settings.topP;
  if (settings.topK !== undefined) config.topK = settings.topK;
  if (settings.maxOutputTokens !== undefined) config.maxOutputTokens = settings.maxOutputTokens;
  if (settings.stopSequences !== undefined && settings.stopSequences.length > 0) config.stopSequences = settings.stopSequences;
  if (settings.seed !== undefined) config.seed = settings.seed;

  const extra = call.providerOptions?.['google'];
  if (extra !== undefined) {
    if (typeof extra === 'object' && extra !== null && !Array.isArray(extra)) Object.assign(config, extra);
    else warnings.push('providerOptions.google must be an object of GenerateContentConfig fields: ignored');
  }
  return { contents, config, warnings };
}
