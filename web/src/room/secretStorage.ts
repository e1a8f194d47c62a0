import type { RoomCode } from '@scrawl/protocol';
import { readJson, removeItem, writeItem } from '../lib/storage';
import { parseSecret, type TurnSecret } from './whispers';

/**
 * The current turn's secret (the drawer's word and choices, a solver's word) is kept in
 * this tab's sessionStorage, so a reload mid-turn still shows it. It is this player's own
 * secret, on their own device, and never leaves it; it dies with the tab.
 */
const SECRET_PREFIX = 'scrawl.secret.';

/** The stored secret of a room, or null. */
export function loadSecret(code: RoomCode): TurnSecret | null {
  return parseSecret(readJson(SECRET_PREFIX + code, 'session'));
}

/** Stores (or, with null, forgets) the secret of a room. */
export function storeSecret(code: RoomCode, secret: TurnSecret | null): void {
  if (secret === null) removeItem(SECRET_PREFIX + code, 'session');
  else writeItem(SECRET_PREFIX + code, JSON.stringify(secret), 'session');
}
