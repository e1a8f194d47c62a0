import {
  joinRoomResponseSchema,
  playerNameSchema,
  type JoinRoomResponse,
  type RoomCode,
} from '@scrawl/protocol';
import { serverClock } from './serverTime';
import { readJson, removeItem, writeItem } from './storage';

/**
 * The seat the browser holds per room: the join response with its session token, so a
 * reload rejoins the same seat with the same score.
 */
export type Seat = JoinRoomResponse;

const SEAT_PREFIX = 'scrawl.seat.';

/** A token this close to expiry is treated as expired: it would fail mid-connection. */
const EXPIRY_MARGIN_MS = 60_000;

/** The stored seat in a room, or null when there is none or its token has expired. */
export function loadSeat(code: RoomCode, now: number = serverClock.now()): Seat | null {
  const seat = joinRoomResponseSchema.safeParse(readJson(SEAT_PREFIX + code));
  if (!seat.success || seat.data.code !== code || seat.data.expiresAt - EXPIRY_MARGIN_MS <= now) {
    forgetSeat(code);
    return null;
  }
  return seat.data;
}

/** Remembers a seat so a reload of the room page takes it again. */
export function saveSeat(seat: Seat): void {
  writeItem(SEAT_PREFIX + seat.code, JSON.stringify(seat));
}

/** Forgets the seat in a room (expired, refused, or the player left). */
export function forgetSeat(code: RoomCode): void {
  removeItem(SEAT_PREFIX + code);
}

/** Checks a name as the server will; returns the sentence to show, or null when it is fine. */
export function nameProblem(name: string): string | null {
  const result = playerNameSchema.safeParse(name);
  if (result.success) return null;
  return `Your name ${result.error.issues[0]?.message ?? 'is not valid'}.`;
}
