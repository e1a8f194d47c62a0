import { useEffect } from 'react';
import { inTextField } from '../board/useToolKeys';
import type { VoiceSession } from './VoiceSession';

/** The push-to-talk key. */
const TALK_KEY = 'v';

/**
 * Push-to-talk: holding V speaks while `enabled`. Not while typing in a field (V is a
 * letter of many guesses); letting go, or leaving the window, stops.
 */
export function usePushToTalk(voice: VoiceSession, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return undefined;
    const down = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== TALK_KEY || event.ctrlKey || event.metaKey || event.altKey)
        return;
      if (inTextField(event.target)) return;
      event.preventDefault();
      if (!event.repeat) voice.setTalking(true);
    };
    const up = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() === TALK_KEY) voice.setTalking(false);
    };
    const release = () => {
      voice.setTalking(false);
    };
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    window.addEventListener('blur', release);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
      window.removeEventListener('blur', release);
      voice.setTalking(false);
    };
  }, [voice, enabled]);
}
