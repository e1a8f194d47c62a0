import { useEffect } from 'react';
import { inTextField } from '../board/useToolKeys';
import type { ReplayPlayer } from './ReplayPlayer';
import { SPEEDS } from './timeline';

/**
 * Replay shortcuts: Space plays or pauses (unless a button or link has the focus), ← and →
 * move a second, Shift+← and Shift+→ step stroke by stroke, Home and End go to the start and
 * the end, 1–6 pick the speed. Keys typed into a text field, or with Ctrl, ⌘ or Alt held, are
 * left alone.
 */
export function useReplayKeys(player: ReplayPlayer): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || textEntry(event.target)) return;
      // Space on a focused button or link presses it (Copy, a stroke step, play itself).
      if (event.key === ' ' && pressable(event.target)) return;
      const speed = SPEEDS[Number(event.key) - 1];
      if (event.key === ' ') player.toggle();
      else if (event.key === 'ArrowLeft' && event.shiftKey) player.step(-1);
      else if (event.key === 'ArrowRight' && event.shiftKey) player.step(1);
      else if (event.key === 'ArrowLeft') player.skip(-1);
      else if (event.key === 'ArrowRight') player.skip(1);
      else if (event.key === 'Home') player.seek(0);
      else if (event.key === 'End') player.seek(player.duration);
      else if (speed !== undefined && /^[1-6]$/.test(event.key)) player.setSpeed(speed);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, [player]);
}

/** A control that Space presses by itself. */
function pressable(target: EventTarget | null): boolean {
  return target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement;
}

/** A field that takes typing; the scrub bar (a range input) answers the replay's keys. */
function textEntry(target: EventTarget | null): boolean {
  if (target instanceof HTMLInputElement && target.type === 'range') return false;
  if (target instanceof HTMLInputElement && target.type === 'radio') return false;
  return inTextField(target);
}
