import { z } from 'zod';
import { roleSchema } from './http.js';
import { playerIdSchema, roomIdSchema } from './ids.js';

/**
 * Claims inside a player's session token (an HS256 JWT signed with SESSION_SECRET). The
 * token is the seat: whoever holds it is that player in that room.
 */
export const sessionClaimsSchema = z.object({
  sub: playerIdSchema,
  room: roomIdSchema,
  role: roleSchema,
  name: z.string(),
  color: z.string(),
});
export type SessionClaims = z.output<typeof sessionClaimsSchema>;

const SERVICE_TOKEN_PREFIX = 'referee:';

/**
 * The referee's credential: its instance name and the shared REFEREE_SECRET. It travels
 * only over the referee's own WebSocket to the collab-server, which compares the secret in
 * constant time.
 */
export function serviceToken(instanceId: string, secret: string): string {
  if (!/^[\w.-]{1,64}$/.test(instanceId)) {
    throw new RangeError('instance id must be 1–64 letters, digits, dots, dashes or underscores');
  }
  return `${SERVICE_TOKEN_PREFIX}${instanceId}:${secret}`;
}

/** Splits a service token; null when the token is not one. */
export function parseServiceToken(token: string): { instanceId: string; secret: string } | null {
  if (!token.startsWith(SERVICE_TOKEN_PREFIX)) return null;
  const rest = token.slice(SERVICE_TOKEN_PREFIX.length);
  const colon = rest.indexOf(':');
  if (colon <= 0) return null;
  const instanceId = rest.slice(0, colon);
  if (!/^[\w.-]{1,64}$/.test(instanceId)) return null;
  return { instanceId, secret: rest.slice(colon + 1) };
}

/** JWT issuer of every Scrawl token. */
export const TOKEN_ISSUER = 'scrawl';
