import { MAX_NIBBLES } from './nibbles.js';
import { MAX_STROKE_MS, MAX_X, MAX_Y, PRESSURE_STEPS, type QuantizedPoint } from './point.js';
import { STROKE_FORMAT_V1, concatChunks } from './strokeCodec.js';

/** Fields per point record: x, y, pressure, time. */
const FIELDS = 4;

/**
 * Decodes a stroke's chunks (in order) to quantized points (format v1, see strokeCodec.ts).
 * Empty input is an empty stroke. Every decoded point lies on the board, with pressure in
 * 0–255 and time in 0–{@link MAX_STROKE_MS} never decreasing, so callers may trust it.
 *
 * Written as one flat loop over nibbles with no calls or allocations but the points
 * themselves: decoding runs at tens of millions of points a second (see the bench).
 * @throws RangeError on an unknown version, bytes that end inside a record, a varint longer
 *   than {@link MAX_NIBBLES}, a non-zero padding nibble, or a point off the board.
 */
export function decodeStroke(chunks: readonly Uint8Array[] | Uint8Array): QuantizedPoint[] {
  const bytes = chunks instanceof Uint8Array ? chunks : concatChunks(chunks);
  if (bytes.length === 0) return [];
  if (bytes[0] !== STROKE_FORMAT_V1) {
    throw new RangeError(`unknown stroke format version ${String(bytes[0])}`);
  }
  const points: QuantizedPoint[] = [];
  const end = bytes.length;
  const values = [0, 0, 0, 0];
  let offset = 1;
  let x = 0;
  let y = 0;
  let p = 0;
  let t = 0;
  let dx = 0;
  let dy = 0;
  let dt = 0;
  while (offset < end) {
    // ---- one record: four nibble varints from byte `offset`, low half first
    let byte = 0;
    let high = false;
    for (let field = 0; field < FIELDS; field++) {
      let value = 0;
      let shift = 0;
      for (;;) {
        let nibble: number;
        if (high) {
          nibble = byte >>> 4;
          high = false;
        } else {
          if (offset >= end) throw new RangeError('stroke data ends in the middle of a point');
          byte = bytes[offset++] ?? 0;
          nibble = byte & 15;
          high = true;
        }
        value |= (nibble & 7) << shift;
        if (nibble < 8) break;
        shift += 3;
        if (shift >= MAX_NIBBLES * 3) throw new RangeError('stroke data holds an overlong number');
      }
      values[field] = (value >>> 1) ^ -(value & 1);
    }
    if (high && byte >>> 4 !== 0) throw new RangeError('stroke data has a non-zero pad nibble');

    // ---- undo the prediction, then check the point is one an encoder could have written
    const nx = x + dx + (values[0] ?? 0);
    const ny = y + dy + (values[1] ?? 0);
    const np = p + (values[2] ?? 0);
    const nt = t + dt + (values[3] ?? 0);
    if (nx < 0 || nx > MAX_X || ny < 0 || ny > MAX_Y || np < 0 || np > PRESSURE_STEPS) {
      throw new RangeError('stroke data holds a point off the board');
    }
    if (nt < t || nt > MAX_STROKE_MS) throw new RangeError('stroke data runs back in time');
    if (points.length > 0) {
      dx = nx - x;
      dy = ny - y;
      dt = nt - t;
    }
    x = nx;
    y = ny;
    p = np;
    t = nt;
    points.push({ x, y, p, t });
  }
  return points;
}
