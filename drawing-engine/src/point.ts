import { BOARD_HEIGHT, BOARD_WIDTH } from './board.js';

/** A raw input sample: board position, pen pressure (0–1) and ms since the stroke began. */
export interface InputPoint {
  readonly x: number;
  readonly y: number;
  readonly pressure: number;
  readonly t: number;
}

/**
 * A sample as stored: integers only, so encoding is exact and identical on every machine.
 * `x` and `y` count quarter board units, `p` is pressure 0–255, `t` is whole milliseconds.
 */
export interface QuantizedPoint {
  readonly x: number;
  readonly y: number;
  readonly p: number;
  readonly t: number;
}

/** Sub-unit position steps per board unit: a quarter unit is finer than any screen pixel. */
export const POSITION_STEPS = 4;
/** Pressure steps: 8 bits, more than any pen reports reliably. */
export const PRESSURE_STEPS = 255;
/** Pressure assumed when a device reports none (mouse): a mid-weight line. */
export const DEFAULT_PRESSURE = 0.5;
/** Longest stroke duration kept, in ms; later samples are clamped (10 minutes). */
export const MAX_STROKE_MS = 600_000;

/** Largest stored x: the board's right edge, in quarter units. */
export const MAX_X = BOARD_WIDTH * POSITION_STEPS;
/** Largest stored y: the board's bottom edge, in quarter units. */
export const MAX_Y = BOARD_HEIGHT * POSITION_STEPS;

/** Rounds a raw sample onto the stored grid; out-of-range or non-finite input is clamped. */
export function quantizePoint(point: InputPoint): QuantizedPoint {
  return {
    x: clampInt(Math.round(point.x * POSITION_STEPS), 0, MAX_X),
    y: clampInt(Math.round(point.y * POSITION_STEPS), 0, MAX_Y),
    p: clampInt(Math.round(point.pressure * PRESSURE_STEPS), 0, PRESSURE_STEPS),
    t: clampInt(Math.round(point.t), 0, MAX_STROKE_MS),
  };
}

/** Turns a stored sample back into board units and a 0–1 pressure. */
export function dequantizePoint(point: QuantizedPoint): InputPoint {
  return {
    x: point.x / POSITION_STEPS,
    y: point.y / POSITION_STEPS,
    pressure: point.p / PRESSURE_STEPS,
    t: point.t,
  };
}

function clampInt(value: number, min: number, max: number): number {
  if (Number.isNaN(value)) return min;
  return Math.min(max, Math.max(min, value));
}
