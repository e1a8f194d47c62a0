import { quantizePoint, type InputPoint } from './point.js';
import { NibbleWriter } from './nibbles.js';

/**
 * Stroke codec, format v1.
 *
 * A stroke's bytes are a version byte (1) followed by one record per point. A record is four
 * zigzag nibble varints (nibbles.ts) — the prediction residuals of x, y, pressure and time —
 * padded with a zero nibble to a whole byte when it ends mid-byte:
 *
 * - x, y, t are predicted to keep their last step (second order): `2·prev − prevprev`;
 * - pressure is predicted to stay as it was (first order): `prev`;
 * - before the first point everything is 0, and the first point's step counts as 0, so the
 *   second point is predicted to sit where the first one is.
 *
 * Pen motion is smooth, so the residuals are small: most records are two or three bytes
 * (bench: ~2.5 bytes a point). While a stroke is drawn its bytes are split into chunks at any
 * record boundary — the first chunk carries the version byte — so the concatenation of any
 * prefix of the chunks decodes to a prefix of the stroke, and folding all chunks into one
 * blob is plain concatenation.
 */
export const STROKE_FORMAT_V1 = 1;

/** Bytes reserved per point when a chunk is encoded: the common record fits in 2 or 3. */
const BYTES_PER_POINT_GUESS = 4;

/** What both ends of the codec remember between records. */
interface Prediction {
  x: number;
  y: number;
  p: number;
  t: number;
  /** Last step of x, y, t (0 after the first point). */
  dx: number;
  dy: number;
  dt: number;
}

/** Encodes a stroke incrementally: each call returns the next chunk. */
export class StrokeEncoder {
  private readonly last: Prediction = { x: 0, y: 0, p: 0, t: 0, dx: 0, dy: 0, dt: 0 };
  private count = 0;
  private started = false;

  /** Encodes the given new samples as the next chunk (the first chunk holds the header). */
  append(points: readonly InputPoint[]): Uint8Array {
    const writer = new NibbleWriter(points.length * BYTES_PER_POINT_GUESS + 1);
    if (!this.started) writer.byte(STROKE_FORMAT_V1);
    this.started = true;
    const last = this.last;
    for (const point of points) {
      const q = quantizePoint(point);
      // Time never runs backwards inside a stroke; a late sample keeps the last time.
      const t = Math.max(q.t, last.t);
      writer.int(q.x - (last.x + last.dx));
      writer.int(q.y - (last.y + last.dy));
      writer.int(q.p - last.p);
      writer.int(t - (last.t + last.dt));
      writer.align();
      const first = this.count === 0;
      last.dx = first ? 0 : q.x - last.x;
      last.dy = first ? 0 : q.y - last.y;
      last.dt = first ? 0 : t - last.t;
      last.x = q.x;
      last.y = q.y;
      last.p = q.p;
      last.t = t;
      this.count++;
    }
    return writer.toBytes();
  }
}

/** Encodes a whole stroke in one chunk. */
export function encodeStroke(points: readonly InputPoint[]): Uint8Array {
  return new StrokeEncoder().append(points);
}

/** Joins chunks into one blob (what a finished stroke stores). */
export function concatChunks(chunks: readonly Uint8Array[]): Uint8Array {
  let total = 0;
  for (const chunk of chunks) total += chunk.length;
  const blob = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    blob.set(chunk, offset);
    offset += chunk.length;
  }
  return blob;
}
