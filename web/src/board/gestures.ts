import type * as Y from 'yjs';
import { idFromBytes } from '@scrawl/protocol';
import { StrokeWriter, type InputPoint } from '@scrawl/drawing-engine';
import { eraseStrokes, strokesHit } from './eraseStrokes';
import { WEB_ORIGIN } from './origins';
import type { RenderedStroke } from './StrokeCache';
import type { Brush } from './tools';

/** One pointer's work from down to up: a brush stroke or an eraser sweep. */
export interface Gesture {
  /** New samples, board units, oldest first. */
  add(points: readonly InputPoint[]): void;
  /** Once per animation frame while the pointer is down, at most 60 times a second. */
  frame(): void;
  /** The pointer went up: keep what was done. */
  finish(): void;
  /** The pointer was a palm: finish, and take back what it did. */
  discard(): void;
}

/** Bytes of randomness in a stroke id: one character each, as protocol's other ids. */
const STROKE_ID_BYTES = 16;

/**
 * A fresh stroke id: 16 random lowercase letters and digits (~82 bits), like player and room
 * ids. Shorter than a UUID, which saves 20 bytes of every stroke in the document, and
 * available on plain http too (randomUUID exists only on https and localhost).
 */
function newStrokeId(): string {
  return idFromBytes(crypto.getRandomValues(new Uint8Array(STROKE_ID_BYTES)));
}

/**
 * A brush stroke: samples are queued on every move and written as one chunk per frame, so
 * others watch it grow (SPEC S2); finishing folds it (S3).
 */
export class BrushGesture implements Gesture {
  private readonly writer: StrokeWriter;
  private wrote = false;

  constructor(
    doc: Y.Doc,
    author: string,
    brush: Brush,
    private readonly undoLast: () => void,
  ) {
    this.writer = new StrokeWriter(
      doc,
      { id: newStrokeId(), author, tool: 'brush', color: brush.color, width: brush.width },
      WEB_ORIGIN,
    );
  }

  add(points: readonly InputPoint[]): void {
    this.writer.add(...points);
  }

  frame(): void {
    if (this.writer.flush()) this.wrote = true;
  }

  finish(): void {
    this.frame();
    this.writer.finish();
  }

  discard(): void {
    this.finish();
    // The stroke is the undo manager's last step exactly when it wrote anything.
    if (this.wrote) this.undoLast();
  }
}

/** What an eraser sweep needs to know. */
export interface EraserTarget {
  readonly doc: Y.Doc;
  readonly self: string;
  /** Reach beyond a stroke's edge, board units. */
  readonly reach: number;
  readonly strokes: () => readonly RenderedStroke[];
  readonly mayErase: (stroke: RenderedStroke) => boolean;
}

/** A stroke eraser: every stroke its path touches (and this player may remove) goes. */
export class EraserGesture implements Gesture {
  private last: InputPoint | null = null;

  constructor(private readonly target: EraserTarget) {}

  add(points: readonly InputPoint[]): void {
    const { doc, self, reach, strokes, mayErase } = this.target;
    for (const point of points) {
      const hit = strokesHit(strokes(), this.last ?? point, point, reach, mayErase);
      this.last = point;
      if (hit.length > 0)
        eraseStrokes(
          doc,
          hit.map((stroke) => stroke.map),
          self,
        );
    }
  }

  frame(): void {}

  finish(): void {}

  discard(): void {}
}
