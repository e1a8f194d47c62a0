import {
  type Ctx,
  connectedPlayers,
  findSeat,
  playerSeats,
  record,
  say,
  whisper,
} from './context.js';
import { endGame } from './gameEnd.js';
import { drawerPoints, timePoints } from './scoring.js';
import { CHOOSE_MS, DRAWER_GONE_MS, IDLE_TURNS_LIMIT, TURN_END_MS } from './timing.js';
import type { Turn } from './types.js';
import { pickChoices } from './wordPicker.js';

/**
 * A game's turns (SPEC P2–P5, R3–R6): the next drawer from the round's queue chooses a word, draws
 * it, and the turn ends with the word revealed and points handed out.
 */

/** Starts the next turn: the next drawer of this round, else of the next round, else game end. */
export function nextTurn(ctx: Ctx): void {
  const { state, now } = ctx;
  const game = state.game;
  if (!game) return;
  for (;;) {
    if (game.queue.length === 0) {
      if (game.round >= state.settings.rounds) return endGame(ctx);
      game.round += 1;
      game.queue = playerSeats(state).map((seat) => seat.id);
      if (game.queue.length === 0) return endGame(ctx);
    }
    const drawerId = game.queue.shift();
    const seat = drawerId === undefined ? undefined : findSeat(state, drawerId);
    // Skip players gone longer than a drawer may be away: their turn would be skipped anyway.
    if (!seat || seat.role !== 'player') continue;
    if (seat.disconnectedAt !== null && now - seat.disconnectedAt >= DRAWER_GONE_MS) continue;
    return startTurn(ctx, seat.id, game.round);
  }
}

function startTurn(ctx: Ctx, drawerId: Turn['drawerId'], round: number): void {
  const { state, now } = ctx;
  const canvasRound = state.nextCanvasRound++;
  const choices = pickChoices(state.settings, state.game?.usedWords ?? [], ctx.random);
  state.turn = {
    canvasRound,
    round,
    drawerId,
    choices,
    word: null,
    stage: 'choosing',
    deadline: now + CHOOSE_MS,
    drawingStartedAt: null,
    revealed: [],
    solves: [],
    guessers: [],
    gained: {},
    endReason: null,
  };
  state.phase = 'choosing';
  state.phaseDeadline = null;
  // The collab-server learns the drawer before anything announces the turn.
  ctx.effects.push({ type: 'setDrawers', canvasRound, playerIds: [drawerId] });
  const name = findSeat(state, drawerId)?.name ?? 'The drawer';
  say(ctx, `Round ${round} of ${state.settings.rounds}: ${name} is choosing a word`);
  whisper(ctx, drawerId, {
    type: 'word/choices',
    canvasRound,
    choices: [...choices],
    deadline: now + CHOOSE_MS,
  });
}

/** The drawer's pick (or the automatic one): drawing starts. */
export function startDrawing(ctx: Ctx, index: number): void {
  const { state, now } = ctx;
  const turn = state.turn;
  const game = state.game;
  if (!turn || !game || turn.stage !== 'choosing') return;
  const word = turn.choices[index] ?? turn.choices[0];
  if (word === undefined) return;
  const deadline = now + state.settings.drawTimeSeconds * 1000;
  Object.assign(turn, { word, stage: 'drawing', drawingStartedAt: now, deadline });
  game.usedWords.push(word);
  state.phase = 'drawing';
  record(ctx, {
    type: 'turn/start',
    gameId: game.id,
    canvasRound: turn.canvasRound,
    round: turn.round,
    drawerId: turn.drawerId,
    word,
    at: now,
    deadline,
  });
  whisper(ctx, turn.drawerId, { type: 'word/secret', canvasRound: turn.canvasRound, word });
  if (state.settings.muteDrawer) {
    ctx.effects.push({ type: 'voice', playerId: turn.drawerId, publish: false });
  }
  const name = findSeat(state, turn.drawerId)?.name ?? 'The drawer';
  say(ctx, `${name} is drawing now`);
}

/** Ends the current turn: points, idleness, the word revealed, turnEnd for a few seconds. */
export function endTurn(ctx: Ctx, reason: NonNullable<Turn['endReason']>): void {
  const { state, now } = ctx;
  const turn = state.turn;
  const game = state.game;
  if (!turn || !game || turn.stage === 'ended') return;
  const drawn = turn.stage === 'drawing' && turn.word !== null;
  turn.stage = 'ended';
  turn.endReason = reason;
  state.phase = 'turnEnd';
  state.phaseDeadline = now + TURN_END_MS;
  const gained: Record<string, number> = {};
  for (const solve of turn.solves) gained[solve.playerId] = solve.points;
  const drawer = findSeat(state, turn.drawerId);
  if (drawn && (reason === 'solved' || reason === 'time')) {
    const points = drawerPoints(
      turn.solves.map((solve) =>
        timePoints(solve.at - (turn.drawingStartedAt ?? now), drawMs(ctx)),
      ),
      eligibleGuessers(ctx, turn),
    );
    gained[turn.drawerId] = points;
    if (drawer) drawer.score += points;
    updateIdleness(ctx, turn);
  }
  turn.gained = gained;
  if (drawn && turn.word !== null) {
    record(ctx, {
      type: 'turn/end',
      gameId: game.id,
      canvasRound: turn.canvasRound,
      at: now,
      reason,
      gained: { ...gained },
    });
    if (state.settings.muteDrawer) {
      ctx.effects.push({ type: 'voice', playerId: turn.drawerId, publish: true });
    }
  }
  const name = drawer?.name ?? 'The drawer';
  if (reason === 'drawerGone') say(ctx, `${name} is gone: turn skipped`);
  if (turn.word !== null && drawn) say(ctx, `The word was "${turn.word}"`);
}

function drawMs(ctx: Ctx): number {
  return ctx.state.settings.drawTimeSeconds * 1000;
}

/**
 * Guessers the drawer is measured against (SPEC R4): solvers, and every other connected
 * player who has not been idle for {@link IDLE_TURNS_LIMIT} turns (a guess this turn counts).
 */
export function eligibleGuessers(ctx: Ctx, turn: Turn): number {
  const solved = new Set(turn.solves.map((solve) => solve.playerId));
  let count = solved.size;
  for (const seat of connectedPlayers(ctx.state)) {
    if (seat.id === turn.drawerId || solved.has(seat.id)) continue;
    if (seat.idleTurns < IDLE_TURNS_LIMIT || turn.guessers.includes(seat.id)) count++;
  }
  return count;
}

/** After a turn that ran its course: guessed → 0 idle turns; could have and did not → +1. */
function updateIdleness(ctx: Ctx, turn: Turn): void {
  for (const seat of connectedPlayers(ctx.state)) {
    if (seat.id === turn.drawerId) continue;
    seat.idleTurns = turn.guessers.includes(seat.id) ? 0 : seat.idleTurns + 1;
  }
}
