import { describe, expect, it } from '@jest/globals';
import { PRESENCE_EXCESS_FACTOR, SocketRateLimiter, TokenBucket } from './RateLimiter.js';

/** The shipped per-socket defaults (LIMIT_* in protocol's config). */
const LIMITS = {
  updatesPerSecond: 120,
  updateBytesPerSecond: 512 * 1024,
  presencePerSecond: 30,
  rpcPerSecond: 10,
};

describe('rate limits', () => {
  it('passes a burst, refuses beyond it, and refills with time', () => {
    const bucket = new TokenBucket(10, 20, 0);
    for (let i = 0; i < 20; i++) expect(bucket.take(1, 0)).toBe(true);
    expect(bucket.take(1, 0)).toBe(false);
    expect(bucket.take(1, 100)).toBe(true);
    expect(bucket.take(1, 100)).toBe(false);
  });

  it('holds a 60 Hz drawer for a minute but stops a flood', () => {
    const limiter = new SocketRateLimiter(LIMITS, 1024 * 1024, 0);
    for (let frame = 0; frame < 3600; frame++)
      expect(limiter.allow('update', 80, (frame * 1000) / 60)).toBe(true);
    const flood = new SocketRateLimiter(LIMITS, 1024 * 1024, 0);
    let passed = 0;
    for (let i = 0; i < 10_000; i++) if (flood.allow('update', 80, i / 10)) passed++;
    expect(passed).toBeLessThan(400);
  });

  it('always lets one maximum-size frame through, but not a stream of them', () => {
    const limiter = new SocketRateLimiter(
      { ...LIMITS, updateBytesPerSecond: 64 * 1024 },
      1024 * 1024,
      0,
    );
    expect(limiter.allow('update', 1024 * 1024, 0)).toBe(true);
    expect(limiter.allow('update', 1024 * 1024, 10)).toBe(false);
  });

  it('holds presence past its limit up to ten times the limit, then calls it a flood', () => {
    const limiter = new SocketRateLimiter(LIMITS, 1024 * 1024, 0);
    let passed = 0;
    let held = 0;
    let refused = 0;
    for (let i = 0; i < 1000; i++) {
      if (limiter.allow('presence', 30, 0)) passed++;
      else if (limiter.mayHoldPresence(0)) held++;
      else refused++;
    }
    expect(passed).toBe(60);
    expect(held).toBe(60 * PRESENCE_EXCESS_FACTOR);
    expect(refused).toBe(1000 - 60 - 600);
  });
});
