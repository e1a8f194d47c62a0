import { z } from 'zod';
import { BOARD_HEIGHT, BOARD_WIDTH } from '@scrawl/drawing-engine';
import { colorSchema, playerNameSchema, roleSchema } from './http.js';
import { playerIdSchema } from './ids.js';

/**
 * Awareness states. On a game document an entry is a player's presence; on a canvas
 * document it adds the live cursor. The collab-server checks that `player.id` is the
 * sender's own id, so nobody appears under another name.
 */
export const presencePlayerSchema = z.object({
  id: playerIdSchema,
  name: playerNameSchema,
  color: colorSchema,
  role: roleSchema,
});
export type PresencePlayer = z.output<typeof presencePlayerSchema>;

export const presenceSchema = z.object({
  player: presencePlayerSchema,
  /** Board position of the pointer over the canvas, or null when it is elsewhere. */
  cursor: z
    .object({ x: z.number().min(0).max(BOARD_WIDTH), y: z.number().min(0).max(BOARD_HEIGHT) })
    .nullable()
    .optional(),
});
export type Presence = z.output<typeof presenceSchema>;
