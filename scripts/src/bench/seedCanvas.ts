import * as Y from 'yjs';
import { StrokeWriter } from '@scrawl/drawing-engine';
import { FRAME_MS, type Trace } from './trace.js';

/** A canvas document drawn from the trace, and the updates it was drawn with. */
export interface SeededCanvas {
  /** The document state after the first `strokes - tailStrokes` strokes (folded). */
  readonly state: Uint8Array;
  /** The updates of the last strokes, one per flush, as the live log holds them. */
  readonly tail: readonly Uint8Array[];
  readonly strokes: number;
  readonly points: number;
}

/**
 * Draws `strokes` strokes of the trace (repeating it, with fresh ids) into a canvas document
 * exactly as live drawing does: one chunk per 60 Hz frame, folded at pointer-up. The updates
 * of the last `tailStrokes` strokes are kept one by one (a log); the rest is one state.
 */
export function seedCanvas(
  trace: Trace,
  strokes: number,
  tailStrokes: number,
  author: string,
): SeededCanvas {
  const doc = new Y.Doc();
  let state: Uint8Array | null = null;
  const tail: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => {
    if (state) tail.push(update);
  });
  let points = 0;
  for (let i = 0; i < strokes; i++) {
    if (i === strokes - tailStrokes) state = Y.encodeStateAsUpdate(doc);
    const stroke = trace.strokes[i % trace.strokes.length]!;
    const writer = new StrokeWriter(
      doc,
      {
        id: `seed${Math.floor(i / trace.strokes.length)}x${i % trace.strokes.length}`,
        author,
        tool: 'brush',
        color: '#1f2328',
        width: 8,
      },
      'seed',
    );
    let frame = Math.floor(stroke.points[0]!.t / FRAME_MS);
    for (const point of stroke.points) {
      const at = Math.floor(point.t / FRAME_MS);
      if (at !== frame) writer.flush();
      frame = at;
      writer.add(point);
    }
    writer.finish();
    points += stroke.points.length;
  }
  const folded = state ?? Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return { state: folded, tail, strokes, points };
}
