import {
  createRoomResponseSchema,
  httpErrorSchema,
  joinRoomResponseSchema,
  publicRoomsResponseSchema,
  refreshSessionResponseSchema,
  serverTimeResponseSchema,
  type CreateRoomRequest,
  type CreateRoomResponse,
  type HttpErrorCode,
  type JoinRoomRequest,
  type JoinRoomResponse,
  type PublicRoomsResponse,
  type RefreshSessionResponse,
  type RoomCode,
  type ServerTimeResponse,
} from '@scrawl/protocol';
import { deviceId } from './prefs';

/** A failed API call, with a sentence to show people. */
export class ApiError extends Error {
  constructor(
    message: string,
    /** The API's error code, or `network` when the server could not be reached. */
    readonly code: HttpErrorCode | 'network',
    /** The request field the server objected to, if any. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** What this module needs of a schema: zod's `safeParse`, without importing zod here. */
export interface Parser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

interface RequestOptions {
  readonly method: 'GET' | 'POST';
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

/** `fetch`, with a failure to reach the server turned into an {@link ApiError}. */
export async function send(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, init);
  } catch {
    throw new ApiError(
      'Could not reach the Scrawl server. Check your connection and try again.',
      'network',
    );
  }
}

/** The {@link ApiError} for a response that is not OK, with the server's sentence if any. */
export async function failure(response: Response): Promise<ApiError> {
  const json: unknown = await response.json().catch(() => null);
  const error = httpErrorSchema.safeParse(json);
  if (error.success) {
    const { code, message, field } = error.data.error;
    return new ApiError(message, code, field);
  }
  return new ApiError(
    `The server answered with an error (HTTP ${String(response.status)}).`,
    'internal',
  );
}

/** Calls the API and parses the JSON answer with `parser`. */
export async function request<T>(
  path: string,
  parser: Parser<T>,
  options: RequestOptions,
): Promise<T> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await send(path, {
    method: options.method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  if (!response.ok) throw await failure(response);
  const json: unknown = await response.json().catch(() => null);
  const parsed = parser.safeParse(json);
  if (!parsed.success) {
    throw new ApiError('The server sent an answer this page cannot read. Reload it.', 'internal');
  }
  return parsed.data;
}

/** Creates a room: `POST /api/rooms`. */
export function createRoom(body: CreateRoomRequest = {}): Promise<CreateRoomResponse> {
  return request('/api/rooms', createRoomResponseSchema, { method: 'POST', body });
}

/**
 * Takes a seat in a room: `POST /api/rooms/:code/join`. The response is the seat. This
 * browser's device id goes with every join, so a removed player cannot come straight back.
 */
export function joinRoom(
  code: RoomCode,
  body: Omit<JoinRoomRequest, 'device'>,
): Promise<JoinRoomResponse> {
  return request(`/api/rooms/${encodeURIComponent(code)}/join`, joinRoomResponseSchema, {
    method: 'POST',
    body: { ...body, device: deviceId() },
  });
}

/** Renews a session token before it expires: `POST /api/session/refresh`. */
export function refreshSession(token: string): Promise<RefreshSessionResponse> {
  return request('/api/session/refresh', refreshSessionResponseSchema, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
}

/** Public rooms with players in them, busiest first: `GET /api/rooms`. */
export function listPublicRooms(): Promise<PublicRoomsResponse> {
  return request('/api/rooms', publicRoomsResponseSchema, { method: 'GET' });
}

/** The server's clock: `GET /api/time`. */
export function fetchServerTime(): Promise<ServerTimeResponse> {
  return request('/api/time', serverTimeResponseSchema, { method: 'GET' });
}

/** The sentence to show for any error thrown by an API call. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong. Try again.';
}
