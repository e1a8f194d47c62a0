import {
  buildReplay,
  encodeReplay,
  fitBoard,
  readStrokes,
  seekReplay,
  type ReplayData,
} from '@scrawl/drawing-engine';
import { BitmapCheckpoints } from '../board/BitmapCheckpoints';
import { StrokeBitmap } from '../board/StrokeBitmap';
import { ReplayPlayer } from '../replay/ReplayPlayer';
import { ReplayStrokes } from '../replay/ReplayStrokes';
import { ROUND, syntheticRound } from './syntheticRound';

/**
 * The browser half of `npm run bench -w web` (issue 7, acceptance 2): builds the replay of a
 * 4-minute round with 500 strokes with drawing-engine's buildReplay, as the server archives
 * it, then times 50 random seeks the way the replay viewer does them: seekReplay, the
 * strokes read for the board (ReplayStrokes), and the board's bitmap painted (StrokeBitmap,
 * read back so the pixels are really there), before and after the viewer's checkpoint
 * warm-up. The figures land on `window.__seekBench`.
 */

const SEEKS = 50;
/** As useCheckpointWarmup steps. */
const WARMUP_STEP_MS = 1000;
const ROUND_WINDOW = { startedAt: ROUND.startedAt, duration: ROUND.durationMs };
const NO_FRAMES = { request: () => 0, cancel: () => undefined };
/** The board's size on a 1280 × 800 window, in CSS pixels, at a pixel ratio of 1. */
const BOARD = { width: 900, height: 560 };

/** One way of seeking, timed. */
export interface Timing {
  readonly label: string;
  /** Sorted, ms. */
  readonly ms: readonly number[];
}

export interface SeekBenchResult {
  /** Strokes drawn in the round. */
  readonly drawn: number;
  /** Strokes on the board at its end (some were taken back with undo). */
  readonly strokes: number;
  readonly points: number;
  readonly updates: number;
  readonly keyframes: number;
  readonly bytes: number;
  readonly durationMs: number;
  /** How long the checkpoint warm-up (one offscreen pass through the replay) took, ms. */
  readonly warmupMs: number;
  /** Seeks whose frame (from checkpoints) equals a full repaint pixel for pixel. */
  readonly identicalFrames: number;
  readonly timings: readonly Timing[];
}

declare global {
  interface Window {
    __seekBench?: SeekBenchResult | { readonly error: string };
  }
}

/** The same random times every run (ms from the start of the round). */
function seekTimes(): number[] {
  let state = 20_240;
  return Array.from({ length: SEEKS }, () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return Math.floor((state / 2 ** 32) * ROUND.durationMs);
  });
}

function time(
  label: string,
  replay: ReplayData,
  render: ((doc: ReturnType<typeof seekReplay>) => void) | null,
): Timing {
  const ms = seekTimes().map((t) => {
    const started = performance.now();
    const doc = seekReplay(replay, ROUND.startedAt + t);
    render?.(doc);
    const elapsed = performance.now() - started;
    doc.destroy();
    return elapsed;
  });
  return { label, ms: ms.sort((a, b) => a - b) };
}

/** Paints strokes the way the board does and waits for the pixels. */
function painter(reader: () => ReplayStrokes, checkpoints: BitmapCheckpoints | null = null) {
  const bitmap = new StrokeBitmap(checkpoints);
  const viewport = fitBoard(BOARD.width, BOARD.height);
  return (doc: ReturnType<typeof seekReplay>) => {
    bitmap.update(reader().read(doc), viewport, BOARD, 1);
    bitmap.canvas.getContext('2d')?.getImageData(0, 0, 1, 1);
  };
}

/** The viewer's warm-up (useCheckpointWarmup), run at once: returns how long it took. */
function warmUp(replay: ReplayData, reader: ReplayStrokes, checkpoints: BitmapCheckpoints) {
  const started = performance.now();
  const player = new ReplayPlayer(replay, ROUND_WINDOW, reader, 0, NO_FRAMES);
  const bitmap = new StrokeBitmap(checkpoints);
  const viewport = fitBoard(BOARD.width, BOARD.height);
  for (const strokes of player.frames(WARMUP_STEP_MS)) bitmap.update(strokes, viewport, BOARD, 1);
  player.dispose();
  return performance.now() - started;
}

/** Pixels of a bitmap's canvas. */
function pixels(bitmap: StrokeBitmap): Uint8ClampedArray {
  const context = bitmap.canvas.getContext('2d');
  if (!context) throw new Error('no 2D context');
  return context.getImageData(0, 0, bitmap.canvas.width, bitmap.canvas.height).data;
}

/** How many seeks the checkpointed board paints exactly as a full repaint does. */
function identicalFrames(
  replay: ReplayData,
  reader: ReplayStrokes,
  checkpoints: BitmapCheckpoints,
) {
  const viewport = fitBoard(BOARD.width, BOARD.height);
  const shown = new StrokeBitmap(checkpoints);
  return seekTimes().filter((t) => {
    const doc = seekReplay(replay, ROUND.startedAt + t);
    const strokes = reader.read(doc);
    doc.destroy();
    const full = new StrokeBitmap();
    shown.update(strokes, viewport, BOARD, 1);
    full.update(strokes, viewport, BOARD, 1);
    const a = pixels(shown);
    const b = pixels(full);
    return a.length === b.length && a.every((value, i) => value === b[i]);
  }).length;
}

function run(): SeekBenchResult {
  const log = syntheticRound();
  const replay = buildReplay(log);
  const final = seekReplay(replay, Number.MAX_SAFE_INTEGER);
  const warm = new ReplayStrokes();
  warm.read(final);
  const strokes = readStrokes(final);
  final.destroy();
  const seekOnly = time('seekReplay alone', replay, null);
  const cold = time(
    'first visit, strokes decoded anew',
    replay,
    painter(() => new ReplayStrokes()),
  );
  const decoded = time(
    'first visit, strokes decoded',
    replay,
    painter(() => warm),
  );
  const checkpoints = new BitmapCheckpoints();
  const warmupMs = warmUp(replay, warm, checkpoints);
  const viewer = time(
    'after warm-up (the viewer)',
    replay,
    painter(() => warm, checkpoints),
  );
  const baseline = time('baseline: seekReplay without keyframes', buildReplay(log, Infinity), null);
  return {
    drawn: ROUND.strokes,
    strokes: strokes.length,
    points: strokes.reduce((sum, stroke) => sum + stroke.points.length, 0),
    updates: replay.updates.length,
    keyframes: replay.keyframes.length,
    bytes: encodeReplay(replay).length,
    durationMs: ROUND.durationMs,
    warmupMs,
    identicalFrames: identicalFrames(replay, warm, checkpoints),
    timings: [seekOnly, viewer, decoded, cold, baseline],
  };
}

// Let the page paint once, then measure.
setTimeout(() => {
  try {
    window.__seekBench = run();
  } catch (error) {
    window.__seekBench = { error: error instanceof Error ? error.message : String(error) };
  }
}, 100);
