import type { InputPoint } from '@scrawl/drawing-engine';
import type { PenSample } from './handModel.js';

/** What a trace file's numbers mean; written into the file so it explains itself. */
export const TRACE_FORMAT =
  'Simulated pen trace (see drawing-engine/bench/makeTrace.ts and README). Each stroke is ' +
  '[start ms, then per sample Δx Δy Δpressure Δt]: x, y in 1/100 board unit, pressure in ' +
  '1/4095, t in 1/10 ms since pen-down; deltas from the previous sample, the first from 0.';

/** Steps per unit of each stored number. */
const XY_STEPS = 100;
const PRESSURE_STEPS = 4095;
const T_STEPS = 10;

/** One stroke of a trace: when it began (ms since the trace began) and its samples. */
export interface TraceStroke {
  readonly start: number;
  readonly points: InputPoint[];
}

/** Encodes one stroke as the trace file stores it. */
export function encodeTraceStroke(start: number, samples: readonly PenSample[]): number[] {
  const out = [start];
  let prev = [0, 0, 0, 0];
  for (const s of samples) {
    const next = [
      Math.round(s.x * XY_STEPS),
      Math.round(s.y * XY_STEPS),
      Math.round(s.pressure * PRESSURE_STEPS),
      Math.round(s.t * T_STEPS),
    ];
    out.push(...next.map((v, i) => v - (prev[i] ?? 0)));
    prev = next;
  }
  return out;
}

/** Parses a trace file's contents. */
export function decodeTrace(file: { strokes: number[][] }): TraceStroke[] {
  return file.strokes.map(([start = 0, ...deltas]) => {
    const points: InputPoint[] = [];
    let x = 0;
    let y = 0;
    let p = 0;
    let t = 0;
    for (let i = 0; i + 3 < deltas.length; i += 4) {
      x += deltas[i] ?? 0;
      y += deltas[i + 1] ?? 0;
      p += deltas[i + 2] ?? 0;
      t += deltas[i + 3] ?? 0;
      points.push({
        x: x / XY_STEPS,
        y: y / XY_STEPS,
        pressure: p / PRESSURE_STEPS,
        t: t / T_STEPS,
      });
    }
    return { start, points };
  });
}
