import { DEFAULT_PRESSURE } from './point.js';

/** Thinnest nominal width honoured, board units: thinner would vanish at any zoom. */
export const MIN_STROKE_WIDTH = 0.5;
/** Widest nominal width honoured, board units: the server refuses wider strokes. */
export const MAX_STROKE_WIDTH = 200;
/**
 * Width factor at zero pressure. With it, a stroke at {@link DEFAULT_PRESSURE} (every mouse
 * stroke) draws at exactly its nominal width, and full pen pressure at 1.5 times it.
 */
const ZERO_PRESSURE_FACTOR = 1 - DEFAULT_PRESSURE;
/** Smallest radius drawn, board units: a feather-light touch still leaves a mark. */
const MIN_RADIUS = MIN_STROKE_WIDTH / 4;

/**
 * The radius of the disc drawn at a sample: half the nominal width, scaled by pressure.
 * Any input is accepted: width is clamped to {@link MIN_STROKE_WIDTH}–{@link MAX_STROKE_WIDTH}
 * and pressure to 0–1; a non-finite width counts as the thinnest, a non-finite pressure as
 * {@link DEFAULT_PRESSURE}.
 * @example strokeRadius(12, 0.5) // 6: a mouse draws at exactly its width
 */
export function strokeRadius(width: number, pressure: number): number {
  const w = Number.isFinite(width)
    ? Math.min(MAX_STROKE_WIDTH, Math.max(MIN_STROKE_WIDTH, width))
    : MIN_STROKE_WIDTH;
  const p = Number.isFinite(pressure) ? Math.min(1, Math.max(0, pressure)) : DEFAULT_PRESSURE;
  return Math.max(MIN_RADIUS, (w * (ZERO_PRESSURE_FACTOR + p)) / 2);
}
