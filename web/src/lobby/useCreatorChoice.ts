import { useEffect } from 'react';
import type { GameState, RoomCode } from '@scrawl/protocol';
import { readItem, removeItem, writeItem } from '../lib/storage';
import type { RoomSession } from '../room/RoomSession';

const CHOICE_PREFIX = 'scrawl.created.';

/** Remembers (for this tab) whether the player created a room public or private. */
export function rememberCreatorChoice(code: RoomCode, isPublic: boolean): void {
  writeItem(CHOICE_PREFIX + code, isPublic ? 'public' : 'private', 'session');
}

/**
 * Makes the room's `public` setting what its creator chose on the start page: the first
 * time the creator is host of the room with its settings known, a differing setting is
 * patched once. (The referee keeps the setting; this only carries the creator's choice to it.)
 */
export function useCreatorChoice(
  session: RoomSession,
  game: GameState | null,
  isHost: boolean,
): void {
  const code = session.seat.code;
  const current = game?.settings.public;
  useEffect(() => {
    if (!isHost || current === undefined) return;
    const choice = readItem(CHOICE_PREFIX + code, 'session');
    if (choice === null) return;
    removeItem(CHOICE_PREFIX + code, 'session');
    const wanted = choice === 'public';
    if (wanted !== current) session.send({ type: 'settings/update', patch: { public: wanted } });
  }, [session, code, isHost, current]);
}
