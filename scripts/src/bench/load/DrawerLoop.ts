import type { InputPoint } from '@scrawl/drawing-engine';
import { now } from '../clock.js';
import { FRAME_MS, type Trace } from '../trace.js';
import type { SendTable } from './SendTable.js';

/** Where a drawer's strokes go: one implementation per server kind. */
export interface StrokeSink {
  /** One animation frame's samples of a stroke, written as one message (the first begins it). */
  flush(strokeId: string, points: readonly InputPoint[]): void;
  /** Pointer-up: the last samples (maybe none) and the end of the stroke. */
  finish(strokeId: string, points: readonly InputPoint[]): void;
}

/** What a drawer has written so far. */
export interface DrawerCounts {
  points: number;
  strokes: number;
  /** Flushes that carried points (one message each). */
  flushes: number;
  /** Strokes finished (pointer-up written). */
  finished: number;
}

/**
 * Replays the pen trace at real speed, as the web client draws it (web/src/board/
 * PointerDrawing.ts): samples queue as they "arrive" on the trace's clock, one flush per
 * 60 Hz animation frame writes them, and pointer-up flushes the rest and finishes the stroke
 * at once. Every flush's send time goes into the side table before it is written.
 */
export class DrawerLoop {
  readonly counts: DrawerCounts = { points: 0, strokes: 0, flushes: 0, finished: 0 };
  /** Ids of every stroke begun, in order. */
  readonly strokeIds: string[] = [];
  private startedAt = 0;
  private nextFrame = 0;
  private timer: NodeJS.Timeout | null = null;
  private stroke = 0;
  private loop = 0;
  private point = 0;
  private begun = false;
  private stopped = false;

  constructor(
    private readonly trace: Trace,
    private readonly sink: StrokeSink,
    private readonly table: SendTable,
    private readonly options: {
      /** Where in the trace to begin, ms. */
      offsetMs: number;
      /** Phase of this client's animation frames, ms (0–16.7). */
      framePhaseMs: number;
      /** Makes stroke ids unique across drawers. */
      idPrefix: string;
    },
  ) {}

  /** Starts drawing now. */
  start(): void {
    this.startedAt = now();
    // Begin at the first stroke that starts at or after the offset.
    const first = this.trace.strokes.findIndex((s) => s.start >= this.options.offsetMs);
    this.stroke = first < 0 ? 0 : first;
    this.loop = first < 0 ? 1 : 0;
    this.nextFrame = this.startedAt + this.options.framePhaseMs;
    this.schedule();
  }

  /** Lifts the pen now (the current stroke is finished with what has arrived) and stops. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const at = this.traceTime(now());
    const current = this.current();
    if (this.begun || current.start <= at) {
      const rest = this.take(at);
      if (this.begun || rest.length > 0) this.finishStroke(rest);
    }
  }

  private get strokeLength(): number {
    return this.trace.strokes.length;
  }

  private current() {
    const stroke = this.trace.strokes[this.stroke]!;
    const base = this.loop * this.trace.lengthMs;
    const last = stroke.points.at(-1)?.t ?? 0;
    return { stroke, start: base + stroke.start, end: base + stroke.start + last };
  }

  private traceTime(at: number): number {
    return this.options.offsetMs + (at - this.startedAt);
  }

  private get strokeId(): string {
    return `${this.options.idPrefix}-${this.loop}-${this.stroke}`;
  }

  /** Samples of the current stroke that have arrived by trace time `at`. */
  private take(at: number): InputPoint[] {
    const { stroke, start } = this.current();
    const taken: InputPoint[] = [];
    while (this.point < stroke.points.length && start + stroke.points[this.point]!.t <= at) {
      taken.push(stroke.points[this.point]!);
      this.point++;
    }
    return taken;
  }

  private schedule(): void {
    if (this.stopped) return;
    const { end } = this.current();
    const penUp = this.startedAt + (end - this.options.offsetMs);
    const wake = Math.min(this.nextFrame, penUp);
    this.timer = setTimeout(() => this.wake(), Math.max(0, wake - now()));
  }

  private wake(): void {
    const at = now();
    const traceAt = this.traceTime(at);
    // Pointer-ups that have happened by now, each finishing its stroke at once.
    while (this.current().end <= traceAt) {
      this.finishStroke(this.take(Infinity));
    }
    if (at >= this.nextFrame) {
      const points = this.take(traceAt);
      if (points.length > 0) this.write(points, false);
      while (this.nextFrame <= at) this.nextFrame += FRAME_MS;
    }
    this.schedule();
  }

  private write(points: readonly InputPoint[], last: boolean): void {
    const id = this.strokeId;
    if (!this.begun) {
      this.begun = true;
      this.counts.strokes++;
      this.strokeIds.push(id);
    }
    const from = this.counts.points - this.pointsBefore;
    if (points.length > 0) this.table.sent(id, from, now());
    this.counts.points += points.length;
    if (points.length > 0) this.counts.flushes++;
    if (last) this.sink.finish(id, points);
    else this.sink.flush(id, points);
  }

  /** Points written before the current stroke began (so indices count from its start). */
  private pointsBefore = 0;

  private finishStroke(rest: readonly InputPoint[]): void {
    this.write(rest, true);
    this.counts.finished++;
    this.pointsBefore = this.counts.points;
    this.begun = false;
    this.point = 0;
    this.stroke++;
    if (this.stroke >= this.strokeLength) {
      this.stroke = 0;
      this.loop++;
    }
  }
}
