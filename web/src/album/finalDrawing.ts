import { readStrokes, seekReplay, type StrokeView } from '@scrawl/drawing-engine';
import type { RenderedStroke } from '../board/StrokeCache';
import type { Drawing } from '../replay/replayCache';

/** A turn's drawing as it stood when the turn ended. */
export interface FinalDrawing {
  /** For painting (thumbnails, PNG). */
  readonly rendered: readonly RenderedStroke[];
  /** For SVG export (boardToSvg). */
  readonly views: readonly StrokeView[];
}

const finals = new WeakMap<Drawing, FinalDrawing>();

/** The last frame of a replay: every update applied. Computed once per drawing. */
export function finalDrawing(drawing: Drawing): FinalDrawing {
  let final = finals.get(drawing);
  if (!final) {
    const doc = seekReplay(drawing.replay, Number.MAX_SAFE_INTEGER);
    final = { rendered: drawing.strokes.read(doc), views: readStrokes(doc) };
    doc.destroy();
    finals.set(drawing, final);
  }
  return final;
}
