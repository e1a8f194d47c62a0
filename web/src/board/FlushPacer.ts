/**
 * Most stroke writes a drawer sends per second, whatever the screen's refresh rate: a 120 or
 * 144 Hz screen would otherwise send a message per frame, and every message pays the
 * document name and the Yjs framing again (issue 10: at most 60 per second per drawer).
 */
export const MAX_FLUSHES_PER_SECOND = 60;

/** Animation frames jitter; a frame this much early still takes its slot. */
const TOLERANCE_MS = 2;

/**
 * Decides which animation frames write the queued samples. Slots lie on a grid of 1/60 s
 * from the first frame that wrote; a frame writes when a slot has come since the last write.
 * On a 60 Hz screen every frame writes; on faster screens the frames between slots only
 * queue, so the rate stays at {@link MAX_FLUSHES_PER_SECOND}. After a pause (no write for
 * two slots) the grid starts again at the next frame, which writes at once: no slots are
 * banked for a burst.
 */
export class FlushPacer {
  private readonly interval = 1000 / MAX_FLUSHES_PER_SECOND;
  private anchor = -Infinity;
  private slots = 0;

  /** Whether the frame at `now` (ms, a monotonic clock) writes; if so, it takes its slot. */
  due(now: number): boolean {
    if (now - (this.anchor + this.slots * this.interval) >= 2 * this.interval) {
      this.anchor = now;
      this.slots = 0;
      return true;
    }
    if (now - this.anchor < (this.slots + 1) * this.interval - TOLERANCE_MS) return false;
    this.slots++;
    return true;
  }
}
