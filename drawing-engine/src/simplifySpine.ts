import type { Spine, SpinePoint } from './geometryTypes.js';

/**
 * How far (board units) a dropped point may lie from the simplified spine, radius counted
 * like a third coordinate: a fifth of a unit is below a pixel on any screen Scrawl targets.
 */
export const SIMPLIFY_TOLERANCE = 0.2;

/** Distance in (x, y, r) space from `p` to the segment a–b. */
function distanceToSegment(p: SpinePoint, a: SpinePoint, b: SpinePoint): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const dr = b.r - a.r;
  const length2 = dx * dx + dy * dy + dr * dr;
  const along =
    length2 > 0
      ? Math.min(1, Math.max(0, ((p.x - a.x) * dx + (p.y - a.y) * dy + (p.r - a.r) * dr) / length2))
      : 0;
  const ex = a.x + along * dx - p.x;
  const ey = a.y + along * dy - p.y;
  const er = a.r + along * dr - p.r;
  return Math.sqrt(ex * ex + ey * ey + er * er);
}

/**
 * Drops spine points the shape does not need (Ramer–Douglas–Peucker): the result keeps the
 * ends and every point farther than `tolerance` from the spine through its kept neighbours,
 * with position and radius both counted, so a taper survives simplification. Iterative, so
 * a very long stroke cannot overflow the call stack.
 */
export function simplifySpine(spine: Spine, tolerance = SIMPLIFY_TOLERANCE): SpinePoint[] {
  if (spine.length < 3) return spine.slice();
  const limit = Number.isFinite(tolerance) ? Math.max(0, tolerance) : SIMPLIFY_TOLERANCE;
  const keep = new Uint8Array(spine.length);
  keep[0] = 1;
  keep[spine.length - 1] = 1;
  const ranges: number[] = [0, spine.length - 1];
  while (ranges.length > 0) {
    const last = ranges.pop() ?? 0;
    const first = ranges.pop() ?? 0;
    const a = spine[first];
    const b = spine[last];
    if (!a || !b) continue;
    let farthest = -1;
    let distance = limit;
    for (let i = first + 1; i < last; i++) {
      const p = spine[i];
      const d = p ? distanceToSegment(p, a, b) : 0;
      if (d > distance) {
        distance = d;
        farthest = i;
      }
    }
    if (farthest < 0) continue;
    keep[farthest] = 1;
    ranges.push(first, farthest, farthest, last);
  }
  return spine.filter((_, i) => keep[i] === 1);
}
