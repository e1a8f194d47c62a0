import { useEffect } from 'react';
import type { ReplayPlayer } from './ReplayPlayer';

/** What automated browser tests read from a replay page. */
export interface ReplayTestHooks {
  /** ms from the start shown now. */
  t(): number;
  readonly duration: number;
  playing(): boolean;
  /** Strokes on the board now. */
  strokeCount(): number;
}

declare global {
  interface Window {
    __scrawlReplay?: ReplayTestHooks;
  }
}

/** Exposes `window.__scrawlReplay` while a replay is open. */
export function useReplayTestHooks(player: ReplayPlayer): void {
  useEffect(() => {
    const hooks: ReplayTestHooks = {
      t: () => player.playback.get().t,
      duration: player.duration,
      playing: () => player.playback.get().playing,
      strokeCount: () => player.strokes.get().length,
    };
    window.__scrawlReplay = hooks;
    return () => {
      if (window.__scrawlReplay === hooks) delete window.__scrawlReplay;
    };
  }, [player]);
}
