/** The wire formats the fake provider speaks. */
export type Protocol = 'openai' | 'anthropic' | 'google';

/**
 * What goes wrong with one request. Status and hang faults are handled by the server the same
 * way for every protocol; the others change the answer stream and are applied by the protocol.
 */
export type Fault =
  /**
   * An HTTP error with the provider's JSON error body (429 + Retry-After, 503, 500, 400 ...);
   * `body` replaces that body verbatim (an HTML page from a proxy, another JSON shape).
   */
  | { kind: 'status'; status: number; retryAfter?: string; message?: string; body?: string }
  /** Send about half of the chunks, then destroy the socket. */
  | { kind: 'reset-mid-stream' }
  /** Accept the request and send nothing, forever; with `headers: true`, send the 200 headers first. */
  | { kind: 'hang'; headers?: boolean }
  /** A stream event whose data is not JSON (a non-streaming body that is not JSON). */
  | { kind: 'malformed-json' }
  /** Chunks with `choices: []` and no content (and no finish). */
  | { kind: 'empty-choices' }
  /** The answer is cut off by the provider's filter (`finish_reason: "content_filter"`). */
  | { kind: 'content-filter' }
  /** Reasoning only, then `finish_reason: "length"`: the token limit hit while thinking. */
  | { kind: 'length-while-thinking' };

export interface FakeRequest {
  /** 0-based arrival order. */
  index: number;
  protocol: Protocol;
  path: string;
  model: string;
  /** The parsed JSON body. */
  body: any;
  /** Lower-case header names, as received. */
  headers: Record<string, string>;
  /** The text of the last user message. */
  prompt: string;
  fault?: Fault;
  /** The full successful answer was sent (no fault, the response ended normally). */
  completed: boolean;
}

export interface FakeAnswer {
  text: string;
  /** Reasoning sent apart from the answer (`reasoning_content` for OpenAI-style servers). */
  reasoning?: string;
}

export interface FakeProviderOptions {
  /** Called once per request; the fault to inject, or undefined for a normal answer. */
  fault?: (request: FakeRequest) => Fault | undefined;
  /** The answer to a request. Default: `Answer: <prompt>`. */
  answer?: (request: FakeRequest) => FakeAnswer;
  /**
   * A recorded response body to send verbatim instead of a generated one (an SSE transcript for
   * streaming requests, a JSON body otherwise). Return undefined for a generated answer.
   */
  replay?: (request: FakeRequest) => string | undefined;
  /** Delay before the first content chunk (after the headers). Default 0. */
  firstTokenDelayMs?: number | ((request: FakeRequest) => number);
  /** Delay between chunks. Default 0. */
  chunkDelayMs?: number;
  /** Words per content chunk. Default 1. */
  tokensPerChunk?: number;
  /** Keep every request in `requests`. Default true; false keeps memory flat for benchmarks. */
  recordRequests?: boolean;
  /** Port to listen on (127.0.0.1). Default 0: any free port. */
  port?: number;
}

export interface FakeProvider {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  url: string;
  /** Every request so far, in arrival order (empty when `recordRequests` is false). */
  requests: FakeRequest[];
  /** How many requests arrived (counted even when they are not recorded). */
  readonly requestCount: number;
  /** Stops listening and destroys open connections (hanging ones included). */
  close(): Promise<void>;
}
