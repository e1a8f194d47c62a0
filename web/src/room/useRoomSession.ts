import { useEffect } from 'react';
import type { Seat } from '../lib/seats';
import { RoomSession } from './RoomSession';

/**
 * How long a session without holders stays open. React's StrictMode unmounts and remounts
 * every component once in development; the grace keeps that from reconnecting, and a
 * session created by a render that never committed closes after it.
 */
const CLOSE_GRACE_MS = 1000;

interface Entry {
  readonly session: RoomSession;
  holders: number;
  closeTimer: ReturnType<typeof setTimeout> | null;
}

/** Open sessions by session token: one socket per seat, however often it renders. */
const entries = new Map<string, Entry>();

function entryFor(seat: Seat): Entry {
  let entry = entries.get(seat.token);
  if (!entry) {
    entry = { session: new RoomSession(seat), holders: 0, closeTimer: null };
    entries.set(seat.token, entry);
    scheduleClose(seat.token, entry);
  }
  return entry;
}

function scheduleClose(token: string, entry: Entry): void {
  if (entry.closeTimer !== null) clearTimeout(entry.closeTimer);
  entry.closeTimer = setTimeout(() => {
    if (entry.holders > 0 || entries.get(token) !== entry) return;
    entries.delete(token);
    entry.session.close();
  }, CLOSE_GRACE_MS);
}

function hold(token: string, entry: Entry): () => void {
  entry.holders++;
  if (entry.closeTimer !== null) clearTimeout(entry.closeTimer);
  entry.closeTimer = null;
  entry.session.open();
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    entry.holders--;
    if (entry.holders === 0) scheduleClose(token, entry);
  };
}

/** The live session of a seat: connected while the calling component is mounted. */
export function useRoomSession(seat: Seat): RoomSession {
  const entry = entryFor(seat);
  const { token } = seat;
  useEffect(() => hold(token, entry), [token, entry]);
  return entry.session;
}
