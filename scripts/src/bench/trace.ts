import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { decodeTrace, type TraceStroke } from '@scrawl/drawing-engine/bench/trace';
import { quantizePoint, type InputPoint, type QuantizedPoint } from '@scrawl/drawing-engine';

export type { TraceStroke };

/** One animation frame at 60 Hz, ms: the web client flushes once per frame. */
export const FRAME_MS = 1000 / 60;
/** Quiet time after the trace's last stroke before it starts over, ms. */
const LOOP_GAP_MS = 1000;

/** The committed pen trace (drawing-engine/bench/trace.json), decoded by its own loader. */
export interface Trace {
  readonly strokes: readonly TraceStroke[];
  /** Length of one pass, ms, including a short pause before it repeats. */
  readonly lengthMs: number;
  readonly points: number;
}

let cached: Trace | null = null;

/** Loads the trace once per process. */
export function loadTrace(): Trace {
  if (cached) return cached;
  const file = createRequire(import.meta.url).resolve('@scrawl/drawing-engine/bench/trace.json');
  const strokes = decodeTrace(JSON.parse(readFileSync(file, 'utf8')) as { strokes: number[][] });
  const end = Math.max(...strokes.map((s) => s.start + (s.points.at(-1)?.t ?? 0)));
  const points = strokes.reduce((sum, s) => sum + s.points.length, 0);
  cached = { strokes, lengthMs: end + LOOP_GAP_MS, points };
  return cached;
}

/** A stroke of the trace as stored integers (what every server kind is sent). */
export function quantized(points: readonly InputPoint[]): QuantizedPoint[] {
  return points.map(quantizePoint);
}

/** A seeded random source (mulberry32), so every run and server kind replays alike. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }
}
