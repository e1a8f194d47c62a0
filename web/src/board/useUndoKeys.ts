import { useEffect } from 'react';
import type { UndoHistory } from './UndoHistory';
import { inTextField } from './useToolKeys';

/**
 * Ctrl+Z (⌘Z) undoes this player's last stroke; Ctrl+Shift+Z (⌘⇧Z) and Ctrl+Y redo. Keys
 * typed into a text field (the chat) are left alone.
 */
export function useUndoKeys(history: UndoHistory, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || inTextField(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) history.undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') history.redo();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, [history, enabled]);
}
