import type { Whisper } from '@scrawl/protocol';
import type { RoomState } from './types.js';

/**
 * What a player who (re)connects must be told privately now (SPEC P7): the drawer their
 * choices while choosing and their word while drawing; a solver the word they solved.
 * Nobody else is told anything secret.
 */
export function whispersFor(state: RoomState, playerId: string): Whisper[] {
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
