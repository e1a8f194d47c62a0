import { useEffect } from 'react';
import { stepSize, type ToolState } from './tools';

/** Whether a key event belongs to a text field, whose keys must keep working. */
export function inTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Tool shortcuts: B brush, E eraser, [ smaller, ] larger. Keys typed into a text field, or
 * with Ctrl, ⌘ or Alt held, are left alone.
 */
export function useToolKeys(
  enabled: boolean,
  update: (change: (tools: ToolState) => ToolState) => void,
): void {
  useEffect(() => {
    if (!enabled) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || inTextField(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'b') update((tools) => ({ ...tools, tool: 'brush' }));
      else if (key === 'e') update((tools) => ({ ...tools, tool: 'eraser' }));
      else if (key === '[' || key === ']') {
        const direction = key === ']' ? 1 : -1;
        update((tools) => ({
          ...tools,
          brush: { ...tools.brush, width: stepSize(tools.brush.width, direction) },
        }));
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, [enabled, update]);
}
