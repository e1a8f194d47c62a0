import { useMemo, useState } from 'react';
import { Stage } from 'react-konva';
import { fitBoard } from '@scrawl/drawing-engine';
import { BitmapCheckpoints } from '../board/BitmapCheckpoints';
import { StrokeBitmap } from '../board/StrokeBitmap';
import { StrokeLayers } from '../board/StrokeLayers';
import { useElementSize } from '../board/useElementSize';
import { useStore } from '../lib/useStore';
import type { ReplayPlayer } from './ReplayPlayer';
import { useCheckpointWarmup } from './useCheckpointWarmup';

/**
 * The replay's read-only board, drawn with the game's own rendering (StrokeLayers): finished
 * strokes in the cached bitmap, strokes being drawn as live shapes. Its bitmap keeps
 * checkpoint images (warmed up once the replay opens), so seeking back repaints little.
 */
export function ReplayBoard({ player, label }: { player: ReplayPlayer; label: string }) {
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const size = useElementSize(element);
  const { width, height } = size;
  const viewport = useMemo(() => fitBoard(width, height), [width, height]);
  const [checkpoints] = useState(() => new BitmapCheckpoints());
  const [bitmap] = useState(() => new StrokeBitmap(checkpoints));
  const strokes = useStore(player.strokes);
  useCheckpointWarmup(player, checkpoints, viewport, size);
  return (
    <div className="board-frame">
      <div
        ref={setElement}
        className="board"
        data-testid="board"
        data-access="read"
        role="img"
        aria-label={label}
      >
        {width > 0 && height > 0 && (
          <div className="board-stage">
            <Stage width={width} height={height}>
              <StrokeLayers
                strokes={strokes}
                viewport={viewport}
                width={width}
                height={height}
                bitmap={bitmap}
              />
            </Stage>
          </div>
        )}
      </div>
    </div>
  );
}
