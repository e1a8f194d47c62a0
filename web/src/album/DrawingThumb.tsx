import { useLayoutEffect, useRef } from 'react';
import { BOARD_HEIGHT, BOARD_WIDTH } from '@scrawl/drawing-engine';
import type { RenderedStroke } from '../board/StrokeCache';
import { paintDrawing } from './exportDrawing';

/** Thumbnail width in CSS pixels: the album's cards are about this wide. */
const THUMB_CSS_WIDTH = 320;

/** A finished drawing, small, painted like the board paints it. */
export function DrawingThumb({
  strokes,
  label,
}: {
  strokes: readonly RenderedStroke[];
  label: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const width = Math.round(THUMB_CSS_WIDTH * Math.min(2, window.devicePixelRatio || 1));
  const height = Math.round((width * BOARD_HEIGHT) / BOARD_WIDTH);
  useLayoutEffect(() => {
    if (canvas.current) paintDrawing(canvas.current, strokes);
  }, [strokes, width]);
  return (
    <canvas
      ref={canvas}
      className="album-thumb"
      data-testid="album-thumb"
      data-strokes={strokes.length}
      width={width}
      height={height}
      role="img"
      aria-label={label}
    />
  );
}
