import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { BOARD_HEIGHT, BOARD_WIDTH } from './board.js';
import { chunkPointCount } from './chunkPointCount.js';
import { decodeStroke } from './decodeStroke.js';
import { INPUT_FIXTURES } from './fixtures/inputFixtures.js';
import v1Encoded from './fixtures/v1Encoded.json' with { type: 'json' };
import { dequantizePoint, quantizePoint, type InputPoint } from './point.js';
import { StrokeEncoder, concatChunks, encodeStroke } from './strokeCodec.js';

const RUNS = { numRuns: 1000 };

/** Any double, NaN and ±Infinity included, with extremes and near-board values favoured. */
const anyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.double({ min: -100, max: BOARD_WIDTH + 100, noNaN: true }),
  fc.constantFrom(0, 1, -0, 0.5, 1e9, -1e9, 1e300, -1e300, NaN, Infinity, -Infinity),
  fc.double(),
);

/** A raw sample: mostly plausible, sometimes anything at all. */
const pointArb: fc.Arbitrary<InputPoint> = fc.oneof(
  {
    arbitrary: fc.record({
      x: fc.double({ min: -100, max: BOARD_WIDTH + 100, noNaN: true }),
      y: fc.double({ min: -100, max: BOARD_HEIGHT + 100, noNaN: true }),
      pressure: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1)),
      t: fc.integer({ min: 0, max: 600_000 }),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({ x: anyNumber, y: anyNumber, pressure: anyNumber, t: anyNumber }),
    weight: 1,
  },
);

/** A stroke of raw samples, empty included, with runs of repeated samples mixed in. */
const strokeArb: fc.Arbitrary<InputPoint[]> = fc
  .array(fc.tuple(pointArb, fc.integer({ min: 1, max: 3 })), { maxLength: 120 })
  .map((runs) => runs.flatMap(([point, times]) => Array<InputPoint>(times).fill(point)));

/** What encoding promises to preserve: quantized points with time made non-decreasing. */
function expected(points: readonly InputPoint[]) {
  let lastT = 0;
  return points.map((point) => {
    const q = quantizePoint(point);
    lastT = Math.max(lastT, q.t);
    return { ...q, t: lastT };
  });
}

const hex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const fromHex = (text: string) =>
  Uint8Array.from(text.match(/../g) ?? [], (pair) => parseInt(pair, 16));

describe('stroke codec v1', () => {
  it('[C1] decodes what it encodes, as quantized points', () => {
    fc.assert(
      fc.property(strokeArb, (points) => {
        expect(decodeStroke(encodeStroke(points))).toEqual(expected(points));
      }),
      RUNS,
    );
  });

  it('[C1] encodes byte-identically, and re-encoding decoded points changes no byte', () => {
    fc.assert(
      fc.property(strokeArb, (points) => {
        const bytes = encodeStroke(points);
        expect(encodeStroke(points)).toEqual(bytes);
        expect(encodeStroke(decodeStroke(bytes).map(dequantizePoint))).toEqual(bytes);
      }),
      RUNS,
    );
  });

  it('[C2] decodes a prefix of the chunks to a prefix of the stroke', () => {
    fc.assert(
      fc.property(
        strokeArb,
        fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 40 }),
        (points, sizes) => {
          const encoder = new StrokeEncoder();
          const chunks: Uint8Array[] = [];
          let offset = 0;
          for (const size of sizes) {
            chunks.push(encoder.append(points.slice(offset, offset + size)));
            offset += size;
          }
          chunks.push(encoder.append(points.slice(offset)));
          const all = expected(points);
          let decodedSoFar = 0;
          for (let n = 1; n <= chunks.length; n++) {
            const prefix = decodeStroke(chunks.slice(0, n));
            expect(prefix).toEqual(all.slice(0, prefix.length));
            expect(prefix.length).toBeGreaterThanOrEqual(decodedSoFar);
            decodedSoFar = prefix.length;
          }
          expect(decodedSoFar).toBe(points.length);
          expect(concatChunks(chunks)).toEqual(encodeStroke(points));
        },
      ),
      RUNS,
    );
  });

  it('[C3] decodes the v1 strokes kept forever to their points', () => {
    expect(v1Encoded.strokes.length).toBeGreaterThanOrEqual(7);
    for (const stroke of v1Encoded.strokes) {
      const points = decodeStroke(fromHex(stroke.hex)).map((q) => [q.x, q.y, q.p, q.t]);
      expect(points).toEqual(stroke.points);
    }
  });

  it('[C3] encodes the input fixtures to exactly the kept bytes', () => {
    for (const stroke of v1Encoded.strokes) {
      const fixture = INPUT_FIXTURES[stroke.fixture];
      expect(fixture).toBeDefined();
      expect(hex(encodeStroke(fixture?.points ?? []))).toBe(stroke.hex);
    }
  });

  it('[C4] refuses malformed bytes with a RangeError', () => {
    const cases: [number[], RegExp][] = [
      [[2, 0, 0], /version 2/],
      [[1, 0x88], /middle of a point/],
      [[1, 0x88, 0x88, 0x88, 0x88, 0x88, 0x00], /overlong/],
      [[1, 0x18, 0x00, 0x10], /pad nibble/],
      [[1, 0x01, 0x00], /off the board/],
      [[1, 0x00, 0x00, 0x00, 0x10], /back in time/],
    ];
    for (const [bytes, message] of cases) {
      expect(() => decodeStroke(Uint8Array.from(bytes))).toThrow(message);
    }
  });

  it('[C4] yields only points on the board, in time order, or a RangeError, for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (body) => {
        let points;
        try {
          points = decodeStroke(Uint8Array.from([1, ...body]));
        } catch (error) {
          expect(error).toBeInstanceOf(RangeError);
          return;
        }
        let t = 0;
        for (const q of points) {
          expect(q).toEqual(quantizePoint(dequantizePoint(q)));
          expect(q.t).toBeGreaterThanOrEqual(t);
          t = q.t;
        }
      }),
      RUNS,
    );
  });
});

describe('chunkPointCount', () => {
  it('[C5] counts the points of every chunk the encoder writes, header or not', () => {
    fc.assert(
      fc.property(strokeArb, fc.integer({ min: 1, max: 7 }), (points, size) => {
        const encoder = new StrokeEncoder();
        for (let i = 0; i === 0 || i < points.length; i += size) {
          const part = points.slice(i, i + size);
          expect(chunkPointCount(encoder.append(part))).toBe(part.length);
        }
        expect(chunkPointCount(encodeStroke(points))).toBe(points.length);
      }),
      RUNS,
    );
  });

  it('[C5] refuses bytes that are not whole records', () => {
    expect(chunkPointCount(Uint8Array.of(0x88))).toBeNull();
    expect(chunkPointCount(Uint8Array.of(0x80, 0x80))).toBeNull();
    expect(chunkPointCount(Uint8Array.of(0x18, 0x00, 0x10))).toBeNull();
    expect(chunkPointCount(Uint8Array.of(0x88, 0x88, 0x88, 0x88, 0x88, 0x00))).toBeNull();
  });
});
