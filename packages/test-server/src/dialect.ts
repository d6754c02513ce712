import type { ServerResponse } from 'node:http';
import type { FakeAnswer, FakeRequest, Fault, Protocol } from './types.js';

/**
 * What a protocol file (src/protocols/*.ts) implements so the server can route to it. The
 * server reads the body, builds the FakeRequest, applies `status` and `hang` faults and
 * replays recorded transcripts itself; the dialect turns an answer into the provider's wire
 * format and applies the faults that change the answer stream.
 */
export interface Dialect {
  protocol: Protocol;
  /**
   * The model, the last user message's text and whether a stream is wanted. `params` are the
   * route pattern's named groups (e.g. `model` from `/v1beta/models/{model}:...`). Throwing
   * an Error answers 400 with its message.
   */
  // The body is whatever JSON the client sent.
  readRequest(body: any, params: Record<string, string>, url: URL): { model: string; prompt: string; stream: boolean };
  /** The provider's JSON error body for an HTTP error status. */
  errorBody(status: number, message: string): string;
  /** Sends the answer; resolves true when it was sent in full (the response ended normally). */
  respond(exchange: Exchange): Promise<boolean>;
}

export interface Exchange {
  request: FakeRequest;
  response: ServerResponse;
  answer: FakeAnswer;
  stream: boolean;
  /** A stream-level fault; `status` and `hang` faults never reach a dialect. */
  fault: Fault | undefined;
  pacing: Pacing;
}

export interface Pacing {
  firstTokenDelayMs: number;
  chunkDelayMs: number;
  /** Words per content chunk. */
  tokensPerChunk: number;
}

/** Default error messages, worded the way providers word them. */
export function defaultErrorMessage(status: number): string {
  switch (status) {
    case 400:
      return 'Invalid request.';
    case 401:
      return 'Incorrect API key provided.';
    case 403:
      return 'You are not allowed to use this model.';
    case 404:
      return 'The model does not exist or you do not have access to it.';
    case 408:
      return 'Request timed out.';
    case 429:
      return 'Rate limit reached for requests. Please try again later.';
    case 500:
      return 'The server had an error while processing your request. Sorry about that!';
    case 502:
      return 'Bad gateway.';
    case 503:
      return 'The server is overloaded or not ready yet (server busy).';
    default:
      return `HTTP ${status}`;
  }
}
