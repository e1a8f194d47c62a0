import { finiteSpine } from './finiteSpine.js';
import type { Bounds, Spine } from './geometryTypes.js';

/**
 * The smallest rectangle holding a stroke's whole rendered shape, or null when the spine
 * has no drawable point.
 */
export function getStrokeBounds(input: Spine): Bounds | null {
  const spine = finiteSpine(input);
  if (spine.length === 0) return null;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const { x, y, r } of spine) {
    minX = Math.min(minX, x - r);
    minY = Math.min(minY, y - r);
    maxX = Math.max(maxX, x + r);
    maxY = Math.max(maxY, y + r);
  }
  return { minX, minY, maxX, maxY };
}
