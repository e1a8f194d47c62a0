import { useEffect, useState } from 'react';
import type { BoardPoint, Viewport } from '@scrawl/drawing-engine';
import { HIT_TOLERANCE } from '@scrawl/drawing-engine';
import type { CanvasSession } from '../room/CanvasSession';
import { BrushGesture, EraserGesture, type Gesture } from './gestures';
import { PointerDrawing } from './PointerDrawing';
import type { RenderedStroke } from './StrokeCache';
import type { ToolState } from './tools';

/** What the board's pointer input draws into, and with what. */
export interface DrawingOptions {
  readonly canvas: CanvasSession;
  readonly self: string;
  readonly tools: ToolState;
  readonly viewport: Viewport;
  /** Whether this player may draw now. */
  readonly enabled: boolean;
  readonly onCursor: (at: BoardPoint | null) => void;
}

/**
 * Draws on `canvas` from pointer input on `element` while it is mounted. A gesture still in
 * progress is finished before an undo or redo, so a stroke is its own step. The eraser
 * removes this player's strokes; on a turn's canvas the drawer may remove any (SPEC V6).
 */
export function useDrawing(element: HTMLElement | null, options: DrawingOptions): void {
  const [drawing] = useState(() => new PointerDrawing());
  const { canvas, self, tools, viewport, enabled, onCursor } = options;

  useEffect(() => {
    const mayErase = (stroke: RenderedStroke) => stroke.author === self || canvas.round > 0;
    const begin = (): Gesture =>
      tools.tool === 'eraser'
        ? new EraserGesture({
            doc: canvas.doc,
            self,
            reach: Math.max(HIT_TOLERANCE, tools.brush.width / 2),
            strokes: canvas.strokes.store.get,
            mayErase,
          })
        : new BrushGesture(canvas.doc, self, tools.brush, () => {
            canvas.history.discardLast();
          });
    drawing.configure({ viewport, onCursor, begin: enabled ? begin : null });
  }, [drawing, canvas, self, tools, viewport, enabled, onCursor]);
  useEffect(() => (element ? drawing.attach(element) : undefined), [drawing, element]);
  useEffect(() => canvas.history.beforeChange(drawing.end), [drawing, canvas]);
}
