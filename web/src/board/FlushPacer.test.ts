import { describe, expect, it } from '@jest/globals';
import { FlushPacer, MAX_FLUSHES_PER_SECOND } from './FlushPacer';

/**
 * Times of the frames that flushed in ten seconds of frames at `hz`, each frame up to
 * `jitterMs` early or late.
 */
function flushTimes(hz: number, jitterMs: number): number[] {
  const pacer = new FlushPacer();
  let seed = 7;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const flushed: number[] = [];
  for (let frame = 0; frame < hz * 10; frame++) {
    const now = (frame * 1000) / hz + (random() * 2 - 1) * jitterMs;
    if (pacer.due(now)) flushed.push(now);
  }
  return flushed;
}

const flushesAt = (hz: number, jitterMs: number) => flushTimes(hz, jitterMs).length;

/** The most flushes inside any one second. */
function busiestSecond(times: readonly number[]): number {
  let most = 0;
  let from = 0;
  for (let to = 0; to < times.length; to++) {
    while (times[to]! - times[from]! >= 1000) from++;
    most = Math.max(most, to - from + 1);
  }
  return most;
}

describe('FlushPacer', () => {
  it('writes on every frame of a 60 Hz screen, jitter and all', () => {
    expect(flushesAt(60, 0)).toBe(600);
    expect(flushesAt(60, 1)).toBe(600);
  });

  it.each([75, 90, 120, 144, 165, 240])(
    'writes 55 to 60 times a second, with no burst, on a %i Hz screen',
    (hz) => {
      const times = flushTimes(hz, 0.5);
      expect(times.length / 10).toBeLessThanOrEqual(MAX_FLUSHES_PER_SECOND);
      expect(times.length / 10).toBeGreaterThanOrEqual(55);
      // A slot taken a little early (jitter) can put one more write into some second.
      expect(busiestSecond(times)).toBeLessThanOrEqual(MAX_FLUSHES_PER_SECOND + 1);
    },
  );

  it('writes every frame of a slower screen', () => {
    expect(flushesAt(30, 0.5)).toBe(300);
  });

  it('writes the first frame after a pause at once, and the next only a slot later', () => {
    const pacer = new FlushPacer();
    expect(pacer.due(0)).toBe(true);
    expect(pacer.due(5000)).toBe(true);
    expect(pacer.due(5008)).toBe(false);
    expect(pacer.due(5016.7)).toBe(true);
  });
});
