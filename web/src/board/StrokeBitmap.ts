import type { Viewport } from '@scrawl/drawing-engine';
import type { BitmapCheckpoints } from './BitmapCheckpoints';
import { paintPaper, paintStrokes } from './paintStrokes';
import type { RenderedStroke } from './StrokeCache';

/**
 * The finished strokes of a board painted once into an offscreen canvas, which the board
 * shows as a single image. A stroke that finishes is painted on top of what is there; only
 * a change to earlier strokes (undo, erase, a resize) repaints the whole board. So with
 * thousands of strokes on the board, a frame costs one image and the live stroke. With
 * `checkpoints` (the replay's board), a repaint starts from the longest kept image that
 * still matches and paints only the strokes after it.
 */
export class StrokeBitmap {
  readonly canvas: HTMLCanvasElement = document.createElement('canvas');
  private painted: readonly RenderedStroke[] = [];
  private placement = '';
  private viewport: Viewport = { scale: 0, offsetX: 0, offsetY: 0 };
  private pixelRatio = 1;

  constructor(private readonly checkpoints: BitmapCheckpoints | null = null) {}

  /** Brings the image up to date with `strokes`; returns whether any pixel changed. */
  update(
    strokes: readonly RenderedStroke[],
    viewport: Viewport,
    size: { readonly width: number; readonly height: number },
    pixelRatio: number,
  ): boolean {
    const placement = [size.width, size.height, pixelRatio, viewport.scale, viewport.offsetX]
      .concat(viewport.offsetY)
      .join(',');
    if (placement !== this.placement) {
      this.placement = placement;
      this.viewport = viewport;
      this.pixelRatio = pixelRatio;
      this.canvas.width = Math.max(1, Math.round(size.width * pixelRatio));
      this.canvas.height = Math.max(1, Math.round(size.height * pixelRatio));
      this.checkpoints?.place(placement, this.canvas.width * this.canvas.height * 4);
      return this.repaint(strokes);
    }
    if (!extends_(this.painted, strokes)) return this.repaint(strokes);
    if (strokes.length === this.painted.length) return false;
    // A jump far ahead: starting from a later checkpoint paints fewer strokes.
    if ((this.checkpoints?.longest(strokes) ?? 0) > this.painted.length)
      return this.repaint(strokes);
    this.paintFrom(this.painted.length, strokes);
    return true;
  }

  private repaint(strokes: readonly RenderedStroke[]): boolean {
    const context = this.context();
    if (!context) return false;
    const from = this.checkpoints?.restore(strokes, context) ?? 0;
    if (from === 0) {
      context.setTransform(1, 0, 0, 1, 0, 0);
      context.clearRect(0, 0, this.canvas.width, this.canvas.height);
      this.place(context);
      paintPaper(context);
    }
    this.paintFrom(from, strokes);
    return true;
  }

  /** Paints `strokes` from index `from` on, keeping checkpoint images on the way. */
  private paintFrom(from: number, strokes: readonly RenderedStroke[]): void {
    const context = this.context();
    if (!context) return;
    this.place(context);
    let start = from;
    for (const count of this.checkpoints?.boundaries(from, strokes.length) ?? []) {
      paintStrokes(context, strokes.slice(start, count));
      this.checkpoints?.save(strokes.slice(0, count), this.canvas);
      start = count;
    }
    paintStrokes(context, start === 0 ? strokes : strokes.slice(start));
    this.painted = strokes;
  }

  /** Board units → bitmap pixels. */
  private place(context: CanvasRenderingContext2D): void {
    const { scale, offsetX, offsetY } = this.viewport;
    const ratio = this.pixelRatio;
    context.setTransform(scale * ratio, 0, 0, scale * ratio, offsetX * ratio, offsetY * ratio);
  }

  private context(): CanvasRenderingContext2D | null {
    return this.canvas.getContext('2d');
  }
}

/** Whether `next` is `before` with strokes appended (same entries, in the same places). */
function extends_(before: readonly RenderedStroke[], next: readonly RenderedStroke[]): boolean {
  if (next.length < before.length) return false;
  for (let i = 0; i < before.length; i++) if (before[i] !== next[i]) return false;
  return true;
}
