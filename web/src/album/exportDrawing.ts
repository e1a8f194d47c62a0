import { BOARD_HEIGHT, BOARD_WIDTH, boardToSvg } from '@scrawl/drawing-engine';
import { paintPaper, paintStrokes } from '../board/paintStrokes';
import type { RenderedStroke } from '../board/StrokeCache';
import { downloadBlob } from '../lib/download';
import type { FinalDrawing } from './finalDrawing';

/**
 * Paints strokes onto a canvas, scaled so the whole board fills its width (its height is
 * the board's 16:10): thumbnails and PNG export alike.
 */
export function paintDrawing(canvas: HTMLCanvasElement, strokes: readonly RenderedStroke[]): void {
  const context = canvas.getContext('2d');
  if (!context) return;
  const scale = canvas.width / BOARD_WIDTH;
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, canvas.width, canvas.height);
  context.setTransform(scale, 0, 0, scale, 0, 0);
  paintPaper(context);
  paintStrokes(context, strokes);
}

/** Downloads the drawing as a PNG at the board's full size (1600 × 1000 pixels). */
export async function exportPng(drawing: FinalDrawing, filename: string): Promise<void> {
  const canvas = document.createElement('canvas');
  canvas.width = BOARD_WIDTH;
  canvas.height = BOARD_HEIGHT;
  paintDrawing(canvas, drawing.rendered);
  const blob = await new Promise<Blob | null>((resolve) => {
    canvas.toBlob(resolve, 'image/png');
  });
  if (!blob) throw new Error('the browser could not encode the PNG');
  downloadBlob(blob, filename);
}

/** Downloads the drawing as SVG (drawing-engine's boardToSvg: the same outlines). */
export function exportSvg(drawing: FinalDrawing, filename: string): void {
  const svg = boardToSvg(drawing.views);
  downloadBlob(new Blob([svg], { type: 'image/svg+xml' }), filename);
}
