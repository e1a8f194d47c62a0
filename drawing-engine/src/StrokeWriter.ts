import type * as Y from 'yjs';
import {
  appendChunk,
  beginStroke,
  finishStroke,
  type StrokeMap,
  type StrokeMeta,
} from './canvasDoc.js';
import type { InputPoint } from './point.js';
import { StrokeEncoder } from './strokeCodec.js';

/**
 * Writes one stroke into a canvas document as it is drawn: samples are buffered and
 * flushed as one chunk per call to {@link flush} (the web client calls it once per
 * animation frame), so peers see the stroke grow live, and {@link finish} folds it.
 * Times are passed in by the caller, keeping this class deterministic.
 */
export class StrokeWriter {
  private readonly encoder = new StrokeEncoder();
  private pending: InputPoint[] = [];
  private stroke: StrokeMap | null = null;
  private finished = false;

  constructor(
    private readonly doc: Y.Doc,
    private readonly meta: StrokeMeta,
    private readonly origin: unknown,
  ) {}

  /** Queues raw samples; nothing is written until the next flush. */
  add(...points: InputPoint[]): void {
    if (!this.finished) this.pending.push(...points);
  }

  /** Writes queued samples as one chunk. Returns whether anything was written. */
  flush(): boolean {
    if (this.finished || this.pending.length === 0) return false;
    const chunk = this.encoder.append(this.pending);
    this.pending = [];
    if (this.stroke) appendChunk(this.stroke, chunk, this.origin);
    else this.stroke = beginStroke(this.doc, this.meta, chunk, this.origin);
    return true;
  }

  /** Flushes what is left and marks the stroke finished. */
  finish(): void {
    if (this.finished) return;
    this.flush();
    this.finished = true;
    if (this.stroke) finishStroke(this.stroke, this.origin);
  }

  /** The stroke's id. */
  get id(): string {
    return this.meta.id;
  }
}
