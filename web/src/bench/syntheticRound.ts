import * as Y from 'yjs';
import {
  BOARD_HEIGHT,
  BOARD_WIDTH,
  StrokeWriter,
  createStrokeUndo,
  type TimedUpdate,
} from '@scrawl/drawing-engine';

/** The round the seek benchmark replays (issue 7, acceptance 2): 500 strokes in 4 minutes. */
export const ROUND = { strokes: 500, durationMs: 240_000, startedAt: 1_700_000_000_000 };

/** Pointer samples arrive at 120 Hz; chunks go out once per 60 Hz frame, as in the app. */
const SAMPLE_MS = 1000 / 120;
const FRAME_MS = 1000 / 60;
/** Points per stroke: quick marks to longer lines, ~0.4 s on average at 120 Hz. */
const POINTS = [16, 80] as const;
/** The pen is lifted at least this long between strokes. */
const PEN_UP_MS = 50;
/** One stroke in this many is taken back with undo, as people do. */
const UNDO_EVERY = 40;
const COLORS = ['#1f2328', '#e03131', '#1971c2', '#2f9e44', '#f76707', '#9c36b5'];
const WIDTHS = [4, 8, 14, 24, 40];
const ORIGIN = { source: 'bench' };

/** mulberry32: a small seeded random source, so every run replays the same round. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A drawer's canvas log for a whole round: `count` strokes spread evenly over `durationMs`,
 * each a wandering curve with varying pressure, written chunk by chunk per frame (one
 * update each) and finished at pen-up, with an occasional undo. Every update carries the
 * time it was made, as the server stamps them.
 */
export function syntheticRound(
  count = ROUND.strokes,
  durationMs = ROUND.durationMs,
  seed = 7,
): TimedUpdate[] {
  const next = random(seed);
  const doc = new Y.Doc();
  const undo = createStrokeUndo(doc, ORIGIN);
  const log: TimedUpdate[] = [];
  let now = ROUND.startedAt;
  doc.on('update', (update: Uint8Array) => {
    log.push({ at: Math.round(now), update });
  });
  const slot = durationMs / count;
  let penUp = ROUND.startedAt;
  for (let i = 0; i < count; i++) {
    // On schedule, unless the last stroke ran long: the clock never goes back.
    const startsAt = Math.max(ROUND.startedAt + i * slot, penUp + PEN_UP_MS);
    const writer = new StrokeWriter(
      doc,
      {
        id: `b${String(i).padStart(6, '0')}`,
        author: 'drawer',
        tool: 'brush',
        color: COLORS[Math.floor(next() * COLORS.length)] ?? '#000000',
        width: WIDTHS[Math.floor(next() * WIDTHS.length)] ?? 8,
      },
      ORIGIN,
    );
    const points = POINTS[0] + Math.floor(next() * (POINTS[1] - POINTS[0]));
    let x = next() * BOARD_WIDTH;
    let y = next() * BOARD_HEIGHT;
    let heading = next() * Math.PI * 2;
    let lastFlush = 0;
    for (let p = 0; p < points; p++) {
      heading += (next() - 0.5) * 0.5;
      x = Math.min(BOARD_WIDTH, Math.max(0, x + Math.cos(heading) * 6));
      y = Math.min(BOARD_HEIGHT, Math.max(0, y + Math.sin(heading) * 6));
      const t = p * SAMPLE_MS;
      writer.add({ x, y, pressure: 0.35 + 0.5 * Math.sin((p / points) * Math.PI), t });
      if (t - lastFlush >= FRAME_MS) {
        now = startsAt + t;
        writer.flush();
        lastFlush = t;
      }
    }
    now = startsAt + points * SAMPLE_MS;
    writer.finish();
    if (i % UNDO_EVERY === UNDO_EVERY - 1) {
      now += PEN_UP_MS;
      undo.undo();
    }
    penUp = now;
  }
  doc.destroy();
  return log;
}
