import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import Konva from 'konva';
import { Image, Layer } from 'react-konva';
import { BOARD_HEIGHT, BOARD_WIDTH, type Viewport } from '@scrawl/drawing-engine';
import { StrokeBitmap } from './StrokeBitmap';
import type { RenderedStroke } from './StrokeCache';
import { StrokeShape } from './StrokeShape';

/**
 * The board and its strokes. Finished strokes live in a cached image on their own layer
 * (StrokeBitmap), strokes being drawn on a second layer in board units, so the per-frame
 * redraw touches only the small live layer, however full the board is.
 */
export function StrokeLayers({
  strokes,
  viewport,
  width,
  height,
  bitmap: given,
}: {
  strokes: readonly RenderedStroke[];
  viewport: Viewport;
  width: number;
  height: number;
  /** The bitmap to paint finished strokes into (the replay's keeps checkpoints); else its own. */
  bitmap?: StrokeBitmap;
}) {
  const finished = useMemo(() => strokes.filter((s) => s.done), [strokes]);
  const live = useMemo(() => strokes.filter((s) => !s.done), [strokes]);
  const [own] = useState(() => new StrokeBitmap());
  const bitmap = given ?? own;
  const layer = useRef<Konva.Layer>(null);

  useLayoutEffect(() => {
    if (bitmap.update(finished, viewport, { width, height }, Konva.pixelRatio)) {
      layer.current?.batchDraw();
    }
  }, [bitmap, finished, viewport, width, height]);

  return (
    <>
      <Layer ref={layer} listening={false}>
        <Image image={bitmap.canvas} width={width} height={height} />
      </Layer>
      <Layer
        x={viewport.offsetX}
        y={viewport.offsetY}
        scaleX={viewport.scale}
        scaleY={viewport.scale}
        clipX={0}
        clipY={0}
        clipWidth={BOARD_WIDTH}
        clipHeight={BOARD_HEIGHT}
        listening={false}
      >
        {live.map((stroke) => (
          <StrokeShape key={stroke.key} stroke={stroke} />
        ))}
      </Layer>
    </>
  );
}
