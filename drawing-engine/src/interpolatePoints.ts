import type { PenPoint } from './geometryTypes.js';

/** Target distance between interpolated points, board units: curves look round at 4× zoom. */
export const INTERPOLATION_SPACING = 2;
/** Most points added inside one gap: bounds the work for a fast, long flick. */
const MAX_STEPS = 16;
/** Smallest knot interval: keeps the weights finite if two points (nearly) coincide. */
const MIN_INTERVAL = 1e-6;

/**
 * Knot interval between two points: distance^½, the centripetal parameterisation, which
 * (unlike uniform Catmull–Rom) never forms cusps or loops inside a segment whatever the
 * spacing of the samples. Computed as the fourth root of the squared distance.
 */
function interval(a: PenPoint, b: PenPoint): number {
  const d2 = (b.x - a.x) ** 2 + (b.y - a.y) ** 2;
  return Math.max(MIN_INTERVAL, Math.sqrt(Math.sqrt(d2)));
}

function lerp(a: PenPoint, b: PenPoint, wa: number, wb: number): PenPoint {
  return {
    x: a.x * wa + b.x * wb,
    y: a.y * wa + b.y * wb,
    pressure: a.pressure * wa + b.pressure * wb,
  };
}

/** The mirror image of `a` through `b`: the phantom neighbour at an end of the stroke. */
function mirror(a: PenPoint, b: PenPoint): PenPoint {
  return { x: 2 * b.x - a.x, y: 2 * b.y - a.y, pressure: b.pressure };
}

/**
 * Passes a smooth curve through the points (centripetal Catmull–Rom, Barry–Goldman form)
 * and samples it about every {@link INTERPOLATION_SPACING} units, so fast strokes, whose
 * samples lie far apart, draw as curves instead of polylines. Every input point is kept;
 * pressure follows the same curve. Uses only arithmetic and square roots, so the output is
 * identical on every machine.
 */
export function interpolatePoints(points: readonly PenPoint[]): PenPoint[] {
  if (points.length < 2) return points.slice();
  const out: PenPoint[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const p1 = points[i];
    const p2 = points[i + 1];
    if (!p1 || !p2) continue;
    const p0 = points[i - 1] ?? mirror(p2, p1);
    const p3 = points[i + 2] ?? mirror(p1, p2);
    out.push(p1);
    const length = Math.sqrt((p2.x - p1.x) ** 2 + (p2.y - p1.y) ** 2);
    const steps = Math.min(MAX_STEPS, Math.ceil(length / INTERPOLATION_SPACING));
    if (steps < 2) continue;

    // ---- knots t0 = 0 < t1 < t2 < t3 spaced by distance^α
    const t1 = interval(p0, p1);
    const t2 = t1 + interval(p1, p2);
    const t3 = t2 + interval(p2, p3);
    for (let s = 1; s < steps; s++) {
      const t = t1 + ((t2 - t1) * s) / steps;
      // ---- Barry–Goldman pyramid: three lerps, two, one
      const a1 = lerp(p0, p1, (t1 - t) / t1, t / t1);
      const a2 = lerp(p1, p2, (t2 - t) / (t2 - t1), (t - t1) / (t2 - t1));
      const a3 = lerp(p2, p3, (t3 - t) / (t3 - t2), (t - t2) / (t3 - t2));
      const b1 = lerp(a1, a2, (t2 - t) / t2, t / t2);
      const b2 = lerp(a2, a3, (t3 - t) / (t3 - t1), (t - t1) / (t3 - t1));
      out.push(lerp(b1, b2, (t2 - t) / (t2 - t1), (t - t1) / (t2 - t1)));
    }
  }
  const last = points[points.length - 1];
  if (last) out.push(last);
  return out;
}
