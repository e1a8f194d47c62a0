import type { SpinePoint } from './geometryTypes.js';
import { interpolatePoints } from './interpolatePoints.js';
import type { QuantizedPoint } from './point.js';
import { simplifySpine } from './simplifySpine.js';
import { smoothPoints } from './smoothPoints.js';
import { strokeRadius } from './strokeRadius.js';

/**
 * The rendering spine of a stroke: its stored samples smoothed ({@link smoothPoints}),
 * interpolated into a curve ({@link interpolatePoints}), given a radius from pressure and
 * nominal width ({@link strokeRadius}) and simplified ({@link simplifySpine}). Deterministic
 * and total: any input, however odd, yields finite numbers; no samples yield an empty spine.
 * @example
 * const spine = getStrokeSpine(view.points, view.width);
 * strokeToSvgPath(spine); // 'M…'
 */
export function getStrokeSpine(points: readonly QuantizedPoint[], width: number): SpinePoint[] {
  const curve = interpolatePoints(smoothPoints(points));
  return simplifySpine(
    curve.map((point) => ({ x: point.x, y: point.y, r: strokeRadius(width, point.pressure) })),
  );
}
