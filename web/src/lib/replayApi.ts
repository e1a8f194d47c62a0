import {
  replayDetailResponseSchema,
  replayListResponseSchema,
  type ReplayDetailResponse,
  type ReplayListResponse,
  type RoomCode,
} from '@scrawl/protocol';
import { decodeReplay, type ReplayData } from '@scrawl/drawing-engine';
import { ApiError, failure, request, send } from './api';
import { loadSeat } from './seats';

/**
 * The replay API. A public room's replays open for anyone; a private room's only with the
 * session token of one of its seats, which this browser has when it sat in the room.
 */

function authorization(code: RoomCode): Record<string, string> {
  const seat = loadSeat(code);
  return seat ? { authorization: `Bearer ${seat.token}` } : {};
}

function replaysPath(code: RoomCode): string {
  return `/api/rooms/${encodeURIComponent(code)}/replays`;
}

/** A room's finished games and turns, newest first: `GET /api/rooms/:code/replays`. */
export function fetchReplayList(code: RoomCode): Promise<ReplayListResponse> {
  return request(replaysPath(code), replayListResponseSchema, {
    method: 'GET',
    headers: authorization(code),
  });
}

/** A finished turn and its events: `GET /api/rooms/:code/replays/:canvasRound`. */
export function fetchReplayDetail(
  code: RoomCode,
  canvasRound: number,
): Promise<ReplayDetailResponse> {
  return request(`${replaysPath(code)}/${String(canvasRound)}`, replayDetailResponseSchema, {
    method: 'GET',
    headers: authorization(code),
  });
}

/**
 * A turn's drawing history: `GET …/:canvasRound/data`, drawing-engine's replay container.
 * The server sends it gzip-compressed with Content-Encoding: gzip, so fetch inflates it.
 */
export async function fetchReplayData(code: RoomCode, canvasRound: number): Promise<ReplayData> {
  const response = await send(`${replaysPath(code)}/${String(canvasRound)}/data`, {
    headers: authorization(code),
  });
  if (!response.ok) throw await failure(response);
  const bytes = new Uint8Array(await response.arrayBuffer());
  try {
    return decodeReplay(bytes);
  } catch {
    throw new ApiError(
      'This drawing’s history cannot be read by this version of Scrawl.',
      'internal',
    );
  }
}
