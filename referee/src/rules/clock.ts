import { type Ctx, findSeat } from './context.js';
import { nextHintAt, revealDueHints } from './hints.js';
import { toLobby } from './gameEnd.js';
import { expireSeats, nextSeatExpiry } from './seats.js';
import { DRAWER_GONE_MS, MAX_TRANSITIONS_PER_STEP } from './timing.js';
import { endTurn, nextTurn, startDrawing } from './turns.js';
import type { RoomState } from './types.js';

/**
 * Time (SPEC P9): every transition that happens by itself has a due time; `wakeAt` is the
 * earliest, and `advance` applies them in order of their due times up to the step's `now`,
 * so a late tick (or none at all) changes nothing about the outcome.
 */

/** When the drawer's absence skips the turn, or null while they are here. */
function drawerGoneAt(state: RoomState): number | null {
  const turn = state.turn;
  if (!turn || turn.stage === 'ended') return null;
  const drawer = findSeat(state, turn.drawerId);
  return drawer?.disconnectedAt != null ? drawer.disconnectedAt + DRAWER_GONE_MS : null;
}

/** The phase's own deadline: choosing or drawing ends, turnEnd or gameEnd moves on. */
function phaseDueAt(state: RoomState): number | null {
  if (state.phase === 'choosing' || state.phase === 'drawing') return state.turn?.deadline ?? null;
  if (state.phase === 'turnEnd' || state.phase === 'gameEnd') return state.phaseDeadline;
  return null;
}

function hintDueAt(state: RoomState): number | null {
  return state.phase === 'drawing' && state.turn ? nextHintAt(state.turn, state.settings) : null;
}

/** The next time a tick changes something, or null when nothing happens by itself. */
export function wakeAt(state: RoomState): number | null {
  const times = [phaseDueAt(state), hintDueAt(state), drawerGoneAt(state), nextSeatExpiry(state)];
  let next: number | null = null;
  for (const at of times) if (at !== null && (next === null || at < next)) next = at;
  return next;
}

/** Applies the transitions due at `at`, the earliest due time. */
function applyDue(ctx: Ctx, at: number): void {
  const { state } = ctx;
  if ((nextSeatExpiry(state) ?? Infinity) <= at) return expireSeats(ctx, at);
  if ((drawerGoneAt(state) ?? Infinity) <= at) return endTurn(ctx, 'drawerGone');
  if ((hintDueAt(state) ?? Infinity) <= at) return revealDueHints(ctx, at);
  if ((phaseDueAt(state) ?? Infinity) > at) return;
  switch (state.phase) {
    case 'choosing':
      return startDrawing(ctx, Math.floor(ctx.random() * (state.turn?.choices.length ?? 1)));
    case 'drawing':
      return endTurn(ctx, 'time');
    case 'turnEnd':
      return nextTurn(ctx);
    case 'gameEnd':
      return toLobby(ctx);
    case 'lobby':
      return;
  }
}

/**
 * Applies every transition due by `ctx.now`, earliest first, settling the room after each
 * (a seat that expires may end the game before a later deadline would end the turn).
 */
export function advance(ctx: Ctx, settle: (ctx: Ctx) => void): void {
  for (let i = 0; i < MAX_TRANSITIONS_PER_STEP; i++) {
    settle(ctx);
    const at = wakeAt(ctx.state);
    if (at === null || at > ctx.now) return;
    applyDue(ctx, at);
  }
}
