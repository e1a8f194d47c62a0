import { useEffect } from 'react';
import Konva from 'konva';
import type { Viewport } from '@scrawl/drawing-engine';
import type { BitmapCheckpoints } from '../board/BitmapCheckpoints';
import { StrokeBitmap } from '../board/StrokeBitmap';
import type { ReplayPlayer } from './ReplayPlayer';

/** Replay time between the frames the warm-up paints. */
const STEP_MS = 1000;
/** Work in slices this long, so the page stays responsive. */
const SLICE_MS = 8;

/**
 * Plays the replay once through an offscreen bitmap after it opens, in small slices, so the
 * board's checkpoint images exist before anyone seeks: every later jump repaints at most a
 * few dozen strokes. Restarts when the board's placement changes.
 */
export function useCheckpointWarmup(
  player: ReplayPlayer,
  checkpoints: BitmapCheckpoints,
  viewport: Viewport,
  size: { readonly width: number; readonly height: number },
): void {
  const { width, height } = size;
  useEffect(() => {
    if (width === 0 || height === 0) return undefined;
    const bitmap = new StrokeBitmap(checkpoints);
    const frames = player.frames(STEP_MS);
    let timer: ReturnType<typeof setTimeout> | null = null;
    const work = () => {
      const until = performance.now() + SLICE_MS;
      while (performance.now() < until) {
        const next = frames.next();
        if (next.done === true) return;
        bitmap.update(next.value, viewport, { width, height }, Konva.pixelRatio);
      }
      timer = setTimeout(work, 0);
    };
    timer = setTimeout(work, 0);
    return () => {
      if (timer !== null) clearTimeout(timer);
      frames.return(undefined);
    };
  }, [player, checkpoints, viewport, width, height]);
}
