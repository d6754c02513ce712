export interface RateLimits {
  requestsPerMinute?: number | undefined;
  tokensPerMinute?: number | undefined;
}

interface Entry {
  at: number;
  tokens: number;
}

const WINDOW_MS = 60_000;

/**
 * Keeps a provider under its requests- and tokens-per-minute limits over a sliding minute.
 * `acquire` waits until a request of about `tokens` tokens fits, and returns how long it
 * waited; `settle` replaces the estimate with what the provider reported. One limiter is
 * shared by all models of a provider, since providers count per key.
 */
export class RateLimiter {
  readonly limits: RateLimits;
  private readonly entries: Entry[] = [];
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(limits: RateLimits, options: { now?: () => number; sleep?: (ms: number) => Promise<void> } = {}) {
    this.limits = limits;
    this.now = options.now ?? (() => performance.now());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Waits for room for one request of about `tokens` tokens; returns the ms waited and a ticket for `settle`. */
  async acquire(tokens: number, signal?: AbortSignal): Promise<{ waitedMs: number; ticket: object }> {
    const started = this.now();
    for (;;) {
      if (signal?.aborted === true) throw signal.reason ?? new Error('aborted');
      const now = this.now();
      this.prune(now);
      const wait = this.waitFor(tokens, now);
      if (wait <= 0) {
        const entry: Entry = { at: now, tokens };
        this.entries.push(entry);
        return { waitedMs: now - started, ticket: entry };
      }
      await this.sleep(Math.max(1, Math.ceil(wait)));
    }
  }

  /** Corrects a request's token count once the provider has reported its usage. */
  settle(ticket: object, tokens: number | undefined): void {
    if (tokens !== undefined && Number.isFinite(tokens)) (ticket as Entry).tokens = tokens;
  }

  private prune(now: number): void {
    while (this.entries.length > 0 && (this.entries[0] as Entry).at <= now - WINDOW_MS) this.entries.shift();
  }

  /** Milliseconds until a request of `tokens` fits (0 if it fits now). */
  private waitFor(tokens: number, now: number): number {
    const { requestsPerMinute, tokensPerMinute } = this.limits;
    let wait = 0;
    if (requestsPerMinute !== undefined && this.entries.length >= requestsPerMinute) {
      const oldest = this.entries[this.entries.length - requestsPerMinute] as Entry;
      wait = Math.max(wait, oldest.at + WINDOW_MS - now);
    }
    if (tokensPerMinute !== undefined && this.entries.length > 0) {
      // A request bigger than the whole budget goes alone, once the window is empty.
      const budget = Math.max(0, tokensPerMinute - Math.min(tokens, tokensPerMinute));
      let used = 0;
      for (const entry of this.entries) used += entry.tokens;
      if (used > budget) {
        // Wait until enough of the oldest entries leave the window.
        let freed = 0;
        for (const entry of this.entries) {
          freed += entry.tokens;
          if (used - freed <= budget) {
            wait = Math.max(wait, entry.at + WINDOW_MS - now);
            break;
          }
        }
      }
    }
    return wait;
  }
}

/** A rough upper estimate of a text's tokens: a quarter token per ASCII character, one per other character. */
export function estimateTokens(text: string): number {
  let ascii = 0;
  let other = 0;
  for (const character of text) {
    if (character.charCodeAt(0) < 128) ascii += 1;
    else other += 1;
  }
  return Math.ceil(ascii / 4) + other;
}
