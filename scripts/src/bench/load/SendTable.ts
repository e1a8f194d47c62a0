import type { Histogram } from '../Histogram.js';

/** One flush: the stroke's points from `from` on were handed to the socket at `at`. */
interface Sent {
  readonly from: number;
  readonly at: number;
}

/**
 * The out-of-band side table of the latency measurement. The drawer notes, per stroke and
 * point index, when each flush went to its socket; a watcher, when points arrive, looks up
 * their send times and records the difference. Drawer and watchers share this process, so
 * both readings come from the same clock (see clock.ts).
 */
export class SendTable {
  private readonly strokes = new Map<string, Sent[]>();
  /** Only points sent inside this window count (warm-up and drain are left out). */
  private window: { from: number; to: number } = { from: Infinity, to: -Infinity };

  /** Sets the measurement window (clock ms). */
  measure(from: number, to: number): void {
    this.window = { from, to };
  }

  /** The drawer flushed points `from`… of a stroke at `at`. */
  sent(stroke: string, from: number, at: number): void {
    let flushes = this.strokes.get(stroke);
    if (!flushes) {
      flushes = [];
      this.strokes.set(stroke, flushes);
    }
    flushes.push({ from, at });
  }

  /**
   * Points [from, to) of a stroke arrived at a watcher at `at`: records each one's latency
   * (if it was sent inside the window). Returns how many were recorded.
   */
  received(stroke: string, from: number, to: number, at: number, into: Histogram): number {
    const flushes = this.strokes.get(stroke);
    if (!flushes || to <= from) return 0;
    let recorded = 0;
    for (let i = flushes.length - 1; i >= 0; i--) {
      const flush = flushes[i]!;
      const end = i + 1 < flushes.length ? flushes[i + 1]!.from : Infinity;
      const lo = Math.max(from, flush.from);
      const hi = Math.min(to, end);
      if (hi > lo && flush.at >= this.window.from && flush.at <= this.window.to) {
        into.record(at - flush.at, hi - lo);
        recorded += hi - lo;
      }
      if (flush.from <= from) break;
    }
    return recorded;
  }
}
