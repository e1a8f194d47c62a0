import type { ChatLine, PlayerId, Whisper } from '@scrawl/protocol';
import type { DbRecord, Effect, Random, RoomState, Seat } from './types.js';

/**
 * The working context of one step: a private copy of the state that the rules change in
 * place, the step's time and randomness, and the effects gathered so far (in order).
 */
export interface Ctx {
  state: RoomState;
  now: number;
  random: Random;
  effects: Effect[];
}

/** A fresh, unique chat line id: the step's time and the room's line counter. */
export function lineId(ctx: Ctx): string {
  ctx.state.lineSeq += 1;
  return `${ctx.now.toString(36)}-${ctx.state.lineSeq.toString(36)}`;
}

/** A public system line ("Ana joined"). */
export function say(ctx: Ctx, text: string): void {
  emitLine(ctx, { id: lineId(ctx), at: ctx.now, kind: 'system', text });
}

/** Appends a public line to the game document's chat. */
export function emitLine(ctx: Ctx, line: ChatLine): void {
  ctx.effects.push({ type: 'chat', line });
}

/** A player's line, as the chat shows it. */
export function playerLine(
  ctx: Ctx,
  seat: Seat,
  text: string,
  kind: 'chat' | 'solved' = 'chat',
): ChatLine {
  return { id: lineId(ctx), at: ctx.now, kind, playerId: seat.id, name: seat.name, text };
}

export function whisper(ctx: Ctx, playerId: PlayerId, message: Whisper): void {
  ctx.effects.push({ type: 'whisper', playerId, message });
}

/** A private notice: why something was refused (error) or what happened (info). */
export function notice(
  ctx: Ctx,
  playerId: PlayerId,
  text: string,
  level: 'info' | 'error' = 'error',
): void {
  whisper(ctx, playerId, { type: 'notice', level, text });
}

export function record(ctx: Ctx, row: DbRecord): void {
  ctx.effects.push({ type: 'record', record: row });
}

export function findSeat(state: RoomState, playerId: string): Seat | undefined {
  return state.seats.find((seat) => seat.id === playerId);
}

/** Seats that take part as players (draw and guess), in arrival order. */
export function playerSeats(state: RoomState): Seat[] {
  return state.seats.filter((seat) => seat.role === 'player');
}

/** Players present now, in arrival order. */
export function connectedPlayers(state: RoomState): Seat[] {
  return state.seats.filter((seat) => seat.role === 'player' && seat.connected);
}

/** Players holding a seat: connected, or away for less than SEAT_KEEP_MS (N1). */
export function seatedPlayers(state: RoomState): Seat[] {
  return state.seats.filter((seat) => seat.role === 'player');
}

/** Whether a game is running: a turn is being chosen, drawn or shown. */
export function inGame(state: RoomState): boolean {
  return state.phase === 'choosing' || state.phase === 'drawing' || state.phase === 'turnEnd';
}
