import type { Connection, Extension, beforeHandleAwarenessPayload } from '@hocuspocus/server';
import { CloseCodes, presenceSchema } from '@scrawl/protocol';
import { contextOf } from './context.js';

/**
 * Presence entries must carry the sender's own identity, exactly as their token states it,
 * so nobody appears under another player's name. A forged entry closes that connection;
 * nothing of it is applied or forwarded.
 */
export function presenceExtension(): Extension {
  return {
    extensionName: 'scrawl-presence',
    async beforeHandleAwareness({
      connection,
      states,
    }: beforeHandleAwarenessPayload): Promise<void> {
      if (!connection) return;
      const context = contextOf(connection);
      if (!context) throw invalid(connection);
      if (context.principal.kind === 'referee') return;
      const claims = context.principal.claims;
      for (const state of states.values()) {
        // An empty state is how a client leaves; it carries no identity to check.
        if (state === null || Object.keys(state).length === 0) continue;
        const parsed = presenceSchema.safeParse(state);
        if (
          !parsed.success ||
          parsed.data.player.id !== claims.sub ||
          parsed.data.player.name !== claims.name ||
          parsed.data.player.color !== claims.color ||
          parsed.data.player.role !== claims.role
        ) {
          throw invalid(connection);
        }
      }
    },
  };
}

/** Closes the offending socket (not only this document) and refuses the entry. */
function invalid(connection: Connection): Error & { code: number; reason: string } {
  connection.webSocket.close(CloseCodes.invalidUpdate.code, CloseCodes.invalidUpdate.reason);
  return Object.assign(new Error('presence does not match the sender'), {
    code: CloseCodes.invalidUpdate.code,
    reason: CloseCodes.invalidUpdate.reason,
  });
}
