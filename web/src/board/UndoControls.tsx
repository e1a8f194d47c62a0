import { useStore } from '../lib/useStore';
import { Icon } from '../ui/Icon';
import type { UndoHistory } from './UndoHistory';
import { useUndoKeys } from './useUndoKeys';

/** Undo and redo of this player's own strokes: two buttons and the usual shortcuts. */
export function UndoControls({ history, disabled }: { history: UndoHistory; disabled: boolean }) {
  const { canUndo, canRedo } = useStore(history.state);
  useUndoKeys(history, !disabled);
  return (
    <div className="button-row" role="group" aria-label="History">
      <button
        type="button"
        className="button button--small button--icon"
        data-testid="undo"
        title="Undo your last stroke (Ctrl+Z)"
        aria-label="Undo"
        aria-keyshortcuts="Control+Z Meta+Z"
        disabled={disabled || !canUndo}
        onClick={history.undo}
      >
        <Icon name="undo" />
      </button>
      <button
        type="button"
        className="button button--small button--icon"
        data-testid="redo"
        title="Redo (Ctrl+Shift+Z)"
        aria-label="Redo"
        aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
        disabled={disabled || !canRedo}
        onClick={history.redo}
      >
        <Icon name="redo" />
      </button>
    </div>
  );
}
