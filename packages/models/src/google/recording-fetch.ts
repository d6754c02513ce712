/**
 * What one call's fetch saw: the URL, the JSON body sent (the request payload, without the
 * key, which travels in a header) and the response's status and headers. @google/genai's
 * ApiError keeps only the status and the body, so Retry-After is read from here.
 */
export interface FetchRecord {
  url?: string;
  body?: string;
  status?: number;
  headers?: Headers;
}

/**
 * A fetch for one call that records what it sends and receives. Given a fetch of its own,
 * the SDK no longer lifts undici's 300 s header and body timeouts, so this does what the SDK
 * does: it sends the request through the global dispatcher with both timeouts off (the
 * runner owns time limits and aborts through the signal).
 */
export function recordingFetch(record: FetchRecord): typeof fetch {
  return async (input, init) => {
    record.url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (typeof init?.body === 'string') record.body = init.body;
    const dispatcher = noTimeoutDispatcher();
    const response = await fetch(input, dispatcher === undefined || init === undefined ? init : ({ ...init, dispatcher } as unknown as RequestInit));
    record.status = response.status;
    record.headers = response.headers;
    return response;
  };
}

interface Dispatcher {
  dispatch(options: Record<string, unknown>, handler: unknown): boolean;
}

const GLOBAL_DISPATCHER = Symbol.for('undici.globalDispatcher.1');

function noTimeoutDispatcher(): Dispatcher | undefined {
  const global = (globalThis as Record<symbol, unknown>)[GLOBAL_DISPATCHER] as Dispatcher | undefined;
  if (global === undefined || typeof global.dispatch !== 'function') return undefined;
  return {
    dispatch: (options, handler) => global.dispatch({ ...options, headersTimeout: 0, bodyTimeout: 0 }, handler),
  };
}
