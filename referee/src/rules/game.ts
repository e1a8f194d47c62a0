import { type Ctx, connectedPlayers, notice, record, say } from './context.js';
import { endGame } from './gameEnd.js';
import { endTurn, nextTurn } from './turns.js';

/** Starting and stopping a game (SPEC P1, P8). */

/** At least this many connected players make a game. */
export const MIN_PLAYERS = 2;

/** Characters of a game id: the alphabet of protocol's ids. */
const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const GAME_ID_LENGTH = 16;

/** A game id from the step's random (deterministic in tests, unguessable enough in use). */
function gameId(ctx: Ctx): string {
  let id = '';
  for (let i = 0; i < GAME_ID_LENGTH; i++) {
    const index = Math.floor(ctx.random() * ID_ALPHABET.length);
    id += ID_ALPHABET[index] ?? ID_ALPHABET[0];
  }
  return id;
}

/** The host starts a game from the lobby or the podium. */
export function startGame(ctx: Ctx, playerId: string): void {
  const { state, now } = ctx;
  const asker = state.seats.find((seat) => seat.id === playerId);
  if (!asker) return;
  if (state.hostId !== playerId) return notice(ctx, asker.id, 'Only the host can start a game');
  if (state.phase !== 'lobby' && state.phase !== 'gameEnd') {
    return notice(ctx, asker.id, 'A game is already running');
  }
  const players = connectedPlayers(state);
  if (players.length < MIN_PLAYERS) {
    return notice(ctx, asker.id, `A game needs at least ${MIN_PLAYERS} players`);
  }
  for (const seat of state.seats) {
    seat.score = 0;
    seat.idleTurns = 0;
  }
  const id = gameId(ctx);
  // The first round's queue is built by nextTurn, from the seats of that moment.
  state.game = { id, startedAt: now, round: 0, queue: [], usedWords: [] };
  state.turn = null;
  state.podium = [];
  record(ctx, {
    type: 'game/start',
    gameId: id,
    at: now,
    settings: structuredClone(state.settings),
    playerIds: players.map((seat) => seat.id),
  });
  // No line of its own: the first turn's line ("Round 1 of 3: …") announces the game, after
  // the collab-server has been told the drawer.
  nextTurn(ctx);
}

/** Fewer than {@link MIN_PLAYERS} connected players: the game ends with a podium. */
export function stopGame(ctx: Ctx): void {
  say(ctx, 'Not enough players left: game over');
  endTurn(ctx, 'stopped');
  endGame(ctx);
}
