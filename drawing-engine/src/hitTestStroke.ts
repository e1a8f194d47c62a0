import { capsuleDistance } from './capsuleDistance.js';
import { finiteSpine } from './finiteSpine.js';
import type { Spine } from './geometryTypes.js';
import { getStrokeBounds } from './getStrokeBounds.js';

/** Default eraser reach beyond a stroke's edge, board units: about a fingertip's slop. */
export const HIT_TOLERANCE = 4;

/**
 * Whether a point lies within `tolerance` board units of a stroke's rendered shape (inside
 * counts): the stroke eraser's test. It measures against exactly the shape renderers draw
 * (the capsules of the spine), so what looks hit is hit. A bounding-box check first keeps a
 * board-wide sweep cheap. Non-finite input never hits.
 */
export function hitTestStroke(
  input: Spine,
  point: { readonly x: number; readonly y: number },
  tolerance = HIT_TOLERANCE,
): boolean {
  const { x, y } = point;
  if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
  const reach = Number.isFinite(tolerance) ? Math.max(0, tolerance) : HIT_TOLERANCE;
  const spine = finiteSpine(input);
  const box = getStrokeBounds(spine);
  if (!box) return false;
  if (x < box.minX - reach || x > box.maxX + reach) return false;
  if (y < box.minY - reach || y > box.maxY + reach) return false;

  const first = spine[0];
  if (spine.length === 1 && first) {
    return Math.sqrt((x - first.x) ** 2 + (y - first.y) ** 2) - first.r <= reach;
  }
  for (let i = 0; i + 1 < spine.length; i++) {
    const a = spine[i];
    const b = spine[i + 1];
    if (a && b && capsuleDistance(x, y, a, b) <= reach) return true;
  }
  return false;
}
