import { describe, expect, it } from 'vitest';
import { RateLimiter, estimateTokens } from './rate-limiter.js';

/** A clock that only moves when the limiter sleeps. */
function fakeClock() {
  let now = 0;
  return { now: () => now, sleep: async (ms: number) => void (now += ms), elapsed: () => now };
}

describe('RateLimiter', () => {
  it('lets requestsPerMinute through per sliding minute and makes the next wait', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ requestsPerMinute: 3 }, clock);
    for (let index = 0; index < 3; index += 1) expect((await limiter.acquire(1)).waitedMs).toBe(0);
    const fourth = await limiter.acquire(1);
    expect(fourth.waitedMs).toBeGreaterThanOrEqual(60_000);
    expect(fourth.waitedMs).toBeLessThan(60_010);
  });

  it('keeps tokens per minute, and corrects estimates with the reported usage', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ tokensPerMinute: 1000 }, clock);
    const first = await limiter.acquire(600);
    limiter.settle(first.ticket, 100); // it used far less than estimated
    expect((await limiter.acquire(600)).waitedMs).toBe(0);
    const third = await limiter.acquire(600);
    expect(third.waitedMs).toBeGreaterThanOrEqual(60_000);
  });

  it('lets a request larger than the whole budget through alone', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ tokensPerMinute: 100 }, clock);
    expect((await limiter.acquire(5000)).waitedMs).toBe(0);
    expect((await limiter.acquire(10)).waitedMs).toBeGreaterThanOrEqual(60_000);
  });

  it('gives up waiting when the run is aborted', async () => {
    const controller = new AbortController();
    const limiter = new RateLimiter({ requestsPerMinute: 1 }, { sleep: async () => controller.abort(new Error('stop')) });
    await limiter.acquire(1);
    await expect(limiter.acquire(1, controller.signal)).rejects.toThrow('stop');
  });
});

describe('estimateTokens', () => {
  it('errs high: a quarter token per ASCII character, one per other character', () => {
    expect(estimateTokens('abcd'.repeat(10))).toBe(10);
    expect(estimateTokens('我们明天出发')).toBe(6);
  });
});
