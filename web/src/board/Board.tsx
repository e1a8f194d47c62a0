import { useId, useMemo, useState, type ReactNode } from 'react';
import { Stage } from 'react-konva';
import { fitBoard } from '@scrawl/drawing-engine';
import { useStore } from '../lib/useStore';
import type { CanvasSession } from '../room/CanvasSession';
import { CursorLayer } from './CursorLayer';
import { StrokeLayers } from './StrokeLayers';
import type { ToolState } from './tools';
import { useDrawing } from './useDrawing';
import { useElementSize } from './useElementSize';

/**
 * The shared board: fills its container, shows the whole board letterboxed at the largest
 * scale that fits, and turns pointer input into strokes when this player may draw. Cursors
 * of `cursorsOf` (the drawers; null: everyone) are shown live. `children` lie over it
 * (word choice, turn end, podium).
 */
export function Board({
  canvas,
  self,
  tools,
  canDraw,
  cursorsOf,
  children,
}: {
  canvas: CanvasSession;
  self: string;
  tools: ToolState;
  canDraw: boolean;
  cursorsOf: readonly string[] | null;
  children?: ReactNode;
}) {
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const { width, height } = useElementSize(element);
  const viewport = useMemo(() => fitBoard(width, height), [width, height]);
  const strokes = useStore(canvas.strokes.store);
  const allCursors = useStore(canvas.cursors);
  const cursors = useMemo(
    () =>
      cursorsOf === null ? allCursors : allCursors.filter((c) => cursorsOf.includes(c.player.id)),
    [allCursors, cursorsOf],
  );
  const hintId = useId();

  useDrawing(element, {
    canvas,
    self,
    tools,
    viewport,
    enabled: canDraw,
    onCursor: canvas.setCursor,
  });

  return (
    <div className="board-frame">
      <div
        ref={setElement}
        className="board"
        data-testid="board"
        data-access={canDraw ? 'write' : 'read'}
        data-tool={tools.tool}
        aria-describedby={hintId}
      >
        <p id={hintId} className="visually-hidden">
          {canDraw
            ? 'Drawing board. Draw with a mouse, pen or finger.'
            : 'Drawing board. You are watching.'}
        </p>
        {width > 0 && height > 0 && (
          <div className="board-stage">
            <Stage width={width} height={height}>
              <StrokeLayers strokes={strokes} viewport={viewport} width={width} height={height} />
              <CursorLayer cursors={cursors} viewport={viewport} />
            </Stage>
          </div>
        )}
      </div>
      {children}
    </div>
  );
}
