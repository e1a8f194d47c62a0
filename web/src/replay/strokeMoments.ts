import * as Y from 'yjs';
import { STROKE_FIELDS, getStrokes, type ReplayData } from '@scrawl/drawing-engine';

/**
 * The moments (ms from `startedAt`, sorted, distinct) at which a stroke starts, is
 * finished, or leaves the board (undo, erase, clear): where "step stroke by stroke" stops.
 * Found by playing the replay's updates once and watching the stroke list.
 */
export function strokeMoments(replay: ReplayData, startedAt: number): number[] {
  const doc = new Y.Doc();
  const strokes = getStrokes(doc);
  const moments = new Set<number>();
  let now = 0;
  strokes.observeDeep((events) => {
    for (const event of events) {
      if (event.target === strokes) {
        moments.add(now);
      } else if (event instanceof Y.YMapEvent && event.keysChanged.has(STROKE_FIELDS.done)) {
        moments.add(now);
      }
    }
  });
  for (const { at, update } of replay.updates) {
    now = Math.max(0, at - startedAt);
    Y.applyUpdate(doc, update);
  }
  doc.destroy();
  return [...moments].sort((a, b) => a - b);
}
