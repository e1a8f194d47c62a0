import type { PresencePlayer } from '@scrawl/protocol';
import {
  type Ctx,
  connectedPlayers,
  findSeat,
  inGame,
  notice,
  playerSeats,
  say,
  whisper,
} from './context.js';
import { SEAT_KEEP_MS } from './timing.js';
import type { RoomState, Seat } from './types.js';
import { whispersFor } from './whispers.js';

/**
 * Seats (SPEC N1, N2, N4, N5, S3): who is in the room. Presence says who is connected; a seat outlives
 * its connection by {@link SEAT_KEEP_MS}, so a reload comes back to the same seat and score.
 */

/** Takes a presence snapshot: seats arrive, come back or go away. */
export function applyPresence(ctx: Ctx, players: readonly PresencePlayer[]): void {
  const { state, now } = ctx;
  state.bans = state.bans.filter((ban) => ban.until > now);
  const present = new Set<string>();
  for (const player of players) {
    if (present.has(player.id)) continue;
    const ban = state.bans.find((b) => b.playerId === player.id);
    if (ban) {
      // Still here after being removed: close their connections again.
      ctx.effects.push({ type: 'kick', playerId: player.id, until: ban.until });
      continue;
    }
    present.add(player.id);
    const seat = findSeat(state, player.id);
    if (!seat) arrive(ctx, player);
    else {
      seat.name = player.name;
      seat.color = player.color;
      seat.requestedRole = player.role;
      if (!seat.connected) reconnect(ctx, seat);
    }
  }
  for (const seat of state.seats) {
    if (seat.connected && !present.has(seat.id)) {
      seat.connected = false;
      seat.disconnectedAt = now;
      say(ctx, `${seat.name} left`);
    }
  }
  if (!inGame(state)) balanceRoles(state);
}

function arrive(ctx: Ctx, player: PresencePlayer): void {
  const { state, now } = ctx;
  const full = playerSeats(state).length >= state.settings.maxPlayers;
  const role = player.role === 'player' && !full ? 'player' : 'spectator';
  const seat: Seat = {
    id: player.id,
    name: player.name,
    color: player.color,
    role,
    requestedRole: player.role,
    joinedAt: now,
    connected: true,
    disconnectedAt: null,
    score: 0,
    idleTurns: 0,
  };
  state.seats.push(seat);
  say(ctx, role === 'spectator' ? `${seat.name} is watching` : `${seat.name} joined`);
  if (player.role === 'player' && role === 'spectator') {
    notice(
      ctx,
      seat.id,
      `The room is full (${state.settings.maxPlayers} players): you are watching`,
      'info',
    );
  }
}

function reconnect(ctx: Ctx, seat: Seat): void {
  seat.connected = true;
  seat.disconnectedAt = null;
  say(ctx, `${seat.name} is back`);
  for (const message of whispersFor(ctx.state, seat.id)) whisper(ctx, seat.id, message);
  const turn = ctx.state.turn;
  if (turn?.stage === 'drawing' && turn.drawerId === seat.id && ctx.state.settings.muteDrawer) {
    ctx.effects.push({ type: 'voice', playerId: seat.id, publish: false });
  }
}

/**
 * Outside a game, players who found the room full move up to player as places free up (in
 * arrival order), and a lowered maxPlayers moves the latest arrivals to watching.
 */
export function balanceRoles(state: RoomState): void {
  let players = 0;
  for (const seat of state.seats) {
    const wants = seat.requestedRole === 'player';
    seat.role = wants && players < state.settings.maxPlayers ? 'player' : 'spectator';
    if (seat.role === 'player') players++;
  }
}

/** When the next kept seat of a disconnected player expires, or null. */
export function nextSeatExpiry(state: RoomState): number | null {
  let next: number | null = null;
  for (const seat of state.seats) {
    if (seat.disconnectedAt === null) continue;
    const at = seat.disconnectedAt + SEAT_KEEP_MS;
    if (next === null || at < next) next = at;
  }
  return next;
}

/** Gives up the seats of players gone for {@link SEAT_KEEP_MS} by `until`. */
export function expireSeats(ctx: Ctx, until: number): void {
  for (const seat of [...ctx.state.seats]) {
    if (seat.disconnectedAt !== null && seat.disconnectedAt + SEAT_KEEP_MS <= until) {
      removeSeat(ctx.state, seat.id);
    }
  }
}

/** Removes a seat and every trace of it that could act later (queue, votes, rate limit). */
export function removeSeat(state: RoomState, playerId: string): void {
  state.seats = state.seats.filter((seat) => seat.id !== playerId);
  if (state.game) state.game.queue = state.game.queue.filter((id) => id !== playerId);
  delete state.votes[playerId];
  for (const [target, voters] of Object.entries(state.votes)) {
    state.votes[target] = voters.filter((id) => id !== playerId);
  }
  delete state.chatTimes[playerId];
  if (state.hostId === playerId) state.hostId = null;
}

/**
 * The host stays host while connected; otherwise the role passes to the connected player
 * present longest (seats are in arrival order), or to nobody.
 */
export function assignHost(ctx: Ctx): void {
  const { state } = ctx;
  const host = state.hostId === null ? undefined : findSeat(state, state.hostId);
  if (host?.connected && host.role === 'player') return;
  const next = connectedPlayers(state)[0]?.id ?? null;
  if (next === state.hostId) return;
  state.hostId = next;
  const seat = next === null ? undefined : findSeat(state, next);
  if (seat) say(ctx, `${seat.name} is now the host`);
}
