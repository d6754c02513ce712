import type { CallOptions, GenerateResult, LanguageModelV1, StreamResult } from '@ladder/core';
import type OpenAI from 'openai';
import type { ProviderQuirks } from '../providers/presets.js';
import { undiciFetch } from '../providers/undici-fetch.js';
import { convertRequest } from './convert-request.js';
import { displayURL, toAPICallError, type ErrorContext } from './errors.js';
import { mapResponse } from './map-response.js';
import { mapChunkStream } from './map-stream.js';
import { sseJsonChunks } from './sse-chunks.js';
import { resolveQuirks } from './quirks.js';

export interface OpenAICompatibleModelOptions {
  /** The provider part of the model id (`deepseek`); also names the provider in messages. */
  providerId: string;
  /** The model name the API expects (`deepseek-reasoner`). */
  modelId: string;
  /** Up to the version segment: `https://api.deepseek.com/v1` (the SDK appends `/chat/completions`). */
  baseURL: string;
  apiKey: string;
  /** The provider's dialect; the generic OpenAI-compatible one when absent. */
  quirks?: ProviderQuirks;
  /** Extra HTTP headers sent with every request. */
  headers?: Record<string, string>;
  /** Requests at once when the user does not say. Default 8. */
  defaultConcurrency?: number;
}

/**
 * Long enough never to fire: the runner owns time limits and aborts through `abortSignal`.
 * (Node's timers cap at 2^31 - 1 ms; the SDK's default of 10 minutes would cut long answers.)
 */
const SDK_TIMEOUT_MS = 24 * 60 * 60 * 1000;

type StreamingBody = OpenAI.Chat.Completions.ChatCompletionCreateParamsStreaming;
type NonStreamingBody = OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming;

/**
 * A model behind an OpenAI-compatible Chat Completions API (OpenAI, DeepSeek, Qwen, Kimi,
 * GLM, vLLM, Ollama ...), on the official `openai` SDK, imported here on first use. The SDK
 * never retries (the runner has the one retry layer) and never times out on its own.
 */
export async function createOpenAICompatibleModel(options: OpenAICompatibleModelOptions): Promise<LanguageModelV1> {
  const sdk = await import('openai');
  const quirks = resolveQuirks(options.quirks);
  const { providerId, modelId, apiKey } = options;
  const errorBodies = new WeakMap<Headers, string>();
  // The SDK logs the data of an SSE event that is not JSON, then throws a bare SyntaxError:
  // the logged data goes into the error message instead of the console.
  let malformedEvent: string | undefined;
  const logger = {
    error: (message: string, ...rest: unknown[]) => {
      if (message.startsWith('Could not parse message into JSON')) malformedEvent = String(rest[0]);
    },
    warn: () => {},
    info: () => {},
    debug: () => {},
  };
  const takeMalformedEvent = () => {
    const event = malformedEvent;
    malformedEvent = undefined;
    return event;
  };
  const client = new sdk.OpenAI({
    apiKey,
    baseURL: options.baseURL,
    maxRetries: 0,
    timeout: SDK_TIMEOUT_MS,
    fetch: captureErrorBodies(errorBodies),
    webhookSecret: null,
    ...(options.headers === undefined ? {} : { defaultHeaders: options.headers }),
    // The SDK reads OPENAI_ORG_ID and OPENAI_PROJECT_ID: they are for OpenAI only.
    ...(providerId === 'openai' ? {} : { organization: null, project: null }),
    // Nothing on the console (it would run over the progress display): failures reach the
    // caller as errors. OPENAI_LOG=debug still turns the SDK's own logs on.
    ...(process.env['OPENAI_LOG'] === undefined ? { logger, logLevel: 'error' as const } : {}),
  });
  const url = displayURL(`${options.baseURL.replace(/\/+$/, '')}/chat/completions`);
  const sdkErrors = { APIError: sdk.APIError, APIConnectionError: sdk.APIConnectionError, APIUserAbortError: sdk.APIUserAbortError };
  const errorContextFor = (call: CallOptions): ErrorContext => ({ providerId, url, apiKey, signal: call.abortSignal, errorBodies, sdk: sdkErrors, takeMalformedEvent });

  return {
    specificationVersion: 'v1',
    provider: providerId,
    modelId,
    defaultConcurrency: options.defaultConcurrency ?? 8,

    async doStream(call): Promise<StreamResult> {
      const { body, warnings } = convertRequest(call, { providerId, modelId, quirks, stream: true });
      const errorContext = errorContextFor(call);
      let chunks: AsyncIterable<unknown>;
      try {
        // The SDK sends the request and turns error statuses into its errors; the event stream
        // of a successful answer is read here, from the body as it arrives (see sse-chunks.ts).
        const response = await client.chat.completions.create(body as unknown as StreamingBody, { signal: call.abortSignal }).asResponse();
        if (response.body === null) throw new sdk.APIConnectionError({ message: 'the response has no body' });
        chunks = sseJsonChunks(response.body as unknown as AsyncIterable<Uint8Array>, {
          APIError: sdk.APIError,
          headers: response.headers,
          onMalformedEvent: (data) => {
            malformedEvent = data;
          },
        });
      } catch (error) {
        throw toAPICallError(error, errorContext, 'request');
      }
      return { stream: mapChunkStream(chunks, { quirks, errorContext }), warnings, request: { body } };
    },

    async doGenerate(call): Promise<GenerateResult> {
      const { body, warnings } = convertRequest(call, { providerId, modelId, quirks, stream: false });
      const errorContext = errorContextFor(call);
      try {
        const { data, response } = await client.chat.completions
          .create(body as unknown as NonStreamingBody, { signal: call.abortSignal })
          .withResponse();
        const mapped = mapResponse(data, { quirks, providerId });
        return {
          ...mapped,
          warnings,
          request: { body },
          response: { ...mapped.response, headers: Object.fromEntries(response.headers), body: data },
        };
      } catch (error) {
        throw toAPICallError(error, errorContext, 'request');
      }
    },
  };
}

/**
 * The SDK keeps only the parsed `error` field of an error response; this fetch keeps the raw
 * body too (by the response's Headers object, which the SDK's error carries), so the error
 * can show what the provider said whatever its format.
 */
function captureErrorBodies(errorBodies: WeakMap<Headers, string>): typeof fetch {
  return async (input, init) => {
    const response = await undiciFetch(input, init);
    if (response.status < 400) return response;
    const text = await response.text();
    const copy = new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
    errorBodies.set(copy.headers, text);
    return copy;
  };
}
