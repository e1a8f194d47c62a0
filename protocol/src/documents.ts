import { isRoomId, type RoomId } from './ids.js';

/**
 * Document names. Built and parsed only here:
 * - `room/<roomId>/game` — the public game state, written by the referee alone;
 * - `room/<roomId>/canvas/<round>` — one canvas per round; round 0 is the lobby board.
 */
export type DocumentName =
  | { readonly kind: 'game'; readonly roomId: RoomId }
  | { readonly kind: 'canvas'; readonly roomId: RoomId; readonly round: number };

/** Rounds count up within a room across games; far above any real game's count. */
export const MAX_ROUND = 1_000_000;

/** The game document of a room. */
export function gameDocName(roomId: RoomId): string {
  return `room/${roomId}/game`;
}

/** The canvas document of a room's round (0: the lobby's free-draw board). */
export function canvasDocName(roomId: RoomId, round: number): string {
  if (!Number.isSafeInteger(round) || round < 0 || round > MAX_ROUND) {
    throw new RangeError(`round must be an integer 0–${MAX_ROUND}`);
  }
  return `room/${roomId}/canvas/${round}`;
}

/** Formats a parsed name back into its string form. */
export function formatDocName(name: DocumentName): string {
  return name.kind === 'game' ? gameDocName(name.roomId) : canvasDocName(name.roomId, name.round);
}

/**
 * Parses a document name; null for anything that is not exactly one of the two forms
 * (no leading zeros, no extra segments), so a name maps to one document only.
 */
export function parseDocName(name: string): DocumentName | null {
  const parts = name.split('/');
  if (parts[0] !== 'room' || parts[1] === undefined || !isRoomId(parts[1])) return null;
  const roomId = parts[1];
  if (parts.length === 3 && parts[2] === 'game') return { kind: 'game', roomId };
  if (parts.length === 4 && parts[2] === 'canvas' && parts[3] !== undefined) {
    if (!/^(0|[1-9]\d{0,6})$/.test(parts[3])) return null;
    const round = Number(parts[3]);
    if (round > MAX_ROUND) return null;
    return { kind: 'canvas', roomId, round };
  }
  return null;
}
