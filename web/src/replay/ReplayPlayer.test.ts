import { describe, expect, it } from '@jest/globals';
import { buildReplay } from '@scrawl/drawing-engine';
import { ROUND, syntheticRound } from '../bench/syntheticRound';
import { ReplayPlayer, type FrameClock } from './ReplayPlayer';
import { ReplayStrokes } from './ReplayStrokes';
import { strokeMoments } from './strokeMoments';

const replay = buildReplay(syntheticRound(20, 10_000));
const window = { startedAt: ROUND.startedAt, duration: 10_500 };

/** Animation frames driven by the test: `tick(ms)` runs the waiting frame that much later. */
function manualFrames() {
  let waiting: ((now: number) => void) | null = null;
  let now = 0;
  const clock: FrameClock = {
    request: (callback) => {
      waiting = callback;
      return 1;
    },
    cancel: () => {
      waiting = null;
    },
  };
  const tick = (ms: number) => {
    now += ms;
    const callback = waiting;
    waiting = null;
    callback?.(now);
  };
  return { clock, tick, pending: () => waiting !== null };
}

function player(startT = 0) {
  const frames = manualFrames();
  return {
    frames,
    player: new ReplayPlayer(replay, window, new ReplayStrokes(), startT, frames.clock),
  };
}

describe('ReplayPlayer', () => {
  it('opens at the requested time, clamped to the replay', () => {
    expect(player(4_000).player.playback.get()).toEqual({ t: 4_000, playing: false, speed: 1 });
    expect(player(99_000).player.playback.get().t).toBe(10_500);
  });

  it('plays at the chosen speed and stops at the end', () => {
    const { player: p, frames } = player();
    p.setSpeed(4);
    p.play();
    frames.tick(16);
    frames.tick(500);
    expect(p.playback.get()).toMatchObject({ t: 2_000, playing: true });
    expect(p.strokes.get().length).toBeGreaterThan(0);
    frames.tick(5_000);
    expect(p.playback.get()).toMatchObject({ t: 10_500, playing: false });
    expect(frames.pending()).toBe(false);
  });

  it('starts over when played at the end, and pauses', () => {
    const { player: p, frames } = player(10_500);
    p.play();
    expect(p.playback.get()).toMatchObject({ t: 0, playing: true });
    expect(p.strokes.get()).toHaveLength(0);
    p.toggle();
    expect(p.playback.get().playing).toBe(false);
    expect(frames.pending()).toBe(false);
  });

  it('steps stroke by stroke and skips by seconds', () => {
    const { player: p } = player(3_000);
    const moments = strokeMoments(replay, ROUND.startedAt);
    p.step(1);
    expect(p.playback.get().t).toBe(moments.find((m) => m > 3_000));
    p.step(-1);
    expect(p.playback.get().t).toBe(moments.findLast((m) => m < 3_000));
    p.seek(1_000);
    p.skip(-5);
    expect(p.playback.get().t).toBe(0);
    p.skip(1);
    expect(p.playback.get().t).toBe(1_000);
  });
});
