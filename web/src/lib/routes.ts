import { roomCodeSchema, type RoomCode } from '@scrawl/protocol';

/** The pages of the app, as addressed by the URL path. */
export type Route =
  | { readonly page: 'home' }
  | { readonly page: 'room'; readonly code: RoomCode; readonly canonicalPath: string }
  | {
      readonly page: 'replay';
      readonly code: RoomCode;
      readonly canvasRound: number;
      readonly canonicalPath: string;
    }
  | { readonly page: 'album'; readonly code: RoomCode; readonly canonicalPath: string }
  | { readonly page: 'notFound'; readonly path: string };

const ROOM_PATH = /^\/r\/([^/]+)\/?$/;
const REPLAY_PATH = /^\/r\/([^/]+)\/replay\/(\d{1,9})\/?$/;
const ALBUM_PATH = /^\/r\/([^/]+)\/album\/?$/;

/** The path of a room's page. */
export function roomPath(code: RoomCode): string {
  return `/r/${code}`;
}

/** The path of a finished turn's replay, optionally at a whole second (`?t=`). */
export function replayPath(code: RoomCode, canvasRound: number, seconds?: number): string {
  const path = `/r/${code}/replay/${String(canvasRound)}`;
  return seconds === undefined ? path : `${path}?t=${String(Math.max(0, Math.floor(seconds)))}`;
}

/** The path of a room's album: every finished turn's drawing. */
export function albumPath(code: RoomCode): string {
  return `/r/${code}/album`;
}

/** The room code in a path segment (any case), or null when it is not one. */
function codeIn(segment: string | undefined): RoomCode | null {
  if (segment === undefined) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return null;
  }
  const code = roomCodeSchema.safeParse(decoded);
  return code.success ? code.data : null;
}

/**
 * Maps a URL path to a page. Room codes are matched case-insensitively (people type them),
 * and `canonicalPath` is the path with the code as the server spells it.
 */
export function parseRoute(path: string): Route {
  if (path === '/' || path === '') return { page: 'home' };
  const room = codeIn(ROOM_PATH.exec(path)?.[1]);
  if (room) return { page: 'room', code: room, canonicalPath: roomPath(room) };
  const replay = REPLAY_PATH.exec(path);
  const replayCode = codeIn(replay?.[1]);
  if (replay && replayCode) {
    const canvasRound = Number(replay[2]);
    return {
      page: 'replay',
      code: replayCode,
      canvasRound,
      canonicalPath: replayPath(replayCode, canvasRound),
    };
  }
  const album = codeIn(ALBUM_PATH.exec(path)?.[1]);
  if (album) return { page: 'album', code: album, canonicalPath: albumPath(album) };
  return { page: 'notFound', path };
}

/** The replay's starting second from a query string (`?t=42`), or 0. */
export function startSecond(search: string): number {
  const value = Number(new URLSearchParams(search).get('t') ?? '0');
  return Number.isFinite(value) && value > 0 ? value : 0;
}
