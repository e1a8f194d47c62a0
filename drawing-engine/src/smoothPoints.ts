import type { PenPoint } from './geometryTypes.js';
import {
  DEFAULT_PRESSURE,
  MAX_X,
  MAX_Y,
  POSITION_STEPS,
  PRESSURE_STEPS,
  type QuantizedPoint,
} from './point.js';

/**
 * Weights of the smoothing filter [1 2 1] / 4: it halves sample-to-sample jitter (sensor
 * noise, the quarter-unit grid, tremor) and moves a steady curve by well under a unit.
 */
const NEIGHBOUR_WEIGHT = 0.25;
const CENTRE_WEIGHT = 0.5;
/**
 * Farthest the filter may move a point, board units. Jitter is smaller than this; a fast
 * scribble's samples lie far apart, and averaging them would flatten its turns, so their
 * shape is left to the curve fitted through them (interpolatePoints).
 */
export const MAX_SMOOTHING_SHIFT = 0.5;

/**
 * Turns stored samples into smoothed pen points in board units. Samples that are not finite
 * are dropped, positions are clamped to the board and pressure to 0–255; consecutive samples
 * at the same position merge (keeping the firmest pressure), so the result never holds two
 * equal neighbours; then each inner point is averaged with its neighbours (weights 1 2 1),
 * moving it by at most {@link MAX_SMOOTHING_SHIFT}, which evens out jitter but keeps every
 * drawn shape. The first and last points stay where the pen touched down and lifted.
 */
export function smoothPoints(points: readonly QuantizedPoint[]): PenPoint[] {
  // ---- sanitise and merge repeats
  const clean: PenPoint[] = [];
  for (const point of points) {
    if (!Number.isFinite(point.x) || !Number.isFinite(point.y)) continue;
    const x = Math.min(MAX_X, Math.max(0, point.x)) / POSITION_STEPS;
    const y = Math.min(MAX_Y, Math.max(0, point.y)) / POSITION_STEPS;
    const pressure = Number.isFinite(point.p)
      ? Math.min(PRESSURE_STEPS, Math.max(0, point.p)) / PRESSURE_STEPS
      : DEFAULT_PRESSURE;
    const last = clean[clean.length - 1];
    if (last && last.x === x && last.y === y) {
      clean[clean.length - 1] = { x, y, pressure: Math.max(last.pressure, pressure) };
    } else {
      clean.push({ x, y, pressure });
    }
  }
  if (clean.length < 3) return clean;

  // ---- one pass of the [1 2 1] filter over the inner points
  const smooth: PenPoint[] = [clean[0] ?? { x: 0, y: 0, pressure: 0 }];
  for (let i = 1; i < clean.length - 1; i++) {
    const a = clean[i - 1];
    const b = clean[i];
    const c = clean[i + 1];
    if (!a || !b || !c) continue;
    const sx = NEIGHBOUR_WEIGHT * (a.x + c.x) + CENTRE_WEIGHT * b.x - b.x;
    const sy = NEIGHBOUR_WEIGHT * (a.y + c.y) + CENTRE_WEIGHT * b.y - b.y;
    const shift = Math.sqrt(sx * sx + sy * sy);
    const scale = shift > MAX_SMOOTHING_SHIFT ? MAX_SMOOTHING_SHIFT / shift : 1;
    const point = {
      x: b.x + sx * scale,
      y: b.y + sy * scale,
      pressure: NEIGHBOUR_WEIGHT * (a.pressure + c.pressure) + CENTRE_WEIGHT * b.pressure,
    };
    const previous = smooth[smooth.length - 1];
    // Averaging can land a point on its predecessor; keep the no-equal-neighbours promise.
    if (previous && previous.x === point.x && previous.y === point.y) continue;
    smooth.push(point);
  }
  const last = clean[clean.length - 1];
  const previous = smooth[smooth.length - 1];
  if (last && !(previous && previous.x === last.x && previous.y === last.y)) smooth.push(last);
  return smooth;
}
