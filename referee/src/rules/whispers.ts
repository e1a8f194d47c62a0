import type { Whisper } from '@scrawl/protocol';
import type { RoomState } from './types.js';

/**
 * What a player who (re)connects must be told privately now (SPEC P7): the host in the
 * lobby the room's custom words; the drawer their choices while choosing and their word
 * while drawing; a solver the word they solved. Nobody else is told anything secret.
 */
export function whispersFor(state: RoomState, playerId: string): Whisper[] {
  const words = customWordsFor(state, playerId);
  return [...(words ? [words] : []), ...turnWhispersFor(state, playerId)];
}

/**
 * The custom words, for the host while they may edit them (in the lobby) when there are any.
 * During a game nobody is told them: the word may be one of them, and the host guesses too.
 */
export function customWordsFor(state: RoomState, playerId: string): Whisper | null {
  const words = state.settings.customWords;
  return state.phase === 'lobby' && state.hostId === playerId && words.length > 0
    ? { type: 'settings/words', words: [...words] }
    : null;
}

function turnWhispersFor(state: RoomState, playerId: string): Whisper[] {
  const turn = state.turn;
  if (!turn || turn.stage === 'ended') return [];
  const { canvasRound } = turn;
  if (turn.drawerId === playerId) {
    if (turn.stage === 'choosing') {
      return [
        { type: 'word/choices', canvasRound, choices: [...turn.choices], deadline: turn.deadline },
      ];
    }
    return turn.word === null ? [] : [{ type: 'word/secret', canvasRound, word: turn.word }];
  }
  if (turn.word !== null && turn.solves.some((solve) => solve.playerId === playerId)) {
    return [{ type: 'word/secret', canvasRound, word: turn.word }];
  }
  return [];
}
