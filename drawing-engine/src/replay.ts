import * as Y from 'yjs';
import { getStrokes } from './canvasDoc.js';

/**
 * A round's replay: the canvas document's updates with the server time each arrived, and
 * keyframes (the whole document, encoded) every few seconds and after each clear. Seeking to
 * a time loads the last keyframe at or before it and applies the updates after it, up to the
 * time — the document exactly as watchers had it then, undo and clear included.
 */

/** One update and the server time (epoch ms) it arrived. */
export interface TimedUpdate {
  readonly at: number;
  readonly update: Uint8Array;
}

/** The document as of `at`: every update with a time ≤ `at` (and index < `upTo`) applied. */
export interface Keyframe {
  readonly at: number;
  /** How many of the replay's updates the keyframe holds. */
  readonly upTo: number;
  readonly state: Uint8Array;
}

export interface ReplayData {
  /** Sorted by time. */
  readonly updates: readonly TimedUpdate[];
  /** Sorted by time. */
  readonly keyframes: readonly Keyframe[];
}

/**
 * A keyframe every this many ms of round time: at most ~5 s of updates to apply after one,
 * which a browser does in well under the 50 ms a seek may take.
 */
export const KEYFRAME_INTERVAL_MS = 5000;

/**
 * Builds a replay from a document's log (any order; it is sorted by time, ties keep their
 * order). Adds a keyframe every `intervalMs` and right after any update that left the board
 * empty (a clear), so seeking across a clear never replays what it removed.
 */
export function buildReplay(
  log: readonly TimedUpdate[],
  intervalMs = KEYFRAME_INTERVAL_MS,
): ReplayData {
  const updates = log
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => a.entry.at - b.entry.at || a.index - b.index)
    .map(({ entry }) => entry);
  const doc = new Y.Doc();
  const strokes = getStrokes(doc);
  const keyframes: Keyframe[] = [];
  let lastKeyframeAt = updates[0]?.at ?? 0;
  updates.forEach((entry, index) => {
    const before = strokes.length;
    Y.applyUpdate(doc, entry.update);
    const next = updates[index + 1];
    // A keyframe after the last update of its millisecond only, so it means "everything ≤ at".
    if (next?.at === entry.at) return;
    const cleared = before > 0 && strokes.length === 0;
    if (cleared || entry.at - lastKeyframeAt >= intervalMs) {
      keyframes.push({ at: entry.at, upTo: index + 1, state: Y.encodeStateAsUpdate(doc) });
      lastKeyframeAt = entry.at;
    }
  });
  doc.destroy();
  return { updates, keyframes };
}

/** The canvas document as it was at time `at` (epoch ms). */
export function seekReplay(replay: ReplayData, at: number): Y.Doc {
  const doc = new Y.Doc();
  let from = 0;
  const keyframe = lastAtOrBefore(replay.keyframes, at);
  if (keyframe) {
    Y.applyUpdate(doc, keyframe.state);
    from = keyframe.upTo;
  }
  doc.transact(() => {
    for (let i = from; i < replay.updates.length; i++) {
      const entry = replay.updates[i]!;
      if (entry.at > at) break;
      Y.applyUpdate(doc, entry.update);
    }
  });
  return doc;
}

function lastAtOrBefore(keyframes: readonly Keyframe[], at: number): Keyframe | undefined {
  let low = 0;
  let high = keyframes.length - 1;
  let found: Keyframe | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const keyframe = keyframes[middle]!;
    if (keyframe.at <= at) {
      found = keyframe;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}
