import type { GenerateContentParameters } from '@google/genai';
import type { CallOptions, GenerateResult, LanguageModelV1, StreamResult } from '@ladder/core';
import { convertRequest } from './convert-request.js';
import { CONTINUATION, unfinishedAnswerError } from './finish-reason.js';
import { toCallError } from './errors.js';
import { mapResponse } from './map-response.js';
import { mapStream } from './map-stream.js';
import { recordingFetch, type FetchRecord } from './recording-fetch.js';

export interface GoogleModelOptions {
  /** The model part of the id, e.g. `gemini-2.5-flash`. */
  modelId: string;
  /** The API root (`https://generativelanguage.googleapis.com`); a trailing `/v1beta` or `/v1` sets the API version. */
  baseURL: string;
  apiKey: string;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
}

const DEFAULT_API_VERSION = 'v1beta';

/**
 * A Gemini model served by the Gemini API (Google AI Studio), through @google/genai (imported
 * here, on first use). The SDK never retries and, unless
 * `providerOptions.google.automaticContinuation` asks for it, never continues a stream on its
 * own (the runner is the one retry layer): one call is one request. The key travels in
 * `x-goog-api-key`.
 */
export async function createGoogleModel(options: GoogleModelOptions): Promise<LanguageModelV1> {
  const { GoogleGenAI } = await import('@google/genai');
  const { baseUrl, apiVersion } = splitBaseURL(options.baseURL);
  const client = new GoogleGenAI({
    apiKey: options.apiKey,
    vertexai: false,
    apiVersion,
    // retryOptions unset means no retries in this SDK version; one attempt is said outright.
    httpOptions: { baseUrl, apiVersion, retryOptions: { attempts: 1 }, ...(options.headers === undefined ? {} : { headers: options.headers }) },
  });
  const modelPath = options.modelId.includes('/') ? options.modelId : `models/${options.modelId}`;

  function prepare(call: CallOptions, action: 'generateContent' | 'streamGenerateContent') {
    const { contents, config, warnings } = convertRequest(call);
    const record: FetchRecord = {};
    // Aborted by the caller's signal, or when the consumer stops reading the stream.
    const cancel = new AbortController();
    const signal = call.abortSignal === undefined ? cancel.signal : AbortSignal.any([call.abortSignal, cancel.signal]);
    const parameters: GenerateContentParameters = {
      model: options.modelId,
      contents,
      // The SDK would otherwise send more requests on its own to continue a paused decode
      // (finishReason CONTINUATION) or resume a dropped stream from a checkpoint.
      // providerOptions.google.automaticContinuation = true turns that back on.
      config: { automaticContinuation: false, ...config, abortSignal: signal, httpOptions: { fetch: recordingFetch(record) } },
    };
    const fallbackUrl = `${baseUrl}/${apiVersion}/${modelPath}:${action}${action === 'streamGenerateContent' ? '?alt=sse' : ''}`;
    const url = () => record.url ?? fallbackUrl;
    const toError = (error: unknown) => toCallError(error, { fallbackUrl, apiKey: options.apiKey, signal: call.abortSignal, record });
    // What went over the wire (the key is in a header, not in the body), else what was asked for.
    const requestBody = () => (record.body === undefined ? { model: options.modelId, contents, config } : parseJson(record.body));
    return { parameters, warnings, toError, url, requestBody, close: () => cancel.abort() };
  }

  return {
    specificationVersion: 'v1',
    provider: 'google',
    modelId: options.modelId,
    defaultConcurrency: 8,

    async doGenerate(call): Promise<GenerateResult> {
      const { parameters, warnings, toError, url, requestBody } = prepare(call, 'generateContent');
      let response;
      try {
        response = await client.models.generateContent(parameters);
      } catch (error) {
        throw toError(error);
      }
      const result = mapResponse(response);
      if (result.finishReason.raw === CONTINUATION) throw unfinishedAnswerError(url());
      return { ...result, warnings, request: { body: requestBody() } };
    },

    async doStream(call): Promise<StreamResult> {
      const { parameters, warnings, toError, url, requestBody, close } = prepare(call, 'streamGenerateContent');
      let chunks;
      try {
        chunks = await client.models.generateContentStream(parameters);
      } catch (error) {
        throw toError(error);
      }
      const stream = mapStream({ chunks, close, toError, signal: call.abortSignal, url });
      return { stream, warnings, request: { body: requestBody() } };
    },
  };
}

/** `https://host/v1beta/` → `{ baseUrl: 'https://host', apiVersion: 'v1beta' }`. */
function splitBaseURL(baseURL: string): { baseUrl: string; apiVersion: string } {
  const trimmed = baseURL.replace(/\/+$/, '');
  const match = /^(.*)\/(v\d+(?:alpha|beta)?\d*)$/.exec(trimmed);
  if (match?.[1] !== undefined && match[2] !== undefined) return { baseUrl: match[1], apiVersion: match[2] };
  return { baseUrl: trimmed, apiVersion: DEFAULT_API_VERSION };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
