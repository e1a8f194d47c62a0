import { publicSettings, type GameState } from '@scrawl/protocol';
import { hintSlots } from './hints.js';
import type { RoomState } from './types.js';

/**
 * The public game document (SPEC V1–V3): everything anyone may see. The word appears only
 * once its turn is over; while drawing, the hint holds revealed characters only; the
 * choices never appear; the custom words (the word may be one of them) are only counted.
 */
export function publicState(state: RoomState): GameState {
  const { phase, turn } = state;
  const playing = phase !== 'lobby';
  const turnShown = playing && turn !== null;
  const over = turn !== null && turn.stage === 'ended';
  const solved = new Set(turnShown ? turn.solves.map((solve) => solve.playerId) : []);
  const gained: Record<string, number> = {};
  if (turnShown) {
    for (const solve of turn.solves) gained[solve.playerId] = solve.points;
    Object.assign(gained, turn.gained);
  }
  return {
    phase,
    roomCode: state.roomCode,
    hostId: state.hostId,
    settings: publicSettings(state.settings),
    gameId: state.game?.id ?? null,
    round: playing ? (state.game?.round ?? 0) : 0,
    canvasRound: turnShown ? turn.canvasRound : 0,
    drawerIds: turnShown && phase !== 'gameEnd' ? [turn.drawerId] : [],
    deadline: deadline(state),
    hint:
      phase === 'drawing' && turn?.stage === 'drawing' && turn.word !== null
        ? hintSlots(turn.word, turn.revealed)
        : null,
    word: (phase === 'turnEnd' || phase === 'gameEnd') && over ? turn.word : null,
    scoreboard: state.seats
      .filter((seat) => seat.role === 'player')
      .map((seat) => ({
        id: seat.id,
        name: seat.name,
        color: seat.color,
        score: seat.score,
        connected: seat.connected,
        solved: solved.has(seat.id),
        gained: gained[seat.id] ?? 0,
      })),
    podium: phase === 'gameEnd' ? state.podium.map((entry) => ({ ...entry })) : [],
  };
}

function deadline(state: RoomState): number | null {
  switch (state.phase) {
    case 'choosing':
    case 'drawing':
      return state.turn?.deadline ?? null;
    case 'turnEnd':
    case 'gameEnd':
      return state.phaseDeadline;
    case 'lobby':
      return null;
  }
}
