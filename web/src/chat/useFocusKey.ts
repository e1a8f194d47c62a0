import { useEffect, type RefObject } from 'react';

/** Whether Enter pressed with focus here means "take me to the guess box". */
function idleTarget(target: EventTarget | null): boolean {
  if (target === document.body || target === null) return true;
  return target instanceof Element && target.closest('[data-testid="board"]') !== null;
}

/**
 * Enter focuses the chat's input when nothing else wants the key: focus is on the page
 * itself or on the board, not on a button, link or field.
 */
export function useFocusKey(input: RefObject<HTMLInputElement | null>, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (!idleTarget(event.target) || !input.current) return;
      event.preventDefault();
      input.current.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, [input, enabled]);
}
