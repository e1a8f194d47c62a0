import { BOARD_HEIGHT, BOARD_WIDTH, traceStroke } from '@scrawl/drawing-engine';
import type { RenderedStroke } from './StrokeCache';
import { pathSink } from './strokePath';

/** The paper colour of the board: white in both themes, like the drawings expect. */
export const BOARD_FILL = '#ffffff';

/** Fills the board's rectangle (board units, in the context's current transform) with paper. */
export function paintPaper(context: CanvasRenderingContext2D): void {
  context.fillStyle = BOARD_FILL;
  context.fillRect(0, 0, BOARD_WIDTH, BOARD_HEIGHT);
}

/**
 * Paints strokes in board units into a 2D context whose transform maps board units to its
 * pixels, clipped to the board: the one way finished strokes are drawn, on the board, in
 * album thumbnails and in PNG exports.
 */
export function paintStrokes(
  context: CanvasRenderingContext2D,
  strokes: readonly RenderedStroke[],
): void {
  context.save();
  context.beginPath();
  context.rect(0, 0, BOARD_WIDTH, BOARD_HEIGHT);
  context.clip();
  const sink = pathSink(context);
  for (const stroke of strokes) {
    context.beginPath();
    traceStroke(stroke.spine, sink);
    context.fillStyle = stroke.color;
    context.fill('nonzero');
  }
  context.restore();
}
