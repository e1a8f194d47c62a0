import { z } from 'zod';
import { publicSettingsSchema } from './settings.js';

/**
 * The shape of a room's game document (`room/<id>/game`), written by the referee alone.
 * The Y.Doc holds a Y.Map under {@link GAME_STATE_KEY} with the fields of
 * {@link gameStateSchema} as plain values, and a Y.Array under {@link CHAT_KEY} of
 * {@link chatLineSchema} entries. Browsers read both with these schemas.
 *
 * Nothing here may reveal the word before the turn ends: the hint holds revealed letters
 * only, and `word` is set at the end of a turn.
 */
export const GAME_STATE_KEY = 'state';
export const CHAT_KEY = 'chat';
/** Longest chat line or guess, in characters. */
export const MAX_CHAT_LENGTH = 100;
/** Chat lines kept in the document; older lines scroll out. */
export const MAX_CHAT_LINES = 200;

/**
 * lobby → choosing (the drawer picks a word) → drawing → turnEnd (word revealed, points)
 * → … → gameEnd (podium) → lobby.
 */
export const PHASES = ['lobby', 'choosing', 'drawing', 'turnEnd', 'gameEnd'] as const;
export type Phase = (typeof PHASES)[number];

/** One seat on the scoreboard. */
export const scoreboardEntrySchema = z.object({
  id: z.string(),
  name: z.string(),
  color: z.string(),
  score: z.number(),
  /** Present now (a disconnected player keeps the seat for a while). */
  connected: z.boolean(),
  /** Guessed the word this turn. */
  solved: z.boolean(),
  /** Points gained in the last turn (shown at turn end). */
  gained: z.number(),
});
export type ScoreboardEntry = z.output<typeof scoreboardEntrySchema>;

/**
 * A hint slot: a revealed character, `null` for a hidden letter. Spaces and hyphens are
 * always revealed.
 */
export const hintSchema = z.array(z.string().max(4).nullable());

export const gameStateSchema = z.object({
  phase: z.enum(PHASES),
  roomCode: z.string(),
  /** The player who may change settings and start; null when nobody is in the room. */
  hostId: z.string().nullable(),
  /** The room's settings, its custom words only counted (the host is told them). */
  settings: publicSettingsSchema,
  /** The game in progress (or just ended), null in the lobby before the first game. */
  gameId: z.string().nullable(),
  /** Round of the game, 1…settings.rounds (0 in the lobby). Every player draws once a round. */
  round: z.number().int().min(0),
  /** The canvas players draw on now: `room/<id>/canvas/<canvasRound>` (0: the lobby board). */
  canvasRound: z.number().int().min(0),
  /** Players allowed to draw on this canvas (in the lobby: empty, everyone may). */
  drawerIds: z.array(z.string()),
  /** When the current phase ends, in server epoch ms; null when it does not end by itself. */
  deadline: z.number().nullable(),
  /** The word as guessers see it (drawing phase), or null. */
  hint: hintSchema.nullable(),
  /** The word, only once the turn is over (turnEnd, gameEnd). */
  word: z.string().nullable(),
  /** Every seat in the room, in drawing order. */
  scoreboard: z.array(scoreboardEntrySchema),
  /** Final places at game end, best first (ties share a place). */
  podium: z.array(
    z.object({ id: z.string(), name: z.string(), score: z.number(), place: z.number() }),
  ),
});
export type GameState = z.output<typeof gameStateSchema>;

export const CHAT_KINDS = ['chat', 'system', 'solved'] as const;

export const chatLineSchema = z.object({
  id: z.string(),
  /** Server epoch ms. */
  at: z.number(),
  /** chat: a player's line; system: the referee's; solved: "Ana guessed the word!". */
  kind: z.enum(CHAT_KINDS),
  playerId: z.string().optional(),
  name: z.string().optional(),
  text: z.string().max(MAX_CHAT_LENGTH * 2),
});
export type ChatLine = z.output<typeof chatLineSchema>;
