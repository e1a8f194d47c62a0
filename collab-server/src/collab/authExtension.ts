import type { Extension, onAuthenticatePayload } from '@hocuspocus/server';
import { CloseCodes, parseDocName } from '@scrawl/protocol';
import { verifyToken, type AuthSecrets } from '../auth/tokens.js';
import type { ConnectionContext } from './context.js';
import type { RoomRepository } from '../rooms/RoomRepository.js';
import type { DrawerRegistry } from './DrawerRegistry.js';
import type { SocketLimiters } from './RateLimiter.js';

/** A refusal Hocuspocus sends to the client as the permission-denied reason. */
function refuse(entry: { reason: string }): Error & { reason: string } {
  return Object.assign(new Error(entry.reason), { reason: entry.reason });
}

/**
 * Decides, per document, who may connect and whether they may write:
 * - the referee (service secret) writes game documents and reads canvases;
 * - a player of the room reads the game document and writes the canvases of rounds the
 *   referee named them a drawer of (round 0: every player);
 * - a spectator reads everything of their room and writes nothing.
 * The referee's socket is freed of the per-socket rate limits: it carries every room it drives.
 */
export function authExtension(
  secrets: AuthSecrets,
  drawers: DrawerRegistry,
  rooms: RoomRepository,
  limiters: SocketLimiters,
): Extension {
  return {
    extensionName: 'scrawl-auth',
    async onAuthenticate(data: onAuthenticatePayload): Promise<ConnectionContext> {
      const doc = parseDocName(data.documentName);
      if (!doc) throw refuse(CloseCodes.unknownDocument);
      const principal = await verifyToken(data.token, secrets);
      if (!principal) throw refuse(CloseCodes.unauthorized);

      if (principal.kind === 'referee') {
        limiters.trust(data.socketId);
        data.connectionConfig.readOnly = doc.kind !== 'game';
        return { principal, doc };
      }
      if (principal.claims.room !== doc.roomId) throw refuse(CloseCodes.forbidden);
      if (await rooms.isBanned(doc.roomId, { playerId: principal.claims.sub }))
        throw refuse(CloseCodes.kicked);
      const writable =
        doc.kind === 'canvas' &&
        principal.claims.role === 'player' &&
        (await drawers.mayDraw(doc.roomId, doc.round, principal.claims.sub));
      data.connectionConfig.readOnly = !writable;
      return { principal, doc };
    },
  };
}
