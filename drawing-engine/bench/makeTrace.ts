/**
 * Generates bench/trace.json, the pen trace the benchmark replays. There is no pen hardware
 * where Scrawl is built, so the trace is simulated once with a documented model of hand
 * motion (handModel.ts) through figures typical of draw-and-guess rounds (shapes.ts), from
 * a fixed seed, and committed. Run: `npm run bench:trace -w drawing-engine`.
 */
import { BOARD_HEIGHT, BOARD_WIDTH } from '@scrawl/drawing-engine';
import { drawStroke, type Hand } from './handModel.js';
import { Random } from './random.js';
import { SHAPES, type Vec } from './shapes.js';
import { TRACE_FORMAT, encodeTraceStroke } from './traceFile.js';

/** Fixed seed: the committed trace is exactly what this script prints. */
const SEED = 20_251_125;
/** Strokes in the trace: a few busy rounds' worth. */
const STROKES = 320;
/** Figure sizes, board units, drawn log-uniformly: small details to board-wide outlines. */
const SIZE = [12, 420] as const;
/** Keep figures this far inside the board's edges. */
const MARGIN = 8;
/** Pause between strokes, ms. */
const GAP_MS = [120, 900] as const;
/** Digitiser rates, Hz, and how common each is (phones and tablets; 120 Hz pens lead). */
const RATES: readonly (readonly [number, number])[] = [
  [60, 0.3],
  [90, 0.2],
  [120, 0.5],
];

function place(random: Random, points: readonly Vec[]): Vec[] {
  const angle = random.gauss(0, 0.25);
  const mirror = random.next() < 0.5 ? -1 : 1;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const turned = points.map((p) => ({
    x: mirror * (p.x * cos - p.y * sin),
    y: p.x * sin + p.y * cos,
  }));
  const xs = turned.map((p) => p.x);
  const ys = turned.map((p) => p.y);
  const width = Math.max(...xs) - Math.min(...xs);
  const height = Math.max(...ys) - Math.min(...ys);
  const fit = Math.min(
    1,
    (BOARD_WIDTH - 2 * MARGIN) / (width || 1),
    (BOARD_HEIGHT - 2 * MARGIN) / (height || 1),
  );
  const left = random.range(MARGIN, BOARD_WIDTH - MARGIN - width * fit);
  const top = random.range(MARGIN, BOARD_HEIGHT - MARGIN - height * fit);
  return turned.map((p) => ({
    x: left + (p.x - Math.min(...xs)) * fit,
    y: top + (p.y - Math.min(...ys)) * fit,
  }));
}

const random = new Random(SEED);
const lines: string[] = [];
let clock = 0;
for (let i = 0; i < STROKES; i++) {
  const shape = random.pick(SHAPES);
  const size = SIZE[0] * Math.pow(SIZE[1] / SIZE[0], random.next());
  const hand: Hand = {
    speed: random.range(0.8, 1.7),
    pressure: random.range(0.25, 0.85),
    hz: random.pick(RATES),
  };
  const samples = drawStroke(random, place(random, shape(random, size)), hand);
  lines.push(JSON.stringify(encodeTraceStroke(Math.round(clock), samples)));
  const last = samples[samples.length - 1];
  clock += (last?.t ?? 0) + random.range(GAP_MS[0], GAP_MS[1]);
}
console.log(`{"format":${JSON.stringify(TRACE_FORMAT)},"strokes":[\n${lines.join(',\n')}\n]}`);
