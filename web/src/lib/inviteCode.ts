import { ROOM_CODE_LENGTH, roomCodeSchema, type RoomCode } from '@scrawl/protocol';

/** The room path inside an invite link: `/r/<CODE>`. */
const ROOM_IN_PATH = /\/r\/([A-Za-z0-9]+)\/?(?:[?#].*)?$/;

/**
 * The room code in what someone pasted or typed: a bare code (any case, spaces or dashes
 * ignored) or a whole invite link. Null when there is none.
 */
export function inviteCode(text: string): RoomCode | null {
  const trimmed = text.trim();
  const fromLink = ROOM_IN_PATH.exec(trimmed)?.[1];
  const candidate = fromLink ?? trimmed.replace(/[\s-]/g, '');
  const parsed = roomCodeSchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}

/** Whether text looks like a link rather than a code being typed. */
export function looksLikeLink(text: string): boolean {
  return text.includes('/');
}

/** What a code field keeps while typing: letters and digits, upper case, at most 6. */
export function cleanCode(raw: string): string {
  return raw
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, ROOM_CODE_LENGTH);
}
