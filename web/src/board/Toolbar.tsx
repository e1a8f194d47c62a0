import { STROKE_FIELDS, getStrokes, type StrokeMap } from '@scrawl/drawing-engine';
import type { CanvasSession } from '../room/CanvasSession';
import { ClearButton } from './ClearButton';
import { ColorPalette } from './ColorPalette';
import { eraseStrokes } from './eraseStrokes';
import { SizePicker } from './SizePicker';
import { ToolPicker } from './ToolPicker';
import type { ToolState } from './tools';
import { UndoControls } from './UndoControls';
import { useToolKeys } from './useToolKeys';

/** Every stroke on a turn's canvas (the drawer clears all), or this player's on the lobby's. */
function clearable(canvas: CanvasSession, self: string): StrokeMap[] {
  const all = getStrokes(canvas.doc).toArray();
  return canvas.round > 0 ? all : all.filter((map) => map.get(STROKE_FIELDS.author) === self);
}

/** The drawing tools: brush or eraser, five sizes, the palette, undo and redo, clear. */
export function Toolbar({
  canvas,
  self,
  tools,
  onChange,
  enabled,
}: {
  canvas: CanvasSession;
  self: string;
  tools: ToolState;
  onChange: (change: (tools: ToolState) => ToolState) => void;
  enabled: boolean;
}) {
  useToolKeys(enabled, onChange);
  return (
    <div className="toolbar" role="toolbar" aria-label="Drawing tools" data-testid="toolbar">
      <fieldset className="toolbar-tools" disabled={!enabled}>
        <legend className="visually-hidden">Tool and size</legend>
        <ToolPicker
          tool={tools.tool}
          onChange={(tool) => {
            onChange((t) => ({ ...t, tool }));
          }}
        />
        <SizePicker
          width={tools.brush.width}
          onChange={(width) => {
            onChange((t) => ({ ...t, brush: { ...t.brush, width } }));
          }}
        />
      </fieldset>
      <fieldset className="toolbar-colors" disabled={!enabled}>
        <legend className="visually-hidden">Colour</legend>
        <ColorPalette
          color={tools.brush.color}
          onChange={(color) => {
            onChange((t) => ({ tool: 'brush', brush: { ...t.brush, color } }));
          }}
        />
      </fieldset>
      <div className="button-row toolbar-actions">
        <UndoControls history={canvas.history} disabled={!enabled} />
        <ClearButton
          everything={canvas.round > 0}
          disabled={!enabled}
          onClear={() => {
            eraseStrokes(canvas.doc, clearable(canvas, self), self);
          }}
        />
      </div>
    </div>
  );
}
