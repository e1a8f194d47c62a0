import { memo, useCallback } from 'react';
import { Shape } from 'react-konva';
import type { Context } from 'konva/lib/Context';
import type { Shape as KonvaShape } from 'konva/lib/Shape';
import { traceStroke } from '@scrawl/drawing-engine';
import type { RenderedStroke } from './StrokeCache';
import { pathSink } from './strokePath';

/**
 * One stroke being drawn, in board units, filled from the engine's outline (traceStroke), so
 * width follows pen pressure and what is drawn is exactly what export and the eraser see.
 * Re-renders only when its cache entry is replaced.
 */
export const StrokeShape = memo(function StrokeShape({ stroke }: { stroke: RenderedStroke }) {
  const { spine } = stroke;
  const sceneFunc = useCallback(
    (context: Context, shape: KonvaShape) => {
      context.beginPath();
      traceStroke(spine, pathSink(context));
      context.fillShape(shape);
    },
    [spine],
  );
  return (
    <Shape sceneFunc={sceneFunc} fill={stroke.color} listening={false} perfectDrawEnabled={false} />
  );
});
