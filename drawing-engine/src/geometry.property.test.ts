import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { boardToSvg } from './boardToSvg.js';
import { capsuleDistance } from './capsuleDistance.js';
import type { PathSink, SpinePoint } from './geometryTypes.js';
import { getStrokeBounds } from './getStrokeBounds.js';
import { getStrokeSpine } from './getStrokeSpine.js';
import { hitTestStroke } from './hitTestStroke.js';
import { interpolatePoints } from './interpolatePoints.js';
import { simplifySpine } from './simplifySpine.js';
import { smoothPoints } from './smoothPoints.js';
import { strokeRadius } from './strokeRadius.js';
import { strokeToSvgPath } from './strokeToSvgPath.js';
import { traceStroke } from './traceStroke.js';

const RUNS = { numRuns: 1000 };

/** Any double, NaN and ±Infinity included, with extremes and near-board values favoured. */
const anyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.double({ min: -100, max: 1700, noNaN: true }),
  fc.constantFrom(0, 1, -0, 0.5, 1e9, -1e9, 1e300, -1e300, NaN, Infinity, -Infinity),
  fc.double(),
);

/** A hand-made spine with finite values, huge ones included. */
const spineArb: fc.Arbitrary<SpinePoint[]> = fc.array(
  fc.record({
    x: fc.double({ min: -1e7, max: 1e7, noNaN: true }),
    y: fc.double({ min: -1e7, max: 1e7, noNaN: true }),
    r: fc.double({ min: 1e-3, max: 1e4, noNaN: true }),
  }),
  { maxLength: 40 },
);

/** Stored samples as a decoder or a careless caller might hand them over: anything goes. */
const quantizedArb = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.record({
          x: fc.integer({ min: 0, max: 6400 }),
          y: fc.integer({ min: 0, max: 4000 }),
          p: fc.constantFrom(0, 1, 128, 254, 255),
          t: fc.nat(),
        }),
        fc.record({ x: anyNumber, y: anyNumber, p: anyNumber, t: anyNumber }),
      ),
      fc.integer({ min: 1, max: 3 }),
    ),
    { maxLength: 60 },
  )
  .map((runs) => runs.flatMap(([point, times]) => Array<typeof point>(times).fill(point)));

const finite = (values: readonly number[]) => values.every((v) => Number.isFinite(v));

/** A path sink that records every number it is given. */
function recordingSink(): PathSink & { numbers: number[] } {
  const numbers: number[] = [];
  return {
    numbers,
    moveTo: (x, y) => numbers.push(x, y),
    lineTo: (x, y) => numbers.push(x, y),
    closePath: () => undefined,
    circle: (x, y, r) => numbers.push(x, y, r),
  };
}

describe('rendering geometry, on any input', () => {
  it('[G1] yields only finite numbers from every function', () => {
    fc.assert(
      fc.property(quantizedArb, anyNumber, anyNumber, anyNumber, (points, width, px, py) => {
        const smooth = smoothPoints(points);
        expect(finite(smooth.flatMap((p) => [p.x, p.y, p.pressure]))).toBe(true);
        const curve = interpolatePoints(smooth);
        expect(finite(curve.flatMap((p) => [p.x, p.y, p.pressure]))).toBe(true);
        expect(finite([strokeRadius(width, px)])).toBe(true);
        const spine = getStrokeSpine(points, width);
        expect(finite(spine.flatMap((p) => [p.x, p.y, p.r]))).toBe(true);
        expect(spine.every((p) => p.r > 0)).toBe(true);
        const bounds = getStrokeBounds(spine);
        if (bounds) expect(finite(Object.values(bounds))).toBe(true);
        expect(typeof hitTestStroke(spine, { x: px, y: py }, width)).toBe('boolean');
        const sink = recordingSink();
        traceStroke(spine, sink);
        expect(finite(sink.numbers)).toBe(true);
        expect(strokeToSvgPath(spine)).not.toMatch(/NaN|Infinity/);
        const svg = boardToSvg([
          { id: 's', author: 'a', tool: 'brush', color: '#000000', width, points, done: true },
        ]);
        expect(svg).not.toMatch(/NaN|Infinity/);
      }),
      RUNS,
    );
  });

  it('[G1] yields only finite numbers from hand-made spines with huge values', () => {
    fc.assert(
      fc.property(spineArb, anyNumber, anyNumber, (spine, px, py) => {
        const simple = simplifySpine(spine);
        expect(finite(simple.flatMap((p) => [p.x, p.y, p.r]))).toBe(true);
        const bounds = getStrokeBounds(spine);
        if (bounds) expect(finite(Object.values(bounds))).toBe(true);
        hitTestStroke(spine, { x: px, y: py });
        const sink = recordingSink();
        traceStroke(spine, sink);
        expect(finite(sink.numbers)).toBe(true);
      }),
      RUNS,
    );
  });

  it('[G3] smoothing keeps the ends and never leaves two equal neighbours', () => {
    fc.assert(
      fc.property(quantizedArb, (points) => {
        const smooth = smoothPoints(points);
        for (let i = 1; i < smooth.length; i++) {
          const a = smooth[i - 1]!;
          const b = smooth[i]!;
          expect(a.x === b.x && a.y === b.y).toBe(false);
        }
        const usable = points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
        if (usable.length > 0) {
          const first = smoothPoints(usable.slice(0, 1))[0]!;
          expect([smooth[0]!.x, smooth[0]!.y]).toEqual([first.x, first.y]);
        }
      }),
      RUNS,
    );
  });

  it('[G4] interpolation passes through every smoothed point, in order', () => {
    fc.assert(
      fc.property(quantizedArb, (points) => {
        const smooth = smoothPoints(points);
        const curve = interpolatePoints(smooth);
        let at = 0;
        for (const point of smooth) {
          while (at < curve.length && curve[at] !== point) at++;
          expect(at).toBeLessThan(curve.length);
        }
      }),
      RUNS,
    );
  });

  it('[G5] draws the nominal width at the default pressure, thicker with more', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 200, noNaN: true }), (width) => {
        expect(strokeRadius(width, 0.5)).toBeCloseTo(width / 2, 10);
        expect(strokeRadius(width, 1)).toBeGreaterThan(strokeRadius(width, 0.5));
        expect(strokeRadius(width, 0)).toBeLessThan(strokeRadius(width, 0.5));
      }),
      RUNS,
    );
  });

  it('[G6] simplification keeps the ends and every dropped point near the result', () => {
    fc.assert(
      fc.property(spineArb, fc.double({ min: 0, max: 50, noNaN: true }), (spine, tolerance) => {
        const simple = simplifySpine(spine, tolerance);
        if (spine.length === 0) return;
        expect(simple[0]).toBe(spine[0]);
        expect(simple[simple.length - 1]).toBe(spine[spine.length - 1]);
        let k = 0;
        for (const point of spine) {
          if (point === simple[k]) {
            k++;
            continue;
          }
          const a = simple[k - 1]!;
          const b = simple[k]!;
          const ab = [b.x - a.x, b.y - a.y, b.r - a.r];
          const ap = [point.x - a.x, point.y - a.y, point.r - a.r];
          const len2 = ab[0]! ** 2 + ab[1]! ** 2 + ab[2]! ** 2;
          const s = len2 > 0 ? (ap[0]! * ab[0]! + ap[1]! * ab[1]! + ap[2]! * ab[2]!) / len2 : 0;
          const u = Math.min(1, Math.max(0, s));
          const d = Math.hypot(ap[0]! - u * ab[0]!, ap[1]! - u * ab[1]!, ap[2]! - u * ab[2]!);
          expect(d).toBeLessThanOrEqual(tolerance * (1 + 1e-9) + 1e-6);
        }
      }),
      RUNS,
    );
  });

  it('[G7] bounds hold every disc of the spine', () => {
    fc.assert(
      fc.property(quantizedArb, fc.double({ min: 0.5, max: 200, noNaN: true }), (points, w) => {
        const spine = getStrokeSpine(points, w);
        const bounds = getStrokeBounds(spine);
        if (spine.length === 0) return expect(bounds).toBeNull();
        for (const p of spine) {
          expect(p.x - p.r).toBeGreaterThanOrEqual(bounds!.minX);
          expect(p.y + p.r).toBeLessThanOrEqual(bounds!.maxY);
        }
      }),
      RUNS,
    );
  });

  it('[G8] capsule distance matches the distance to the swept discs', () => {
    const disc = fc.record({
      x: fc.double({ min: -50, max: 50, noNaN: true }),
      y: fc.double({ min: -50, max: 50, noNaN: true }),
      r: fc.double({ min: 0.1, max: 20, noNaN: true }),
    });
    const STEPS = 2000;
    fc.assert(
      fc.property(disc, disc, disc, (a: SpinePoint, b: SpinePoint, p) => {
        let brute = Infinity;
        for (let i = 0; i <= STEPS; i++) {
          const s = i / STEPS;
          const cx = a.x + (b.x - a.x) * s;
          const cy = a.y + (b.y - a.y) * s;
          const r = a.r + (b.r - a.r) * s;
          brute = Math.min(brute, Math.hypot(p.x - cx, p.y - cy) - r);
        }
        const exact = capsuleDistance(p.x, p.y, a, b);
        if (brute > 0) expect(Math.abs(exact - brute)).toBeLessThan(0.1);
        else expect(exact).toBeLessThanOrEqual(0.1);
      }),
      RUNS,
    );
  });

  it('[G8] hits every spine point and nothing beyond the padded bounds', () => {
    fc.assert(
      fc.property(quantizedArb, fc.double({ min: 0, max: 20, noNaN: true }), (points, reach) => {
        const spine = getStrokeSpine(points, 8);
        const every = Math.max(1, Math.floor(spine.length / 16));
        for (let i = 0; i < spine.length; i += every) {
          expect(hitTestStroke(spine, spine[i]!, 0)).toBe(true);
        }
        const bounds = getStrokeBounds(spine);
        if (!bounds) return;
        const outside = { x: bounds.maxX + reach + 0.01, y: bounds.minY };
        expect(hitTestStroke(spine, outside, reach)).toBe(false);
      }),
      RUNS,
    );
  });

  it('[G9] writes a circle per spine point and a closed subpath per shape', () => {
    fc.assert(
      fc.property(quantizedArb, (points) => {
        const spine = getStrokeSpine(points, 6);
        const path = strokeToSvgPath(spine);
        expect(path.match(/A/g)?.length ?? 0).toBe(spine.length * 2);
        expect(path.match(/M/g)?.length ?? 0).toBe(path.match(/Z/g)?.length ?? 0);
        expect(path).toMatch(/^([MLAZ0-9. -]*)$/);
      }),
      RUNS,
    );
  });
});
