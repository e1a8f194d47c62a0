import type { SpinePoint } from './geometryTypes.js';

/**
 * Signed distance from (px, py) to the tapered capsule between two spine points — the
 * convex hull of their discs, which is what one spine segment draws. Negative inside.
 * Closed form after Inigo Quilez's "uneven capsule" distance; when one disc holds the other
 * (or the points coincide) the capsule is just the larger disc.
 */
export function capsuleDistance(px: number, py: number, a: SpinePoint, b: SpinePoint): number {
  const bx = b.x - a.x;
  const by = b.y - a.y;
  const h = bx * bx + by * by;
  const dr = a.r - b.r;
  const ax = px - a.x;
  const ay = py - a.y;
  if (h <= dr * dr) {
    const toA = Math.sqrt(ax * ax + ay * ay) - a.r;
    const toB = Math.sqrt((px - b.x) ** 2 + (py - b.y) ** 2) - b.r;
    return Math.min(toA, toB);
  }
  // ---- the point in the segment's frame, in units of the segment's length squared
  const qx = Math.abs(ax * by - ay * bx) / h;
  const qy = (ax * bx + ay * by) / h;
  // ---- c: direction of the tangent line between the discs, in the same frame
  const cx = Math.sqrt(h - dr * dr);
  const cy = dr;
  const k = cx * qy - cy * qx;
  if (k < 0) return Math.sqrt(h * (qx * qx + qy * qy)) - a.r;
  if (k > cx) return Math.sqrt(h * (qx * qx + qy * qy + 1 - 2 * qy)) - b.r;
  return cx * qx + cy * qy - a.r;
}
