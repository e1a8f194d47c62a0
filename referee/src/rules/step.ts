import { DEFAULT_SETTINGS, type RoomCode, type RoomId } from '@scrawl/protocol';
import { advance } from './clock.js';
import { chooseWord, updateSettings } from './commands.js';
import { type Ctx, connectedPlayers, seatedPlayers, findSeat, inGame, whisper } from './context.js';
import { MIN_PLAYERS, startGame, stopGame } from './game.js';
import { handleMessage } from './messages.js';
import { hostKick, report, voteKick } from './moderation.js';
import { applyPresence, assignHost } from './seats.js';
import { customWordsFor } from './whispers.js';
import { endTurn } from './turns.js';
import type { Input, Random, RoomState, StepResult } from './types.js';

/** The first canvas round of a room: 0 is the lobby's free-draw board. */
const FIRST_CANVAS_ROUND = 1;

/** A new room: the lobby, default settings, nobody in it. */
export function createRoomState(roomId: RoomId, roomCode: RoomCode, _now: number): RoomState {
  return {
    version: 1,
    roomId,
    roomCode,
    phase: 'lobby',
    phaseDeadline: null,
    settings: structuredClone(DEFAULT_SETTINGS),
    hostId: null,
    seats: [],
    game: null,
    turn: null,
    nextCanvasRound: FIRST_CANVAS_ROUND,
    votes: {},
    bans: [],
    chatTimes: {},
    podium: [],
    lineSeq: 0,
  };
}

/**
 * One step of the rules: applies the time transitions due at `input.now`, then the input,
 * then whatever follows from it. Pure and deterministic: the input state is not changed.
 */
export function step(state: RoomState, input: Input, random: Random): StepResult {
  const ctx: Ctx = { state: structuredClone(state), now: input.now, random, effects: [] };
  advance(ctx, settle);
  switch (input.type) {
    case 'presence':
      applyPresence(ctx, input.players);
      break;
    case 'rpc':
      handleRpc(ctx, input);
      break;
    case 'tick':
      break;
  }
  settle(ctx);
  tellHostWords(ctx, state);
  return { state: ctx.state, effects: ctx.effects };
}

/**
 * The game document only counts the custom words: a host is told them when they may edit
 * them, on becoming host in the lobby or when the room comes back to the lobby (a change
 * is confirmed by updateSettings, a reconnect by whispersFor).
 */
function tellHostWords(ctx: Ctx, before: RoomState): void {
  const { hostId, phase } = ctx.state;
  if (hostId === null || (before.hostId === hostId && before.phase === phase)) return;
  const words = customWordsFor(ctx.state, hostId);
  if (words) whisper(ctx, hostId, words);
}

function handleRpc(ctx: Ctx, input: Extract<Input, { type: 'rpc' }>): void {
  const { playerId, message } = input;
  // Only seated players act; a removed (banned) player has no seat.
  if (!findSeat(ctx.state, playerId)) return;
  switch (message.type) {
    case 'chat/send':
    case 'guess/send':
      return handleMessage(ctx, playerId, message.text);
    case 'word/choose':
      return chooseWord(ctx, playerId, message.index);
    case 'game/start':
      return startGame(ctx, playerId);
    case 'settings/update':
      return updateSettings(ctx, playerId, message.patch);
    case 'player/voteKick':
      return voteKick(ctx, playerId, message.playerId);
    case 'player/kick':
      return hostKick(ctx, playerId, message.playerId);
    case 'player/report':
      return report(ctx, playerId, message.playerId, message.reason);
  }
}

/**
 * What follows from the room as it is now (SPEC N4, P5, P8): a host while anyone is here,
 * the game stopped below two players, the turn over once its drawer's seat is gone or every
 * connected guesser has solved.
 */
function settle(ctx: Ctx): void {
  const { state } = ctx;
  assignHost(ctx);
  if (!inGame(state)) return;
  // Seats, not connections: a network blip (or a referee's own reconnect) must not end a
  // game; a player away longer than SEAT_KEEP_MS loses the seat, and then it ends.
  if (seatedPlayers(state).length < MIN_PLAYERS) return stopGame(ctx);
  const turn = state.turn;
  if (!turn || turn.stage === 'ended') return;
  const drawer = findSeat(state, turn.drawerId);
  if (!drawer || drawer.role !== 'player') return endTurn(ctx, 'drawerGone');
  if (turn.stage !== 'drawing' || turn.solves.length === 0) return;
  const solved = new Set(turn.solves.map((solve) => solve.playerId));
  const waiting = connectedPlayers(state).filter(
    (seat) => seat.id !== turn.drawerId && !solved.has(seat.id),
  );
  if (waiting.length === 0) endTurn(ctx, 'solved');
}
