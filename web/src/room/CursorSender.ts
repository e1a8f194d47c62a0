import { boardPoint, type BoardPoint } from '@scrawl/drawing-engine';

/** Cursor positions go out at most this often: 20 a second looks smooth and costs little. */
const CURSOR_INTERVAL_MS = 50;
/** Cursor coordinates are rounded to this many board units; finer is invisible. */
const CURSOR_STEP = 0.5;

/**
 * Throttles cursor updates: the first position goes out at once, later ones at most once
 * per {@link CURSOR_INTERVAL_MS}, and the last position always arrives.
 */
export class CursorSender {
  private pending: BoardPoint | null = null;
  private sent: BoardPoint | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly send: (at: { x: number; y: number } | null) => void) {}

  /** Queues the latest position (null: the pointer left the board). */
  set(at: BoardPoint | null): void {
    this.pending = at === null ? null : boardPoint(round(at.x), round(at.y));
    if (this.timer === null) this.flush();
  }

  /** Stops sending. */
  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private readonly flush = (): void => {
    this.timer = null;
    const next = this.pending;
    if (next?.x === this.sent?.x && next?.y === this.sent?.y) return;
    this.sent = next;
    this.send(next === null ? null : { x: next.x, y: next.y });
    this.timer = setTimeout(this.flush, CURSOR_INTERVAL_MS);
  };
}

function round(value: number): number {
  return Math.round(value / CURSOR_STEP) * CURSOR_STEP;
}
