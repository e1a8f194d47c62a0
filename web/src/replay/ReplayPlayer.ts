import type { ReplayData } from '@scrawl/drawing-engine';
import type { RenderedStroke } from '../board/StrokeCache';
import { Store } from '../lib/Store';
import { ReplayPlayhead, updatesUpTo } from './ReplayPlayhead';
import type { ReplayStrokes } from './ReplayStrokes';
import { strokeMoments } from './strokeMoments';
import { clamp, stepMoment, type ReplayWindow, type Speed } from './timeline';

/** Where playback is: ms from the start, running or not, how fast. */
export interface PlaybackState {
  readonly t: number;
  readonly playing: boolean;
  readonly speed: Speed;
}

/** Animation frames, injectable for tests. */
export interface FrameClock {
  request(callback: (now: number) => void): number;
  cancel(id: number): void;
}

const ANIMATION_FRAMES: FrameClock = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (id) => {
    cancelAnimationFrame(id);
  },
};

/**
 * Plays a replay: the playback state and the strokes on the board at its time, as stores.
 * Every seek renders the document as it was then (the playhead); playing advances the time
 * by the frame clock times the speed and stops at the end.
 */
export class ReplayPlayer {
  readonly playback: Store<PlaybackState>;
  readonly strokes = new Store<readonly RenderedStroke[]>([]);
  private readonly playhead: ReplayPlayhead;
  private moments: number[] | null = null;
  private shownUpdates = -1;
  private frame: number | null = null;
  private lastFrameAt: number | null = null;

  constructor(
    private readonly replay: ReplayData,
    readonly window: ReplayWindow,
    private readonly reader: ReplayStrokes,
    startT = 0,
    private readonly clock: FrameClock = ANIMATION_FRAMES,
  ) {
    this.playhead = new ReplayPlayhead(replay);
    this.playback = new Store<PlaybackState>({ t: 0, playing: false, speed: 1 });
    this.seek(startT);
  }

  get duration(): number {
    return this.window.duration;
  }

  /** Shows the board at `t` ms from the start (clamped to the replay). */
  seek(t: number): void {
    const next = clamp(Math.round(t), 0, this.duration);
    this.render(next);
    this.playback.set({ ...this.playback.get(), t: next });
  }

  play(): void {
    const state = this.playback.get();
    if (state.playing) return;
    // Play at the end starts over, as video players do.
    const t = state.t >= this.duration ? 0 : state.t;
    this.render(t);
    this.playback.set({ ...state, t, playing: true });
    this.lastFrameAt = null;
    this.frame = this.clock.request(this.onFrame);
  }

  pause(): void {
    if (this.frame !== null) this.clock.cancel(this.frame);
    this.frame = null;
    const state = this.playback.get();
    if (state.playing) this.playback.set({ ...state, playing: false });
  }

  toggle(): void {
    if (this.playback.get().playing) this.pause();
    else this.play();
  }

  setSpeed(speed: Speed): void {
    this.playback.set({ ...this.playback.get(), speed });
  }

  /** Moves by `seconds` (negative: back). */
  skip(seconds: number): void {
    this.seek(this.playback.get().t + seconds * 1000);
  }

  /** Jumps to the next (1) or previous (-1) moment a stroke starts, ends or goes. */
  step(direction: 1 | -1): void {
    this.moments ??= strokeMoments(this.replay, this.window.startedAt);
    this.seek(stepMoment(this.moments, this.playback.get().t, direction));
  }

  /**
   * The board's strokes every `stepMs` from the start to the end, from a playhead of its own
   * (the board's shown time does not move): what the checkpoint warm-up paints.
   */
  *frames(stepMs: number): Generator<readonly RenderedStroke[], void, undefined> {
    const playhead = new ReplayPlayhead(this.replay);
    try {
      for (let t = 0; ; t += stepMs) {
        const at = Math.min(t, this.duration);
        yield this.reader.read(playhead.docAt(this.window.startedAt + at));
        if (at >= this.duration) return;
      }
    } finally {
      playhead.dispose();
    }
  }

  dispose(): void {
    this.pause();
    this.playhead.dispose();
  }

  private readonly onFrame = (now: number): void => {
    this.frame = null;
    const state = this.playback.get();
    if (!state.playing) return;
    const elapsed = this.lastFrameAt === null ? 0 : now - this.lastFrameAt;
    this.lastFrameAt = now;
    const t = Math.min(this.duration, state.t + elapsed * state.speed);
    this.render(t);
    const ended = t >= this.duration;
    this.playback.set({ ...state, t, playing: !ended });
    if (!ended) this.frame = this.clock.request(this.onFrame);
  };

  /** Puts the strokes of time `t` on the board; no work when the same updates are shown. */
  private render(t: number): void {
    const at = this.window.startedAt + t;
    const count = updatesUpTo(this.replay, at);
    if (count === this.shownUpdates) return;
    this.shownUpdates = count;
    this.strokes.set(this.reader.read(this.playhead.docAt(at)));
  }
}
