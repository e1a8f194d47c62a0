import * as Y from 'yjs';
import type { InputPoint, StrokeMeta } from '@scrawl/drawing-engine';
import type { TraceStroke } from './traceFile.js';

/** One animation frame at 60 Hz, ms: the web app flushes samples once per frame. */
export const FRAME_MS = 1000 / 60;

/** How one storage method writes a stroke into a Y.Doc while it is drawn. */
export interface LiveWriter {
  /** Writes the samples of one animation frame. */
  frame(points: readonly InputPoint[]): void;
  /** Pointer-up. */
  finish(): void;
}

/** A way of storing strokes, measured by the bench. */
export interface StorageMethod {
  readonly name: string;
  /** Starts a stroke in `doc` with the given metadata. */
  begin(doc: Y.Doc, meta: StrokeMeta): LiveWriter;
  /** A stroke's samples as this method's bytes: the payload, without a Y.Doc around it. */
  encode(points: readonly InputPoint[]): Uint8Array;
  /** Reads the points back from {@link encode}'s bytes. */
  decode(bytes: Uint8Array): readonly unknown[];
  /** Bytes of {@link encode} for no points (a Yjs update's own framing), left out of payload. */
  readonly framing: number;
}

/** Stroke metadata as the web app writes it: 16-character ids, a palette colour. */
export function metaFor(index: number): StrokeMeta {
  return {
    id: `s${index.toString(36).padStart(15, '0')}`,
    author: 'k2m8q4x7p1r9t3vw',
    tool: 'brush',
    color: '#1f2328',
    width: 12,
  };
}

/**
 * Draws every stroke of the trace into one fresh Y.Doc the way the web app does: samples
 * are grouped by the 60 Hz animation frame (on the trace's clock) they arrive in, each
 * frame is written as one transaction, and pointer-up finishes the stroke.
 */
export function drawLive(method: StorageMethod, strokes: readonly TraceStroke[]): Y.Doc {
  const doc = new Y.Doc();
  strokes.forEach((stroke, index) => {
    const writer = method.begin(doc, metaFor(index));
    let frame: InputPoint[] = [];
    let frameIndex = Math.floor(stroke.start / FRAME_MS);
    for (const point of stroke.points) {
      const at = Math.floor((stroke.start + point.t) / FRAME_MS);
      if (at !== frameIndex && frame.length > 0) {
        writer.frame(frame);
        frame = [];
      }
      frameIndex = at;
      frame.push(point);
    }
    if (frame.length > 0) writer.frame(frame);
    writer.finish();
  });
  return doc;
}
