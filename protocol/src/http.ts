import { z } from 'zod';
import { playerIdSchema, roomCodeSchema, roomIdSchema } from './ids.js';

/** Longest player name; fits the player list on a 360 px screen. */
export const MAX_NAME_LENGTH = 24;

/** A player's display name: trimmed, 1–24 characters, no control characters. */
export const playerNameSchema = z
  .string({ error: 'must be text' })
  .transform((value) => value.replace(/\s+/g, ' ').trim())
  .pipe(
    z
      .string()
      .min(1, 'must not be empty')
      .max(MAX_NAME_LENGTH, `must be at most ${MAX_NAME_LENGTH} characters`)
      .regex(/^[^\p{Cc}\p{Cf}]+$/u, 'must not contain control characters'),
  );

/** A colour as `#rrggbb`. */
export const colorSchema = z
  .string({ error: 'must be text' })
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1e90ff')
  .transform((value) => value.toLowerCase());

/** Who a seat belongs to: a player plays and draws; a spectator only watches. */
export const ROLES = ['player', 'spectator'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

/** `POST /api/rooms` body. */
export const createRoomRequestSchema = z
  .object({ public: z.boolean({ error: 'must be true or false' }).default(true) })
  .strict();
export type CreateRoomRequest = z.input<typeof createRoomRequestSchema>;

/** `POST /api/rooms` response. */
export const createRoomResponseSchema = z.object({ roomId: roomIdSchema, code: roomCodeSchema });
export type CreateRoomResponse = z.output<typeof createRoomResponseSchema>;

/** `POST /api/rooms/:code/join` body. */
export const joinRoomRequestSchema = z
  .object({
    name: playerNameSchema,
    color: colorSchema.optional(),
    role: roleSchema.default('player'),
    /** A random id the browser keeps, so a removed player cannot come straight back. */
    device: z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,64}$/, 'must be 16–64 letters, digits, dashes or underscores')
      .optional(),
  })
  .strict();
export type JoinRoomRequest = z.input<typeof joinRoomRequestSchema>;

/** `POST /api/rooms/:code/join` response: the session token is the seat. */
export const joinRoomResponseSchema = z.object({
  token: z.string(),
  playerId: playerIdSchema,
  roomId: roomIdSchema,
  code: roomCodeSchema,
  role: roleSchema,
  name: z.string(),
  color: z.string(),
  /** When the token stops working, in epoch ms. */
  expiresAt: z.number(),
});
export type JoinRoomResponse = z.output<typeof joinRoomResponseSchema>;

/** `POST /api/session/refresh` response (the request carries `Authorization: Bearer <token>`). */
export const refreshSessionResponseSchema = z.object({ token: z.string(), expiresAt: z.number() });
export type RefreshSessionResponse = z.output<typeof refreshSessionResponseSchema>;

/** One seat as the room API shows it. */
export const roomPlayerSchema = z.object({
  id: playerIdSchema,
  name: z.string(),
  color: z.string(),
  role: roleSchema,
});
export type RoomPlayer = z.output<typeof roomPlayerSchema>;

/** `GET /api/rooms/:code` response. */
export const roomInfoSchema = z.object({
  roomId: roomIdSchema,
  code: roomCodeSchema,
  public: z.boolean(),
  createdAt: z.number(),
  players: z.array(roomPlayerSchema),
});
export type RoomInfo = z.output<typeof roomInfoSchema>;

/** `GET /api/rooms`: public rooms with players in them, busiest first. */
export const publicRoomsResponseSchema = z.object({
  rooms: z.array(
    z.object({
      code: roomCodeSchema,
      players: z.number(),
      phase: z.string(),
    }),
  ),
});
export type PublicRoomsResponse = z.output<typeof publicRoomsResponseSchema>;

/** `GET /api/time`: the server's clock, so timers are right when the browser's clock is off. */
export const serverTimeResponseSchema = z.object({ now: z.number() });
export type ServerTimeResponse = z.output<typeof serverTimeResponseSchema>;

/** `GET /api/rooms/:code/voice-token` (with `Authorization: Bearer <session token>`). */
export const voiceTokenResponseSchema = z.object({
  /** The LiveKit server to connect to. */
  url: z.string(),
  token: z.string(),
  /** The LiveKit room: the room's id. */
  room: z.string(),
  /** The participant identity: the player's id. */
  identity: z.string(),
  /** Whether this seat may speak now (spectators never; the drawer not while drawing). */
  canPublish: z.boolean(),
  expiresAt: z.number(),
});
export type VoiceTokenResponse = z.output<typeof voiceTokenResponseSchema>;

/** A finished turn, as the replay list shows it. */
export const replaySummarySchema = z.object({
  canvasRound: z.number(),
  gameId: z.string(),
  round: z.number(),
  drawerId: z.string(),
  drawerName: z.string(),
  word: z.string(),
  startedAt: z.number(),
  endedAt: z.number(),
  /** Whether the drawing's history was archived (false for a turn skipped before drawing). */
  hasReplay: z.boolean(),
  strokes: z.number(),
  points: z.number(),
  bytes: z.number(),
});
export type ReplaySummary = z.output<typeof replaySummarySchema>;

/** `GET /api/rooms/:code/replays`: the room's finished games and turns, newest first. */
export const replayListResponseSchema = z.object({
  code: z.string(),
  public: z.boolean(),
  games: z.array(
    z.object({
      id: z.string(),
      startedAt: z.number(),
      endedAt: z.number().nullable(),
      scores: z.array(
        z.object({ playerId: z.string(), name: z.string(), score: z.number(), place: z.number() }),
      ),
    }),
  ),
  turns: z.array(replaySummarySchema),
});
export type ReplayListResponse = z.output<typeof replayListResponseSchema>;

/** One event of a turn on the replay's clock (server epoch ms). */
export const replayEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('hint'), at: z.number(), hint: z.array(z.string().nullable()) }),
  z.object({
    kind: z.literal('guess'),
    at: z.number(),
    playerId: z.string(),
    name: z.string(),
    text: z.string(),
    verdict: z.enum(['correct', 'close', 'wrong']),
    points: z.number(),
  }),
  z.object({
    kind: z.literal('chat'),
    at: z.number(),
    line: z.object({ kind: z.string(), name: z.string().optional(), text: z.string() }),
  }),
]);
export type ReplayEvent = z.output<typeof replayEventSchema>;

/** `GET /api/rooms/:code/replays/:canvasRound`: a turn and its events; the drawing is at `…/data`. */
export const replayDetailResponseSchema = z.object({
  turn: replaySummarySchema,
  /** Points each player gained in the turn. */
  gained: z.record(z.string(), z.number()),
  /** Names of the players involved, by id. */
  names: z.record(z.string(), z.string()),
  events: z.array(replayEventSchema),
});
export type ReplayDetailResponse = z.output<typeof replayDetailResponseSchema>;

/** Error codes of the HTTP API. */
export const HTTP_ERROR_CODES = [
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'unavailable',
  'internal',
] as const;
export type HttpErrorCode = (typeof HTTP_ERROR_CODES)[number];

/** Every non-2xx response body: a code for programs and a sentence for people. */
export const httpErrorSchema = z.object({
  error: z.object({
    code: z.enum(HTTP_ERROR_CODES),
    message: z.string(),
    /** The offending field of a bad request body, as a dotted path. */
    field: z.string().optional(),
  }),
});
export type HttpError = z.output<typeof httpErrorSchema>;
