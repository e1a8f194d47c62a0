import { type Ctx, playerSeats, record, say } from './context.js';
import { places } from './scoring.js';
import { GAME_END_MS } from './timing.js';

/** The end of a game (SPEC P6): the podium for {@link GAME_END_MS}, then the lobby. */
export function endGame(ctx: Ctx): void {
  const { state, now } = ctx;
  const game = state.game;
  if (!game) return;
  const ranked = places(
    playerSeats(state).map((seat) => ({ id: seat.id, name: seat.name, score: seat.score })),
  );
  state.podium = ranked;
  state.phase = 'gameEnd';
  state.phaseDeadline = now + GAME_END_MS;
  game.queue = [];
  record(ctx, {
    type: 'game/end',
    gameId: game.id,
    at: now,
    scores: ranked.map(({ id, score, place }) => ({ playerId: id, score, place })),
  });
  const winners = ranked.filter((entry) => entry.place === 1).map((entry) => entry.name);
  say(
    ctx,
    winners.length === 0
      ? 'Game over'
      : `Game over! ${winners.join(' and ')} ${winners.length === 1 ? 'wins' : 'win'}`,
  );
}

/** Back to the lobby after the podium: the lobby board, no turn. */
export function toLobby(ctx: Ctx): void {
  const { state } = ctx;
  state.phase = 'lobby';
  state.phaseDeadline = null;
  state.turn = null;
}
