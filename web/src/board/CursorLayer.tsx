import { Circle, Group, Label, Layer, Tag, Text } from 'react-konva';
import { boardToScreen, type Viewport } from '@scrawl/drawing-engine';
import type { RemoteCursor } from '../room/presence';

/** Cursor marks keep their screen size whatever the board's scale. */
const DOT_RADIUS = 5;
const LABEL_OFFSET = 8;
const LABEL_FONT_SIZE = 12;
const LABEL_PADDING = 3;
const LABEL_FONT = 'system-ui, sans-serif';

/** Other players' pointers over the board, each with their colour and name. */
export function CursorLayer({
  cursors,
  viewport,
}: {
  cursors: readonly RemoteCursor[];
  viewport: Viewport;
}) {
  return (
    <Layer listening={false}>
      {cursors.map(({ clientId, player, at }) => {
        const screen = boardToScreen(at, viewport);
        return (
          <Group key={clientId} x={screen.x} y={screen.y}>
            <Circle radius={DOT_RADIUS} fill={player.color} stroke="#ffffff" strokeWidth={2} />
            <Label x={LABEL_OFFSET} y={LABEL_OFFSET}>
              <Tag fill={player.color} cornerRadius={LABEL_PADDING} />
              <Text
                text={player.name}
                fontSize={LABEL_FONT_SIZE}
                fontFamily={LABEL_FONT}
                padding={LABEL_PADDING}
                fill="#ffffff"
              />
            </Label>
          </Group>
        );
      })}
    </Layer>
  );
}
