import * as Y from 'yjs';
import { seekReplay, type ReplayData } from '@scrawl/drawing-engine';

/**
 * Loading a keyframe costs about as much as applying this many updates: moving forward by
 * fewer updates than that applies them to the current document instead of seeking.
 */
const KEYFRAME_COST_IN_UPDATES = 40;

/**
 * The canvas document of a replay at a moving time. A jump loads it with `seekReplay` (the
 * last keyframe plus at most a few seconds of updates); playing forward applies just the
 * updates since the last frame to the same document. Both give the document of every
 * update up to that time (SPEC RP1). The document is reused: read it before the next call.
 */
export class ReplayPlayhead {
  private doc: Y.Doc | null = null;
  /** Index of the first update not applied to `doc`. */
  private next = 0;
  private at = -Infinity;

  constructor(private readonly replay: ReplayData) {}

  /** The document as of server time `at` (epoch ms). */
  docAt(at: number): Y.Doc {
    const target = updatesUpTo(this.replay, at);
    if (this.doc && at >= this.at && this.forwardIsCheaper(at, target)) {
      const doc = this.doc;
      const { updates } = this.replay;
      doc.transact(() => {
        for (let i = this.next; i < target; i++) {
          const entry = updates[i];
          if (entry) Y.applyUpdate(doc, entry.update);
        }
      });
    } else {
      this.doc?.destroy();
      this.doc = seekReplay(this.replay, at);
    }
    this.next = target;
    this.at = at;
    return this.doc;
  }

  /** Releases the document. */
  dispose(): void {
    this.doc?.destroy();
    this.doc = null;
    this.at = -Infinity;
  }

  private forwardIsCheaper(at: number, target: number): boolean {
    const forward = target - this.next;
    let keyframeUpTo = -1;
    for (const keyframe of this.replay.keyframes) {
      if (keyframe.at > at) break;
      keyframeUpTo = keyframe.upTo;
    }
    if (keyframeUpTo < 0) return true;
    return forward <= target - keyframeUpTo + KEYFRAME_COST_IN_UPDATES;
  }
}

/** How many of the replay's updates have a time ≤ `at` (they are sorted by time). */
export function updatesUpTo(replay: ReplayData, at: number): number {
  const { updates } = replay;
  let low = 0;
  let high = updates.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((updates[middle]?.at ?? Infinity) <= at) low = middle + 1;
    else high = middle;
  }
  return low;
}
