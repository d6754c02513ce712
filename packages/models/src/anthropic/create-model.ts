import type { CallOptions, GenerateResult, LanguageModelV1, StreamResult } from '@ladder/core';
import { convertRequest, SDK_API_VERSION } from './convert-request.js';
import { toCallError, type AnthropicErrorClasses } from './errors.js';
import { mapResponse } from './map-response.js';
import { mapStream } from './map-stream.js';

export interface AnthropicModelOptions {
  /** The model part of the id, e.g. `claude-sonnet-4-5`. */
  modelId: string;
  /** The API root, without `/v1` (`https://api.anthropic.com`); a trailing `/v1` is tolerated. */
  baseURL: string;
  apiKey: string;
  /** Extra headers on every request (`anthropic-beta`, or `anthropic-version: 2023-06-01` to keep temperature). */
  headers?: Record<string, string>;
}

/**
 * The longest timer Node can arm (about 24.8 days): the SDK's own timeout is effectively off,
 * because the runner owns time limits (it aborts through the signal). A larger value would
 * overflow setTimeout and fire at once.
 */
const NO_TIMEOUT_MS = 2 ** 31 - 1;

/**
 * A model served by the Anthropic Messages API, through @anthropic-ai/sdk (imported here, on
 * first use). The SDK never retries (the runner is the one retry layer); the key travels in
 * `x-api-key` and nowhere else.
 */
export async function createAnthropicModel(options: AnthropicModelOptions): Promise<LanguageModelV1> {
  const { default: Anthropic, APIError, APIUserAbortError, APIConnectionError } = await import('@anthropic-ai/sdk');
  const sdk: AnthropicErrorClasses = { APIError, APIUserAbortError, APIConnectionError };
  const baseURL = options.baseURL.replace(/\/+$/, '').replace(/\/v1$/, '');
  const url = `${baseURL}/v1/messages`;
  const apiVersion = headerValue(options.headers, 'anthropic-version') ?? SDK_API_VERSION;
  const client = new Anthropic({
    apiKey: options.apiKey,
    baseURL,
    maxRetries: 0,
    timeout: NO_TIMEOUT_MS,
    logLevel: 'off',
    // SDK 1.x sends the key as `Authorization: Bearer`; x-api-key is what the API documents
    // and what Anthropic-compatible gateways read, so it goes there, once.
    defaultHeaders: { 'x-api-key': options.apiKey, authorization: null, ...options.headers },
  });

  const prepare = (call: CallOptions) => {
    const { body, warnings } = convertRequest({ modelId: options.modelId, apiVersion, call });
    const toError = (error: unknown) => toCallError(error, { url, apiKey: options.apiKey, signal: call.abortSignal, sdk });
    return { body, warnings, toError };
  };

  return {
    specificationVersion: 'v1',
    provider: 'anthropic',
    modelId: options.modelId,
    defaultConcurrency: 8,

    async doGenerate(call): Promise<GenerateResult> {
      const { body, warnings, toError } = prepare(call);
      const request = { ...body, stream: false as const };
      try {
        const message = await client.messages.create(request, { signal: call.abortSignal });
        return { ...mapResponse(message), warnings, request: { body: request } };
      } catch (error) {
        throw toError(error);
      }
    },

    async doStream(call): Promise<StreamResult> {
      const { body, warnings, toError } = prepare(call);
      const request = { ...body, stream: true as const };
      let events;
      try {
        events = await client.messages.create(request, { signal: call.abortSignal });
      } catch (error) {
        throw toError(error);
      }
      const stream = mapStream({ events, close: () => events.controller.abort(), toError, signal: call.abortSignal, url });
      return { stream, warnings, request: { body: request } };
    },
  };
}

function headerValue(headers: Record<string, string> | undefined, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers ?? {})) if (key.toLowerCase() === name) return value;
  return undefined;
}
