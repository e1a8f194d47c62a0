import type { RenderedStroke } from './StrokeCache';

/** A board image is kept after every this many strokes (at first; see `thin`). */
const CHECKPOINT_EVERY = 32;
/** Memory the kept images may take: ~24 boards of 900 × 560 pixels, 6 at twice that. */
const BUDGET_BYTES = 48 * 1024 * 1024;

interface Checkpoint {
  /** The strokes painted into the image, in order (a prefix of some board's strokes). */
  readonly strokes: readonly RenderedStroke[];
  readonly image: HTMLCanvasElement;
}

/**
 * Images of a board taken as its strokes were painted, every few strokes: the board's
 * render-side keyframes. Repainting a board whose strokes begin with a kept image's strokes
 * (same entries, same order) starts from that image and paints only the rest, so jumping
 * back in a replay paints a few dozen strokes instead of hundreds. Images are only valid
 * for one placement (size, scale, pixel ratio); another placement forgets them.
 */
export class BitmapCheckpoints {
  private placement = '';
  private every = CHECKPOINT_EVERY;
  private capacity = 1;
  private kept: Checkpoint[] = [];

  /** Sets the placement images are for (and their size); a new one forgets every image. */
  place(placement: string, imageBytes: number): void {
    if (placement === this.placement) return;
    this.placement = placement;
    this.kept = [];
    this.every = CHECKPOINT_EVERY;
    this.capacity = Math.max(1, Math.floor(BUDGET_BYTES / Math.max(1, imageBytes)));
  }

  /** The stroke counts in (from, to] after which an image should be taken. */
  boundaries(from: number, to: number): number[] {
    const counts: number[] = [];
    for (let count = (Math.floor(from / this.every) + 1) * this.every; count <= to;) {
      counts.push(count);
      count += this.every;
    }
    return counts;
  }

  /** Keeps a copy of `canvas`, which shows exactly `strokes` painted on paper. */
  save(strokes: readonly RenderedStroke[], canvas: HTMLCanvasElement): void {
    const count = strokes.length;
    const index = this.kept.findIndex((checkpoint) => checkpoint.strokes.length === count);
    const same = this.kept[index];
    if (same && startsWith(strokes, same.strokes)) return;
    const image = document.createElement('canvas');
    image.width = canvas.width;
    image.height = canvas.height;
    image.getContext('2d')?.drawImage(canvas, 0, 0);
    const checkpoint = { strokes, image };
    if (same) this.kept[index] = checkpoint;
    else this.kept = [...this.kept, checkpoint].sort((a, b) => a.strokes.length - b.strokes.length);
    if (this.kept.length > this.capacity) this.thin();
  }

  /** How many strokes the longest kept image that begins `strokes` holds (0: none fits). */
  longest(strokes: readonly RenderedStroke[]): number {
    return this.best(strokes)?.strokes.length ?? 0;
  }

  /**
   * Puts the longest kept image whose strokes begin `strokes` into `context` (the identity
   * transform, whole canvas); returns how many strokes it holds, 0 when none fits.
   */
  restore(strokes: readonly RenderedStroke[], context: CanvasRenderingContext2D): number {
    const checkpoint = this.best(strokes);
    if (!checkpoint) return 0;
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, context.canvas.width, context.canvas.height);
    context.drawImage(checkpoint.image, 0, 0);
    return checkpoint.strokes.length;
  }

  private best(strokes: readonly RenderedStroke[]): Checkpoint | undefined {
    return this.kept.findLast((checkpoint) => startsWith(strokes, checkpoint.strokes));
  }

  /** Over budget: keep every other image, and take them half as often from now on. */
  private thin(): void {
    this.every *= 2;
    this.kept = this.kept.filter((checkpoint) => checkpoint.strokes.length % this.every === 0);
  }
}

/** Whether `strokes` begins with exactly the entries of `prefix`. */
function startsWith(strokes: readonly RenderedStroke[], prefix: readonly RenderedStroke[]) {
  if (prefix.length > strokes.length) return false;
  // From the end: a stroke taken back (undo) is usually among the last.
  for (let i = prefix.length - 1; i >= 0; i--) if (strokes[i] !== prefix[i]) return false;
  return true;
}
