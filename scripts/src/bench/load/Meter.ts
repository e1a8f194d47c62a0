import { Histogram } from '../Histogram.js';

/** WebSocket header bytes of a frame of `length` payload bytes (masked: client → server). */
export function frameOverhead(length: number, masked: boolean): number {
  const base = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  return base + (masked ? 4 : 0);
}

/**
 * What one load-generator process measures. Counters move only while `measuring` is set
 * (the measurement window), so warm-up, set-up and drain stay out of every figure.
 */
export class Meter {
  measuring = false;
  readonly latency = new Histogram();
  /** Bytes on the wire (payload and WebSocket header) that reached watchers. */
  watcherBytesIn = 0;
  /** Of those, the bytes of messages that carried stroke data. */
  strokeBytesIn = 0;
  /** Stroke messages that reached watchers. */
  strokeMessagesIn = 0;
  /** Points that reached watchers (each point once per watcher). */
  pointsArrived = 0;
  /** Messages drawers sent (all kinds), and those that carried stroke data. */
  drawerMessagesOut = 0;
  drawerStrokeMessagesOut = 0;
  drawerStrokeBytesOut = 0;
  /** Chat lines and guesses sent. */
  chatSent = 0;

  watcherFrame(bytes: number, stroke: boolean): void {
    if (!this.measuring) return;
    const wire = bytes + frameOverhead(bytes, false);
    this.watcherBytesIn += wire;
    if (stroke) {
      this.strokeBytesIn += wire;
      this.strokeMessagesIn++;
    }
  }

  drawerFrame(bytes: number, stroke: boolean): void {
    if (!this.measuring) return;
    this.drawerMessagesOut++;
    if (stroke) {
      this.drawerStrokeMessagesOut++;
      this.drawerStrokeBytesOut += bytes + frameOverhead(bytes, true);
    }
  }

  arrived(points: number): void {
    if (this.measuring) this.pointsArrived += points;
  }
}

/** The size of whatever `ws` hands a 'message' listener. */
export function messageBytes(data: unknown): number {
  if (data instanceof ArrayBuffer) return data.byteLength;
  if (ArrayBuffer.isView(data)) return data.byteLength;
  if (Array.isArray(data)) return data.reduce((sum: number, part) => sum + messageBytes(part), 0);
  if (typeof data === 'string') return Buffer.byteLength(data);
  return 0;
}
