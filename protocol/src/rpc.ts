import { z } from 'zod';
import { MAX_CHAT_LENGTH, chatLineSchema } from './game.js';
import { playerIdSchema, roomIdSchema } from './ids.js';
import { settingsPatchSchema } from './settings.js';

/**
 * The small RPC channel: JSON messages carried as Hocuspocus stateless payloads on a room's
 * game document. Every message is parsed with these unions at each boundary.
 */

/** Longest stateless payload accepted from a browser, in bytes of JSON. */
export const MAX_CLIENT_RPC_BYTES = 2048;

const chatText = z
  .string()
  .transform((value) => value.replace(/\s+/g, ' ').trim())
  .pipe(
    z
      .string()
      .min(1, 'must not be empty')
      .max(MAX_CHAT_LENGTH, `must be at most ${MAX_CHAT_LENGTH} characters`),
  );

/** Longest report reason, in characters. */
export const MAX_REPORT_LENGTH = 200;

/** Browser → server. The server stamps the sender; a client never names itself. */
export const clientRpcSchema = z.discriminatedUnion('type', [
  /** A chat line (in the lobby, between turns, or from someone who cannot guess now). */
  z.object({ type: z.literal('chat/send'), text: chatText }).strict(),
  /** A guess while a turn is drawn (from anyone else it is chat). */
  z.object({ type: z.literal('guess/send'), text: chatText }).strict(),
  /** The drawer picks one of the words whispered to them. */
  z.object({ type: z.literal('word/choose'), index: z.number().int().min(0).max(9) }).strict(),
  /** The host starts a game (from the lobby, or again from the podium). */
  z.object({ type: z.literal('game/start') }).strict(),
  /** The host changes settings in the lobby. */
  z.object({ type: z.literal('settings/update'), patch: settingsPatchSchema }).strict(),
  /** A vote to remove a player; a majority of the others removes them. */
  z.object({ type: z.literal('player/voteKick'), playerId: playerIdSchema }).strict(),
  /** The host removes a player. */
  z.object({ type: z.literal('player/kick'), playerId: playerIdSchema }).strict(),
  /** A report of a player to the operators; stored, nothing else happens. */
  z
    .object({
      type: z.literal('player/report'),
      playerId: playerIdSchema,
      reason: z.string().trim().min(1).max(MAX_REPORT_LENGTH),
    })
    .strict(),
]);
export type ClientRpc = z.output<typeof clientRpcSchema>;

/** Server → referee: a browser's message, with the authenticated sender and server time. */
export const playerRpcSchema = z.object({
  type: z.literal('player/rpc'),
  roomId: roomIdSchema,
  playerId: playerIdSchema,
  /** The sender's display name, as their session token states it. */
  name: z.string(),
  /** Server epoch ms when the message arrived. */
  at: z.number(),
  message: clientRpcSchema,
  /** W3C traceparent of the collab-server's span, when tracing is on. */
  trace: z.string().max(128).optional(),
});
export type PlayerRpc = z.output<typeof playerRpcSchema>;

/** Server → one player's connections only: what nobody else may see. */
export const whisperSchema = z.discriminatedUnion('type', [
  /** Information or an error for this player, in words. */
  z.object({ type: z.literal('notice'), level: z.enum(['info', 'error']), text: z.string() }),
  /** To the drawer: the words to choose from, until `deadline` (server epoch ms). */
  z.object({
    type: z.literal('word/choices'),
    canvasRound: z.number(),
    choices: z.array(z.string()),
    deadline: z.number(),
  }),
  /** To the drawer (and to each solver once they solved): the word of this turn. */
  z.object({ type: z.literal('word/secret'), canvasRound: z.number(), word: z.string() }),
  /** To a guesser whose guess was one edit away from the word. */
  z.object({ type: z.literal('guess/close'), text: z.string() }),
  /** To a guesser who guessed the word, with the points it earned. */
  z.object({
    type: z.literal('guess/correct'),
    canvasRound: z.number(),
    word: z.string(),
    points: z.number(),
  }),
  /** A chat line only the drawer and the players who solved this turn see. */
  z.object({ type: z.literal('chat/private'), line: chatLineSchema }),
  /** To the host: the room's custom words (the game document shows only how many). */
  z.object({ type: z.literal('settings/words'), words: z.array(z.string()) }),
]);
export type Whisper = z.output<typeof whisperSchema>;

/** Referee → server. An `id`, when given, is echoed in an `ack` once the server is done. */
export const refereeRpcSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('whisper'),
    id: z.string().max(64).optional(),
    trace: z.string().max(128).optional(),
    roomId: roomIdSchema,
    playerId: playerIdSchema,
    message: whisperSchema,
  }),
  z.object({
    type: z.literal('canvas/setDrawers'),
    id: z.string().max(64).optional(),
    trace: z.string().max(128).optional(),
    roomId: roomIdSchema,
    round: z.number().int().min(1),
    playerIds: z.array(playerIdSchema).max(16),
  }),
  /** Archives a finished turn's canvas as its replay (the collab-server holds the log). */
  z.object({
    type: z.literal('canvas/archive'),
    id: z.string().max(64).optional(),
    trace: z.string().max(128).optional(),
    roomId: roomIdSchema,
    round: z.number().int().min(1),
  }),
  /** Closes every socket of a removed player in the room (close code 4410). */
  z.object({
    type: z.literal('player/kick'),
    id: z.string().max(64).optional(),
    trace: z.string().max(128).optional(),
    roomId: roomIdSchema,
    playerId: playerIdSchema,
  }),
]);
export type RefereeRpc = z.output<typeof refereeRpcSchema>;

/**
 * Server → referee: a player opened a socket on the room's game document. A whisper sent
 * while they were between sockets is lost, and presence may not show a gap that short, so
 * the referee tells them again what only they may know (SPEC P7).
 */
export const playerConnectedSchema = z.object({
  type: z.literal('player/connected'),
  roomId: roomIdSchema,
  playerId: playerIdSchema,
});
export type PlayerConnected = z.output<typeof playerConnectedSchema>;

/**
 * Server → referee: a player's message, a player's new socket, or the acknowledgement of a
 * referee message.
 */
export const toRefereeSchema = z.discriminatedUnion('type', [
  playerRpcSchema,
  playerConnectedSchema,
  z.object({
    type: z.literal('ack'),
    id: z.string(),
    ok: z.boolean(),
    error: z.string().optional(),
  }),
]);
export type ToReferee = z.output<typeof toRefereeSchema>;

/** Parses a JSON payload with a schema; null when it is not JSON or does not fit. */
export function parseJsonMessage<T extends z.ZodType>(
  schema: T,
  payload: string,
): { ok: true; value: z.output<T> } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return { ok: false, error: 'not JSON' };
  }
  const result = schema.safeParse(json);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  return {
    ok: false,
    error: issue ? `${issue.path.join('.') || 'message'} ${issue.message}` : 'invalid message',
  };
}
