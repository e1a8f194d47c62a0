import type { Connection, Hocuspocus } from '@hocuspocus/server';
import type { DocumentName, PlayerId, RoomId } from '@scrawl/protocol';
import type { Principal } from '../auth/tokens.js';

/** What the collab-server knows about one authenticated document connection. */
export interface ConnectionContext {
  readonly principal: Principal;
  readonly doc: DocumentName;
}

/** The context of a connection, if it was set by the auth extension. */
export function contextOf(connection: Connection): ConnectionContext | null {
  const context = connection.context as Partial<ConnectionContext> | undefined;
  return context?.principal && context.doc ? (context as ConnectionContext) : null;
}

/** Connections on this instance to a document that match a predicate. */
export function connectionsOf(
  hocuspocus: Hocuspocus,
  documentName: string,
  match: (context: ConnectionContext) => boolean,
): Connection[] {
  const document = hocuspocus.documents.get(documentName);
  if (!document) return [];
  return document.getConnections().filter((connection) => {
    const context = contextOf(connection);
    return context !== null && match(context);
  });
}

/** Whether a context is the given player in the given room. */
export function isPlayer(context: ConnectionContext, roomId: RoomId, playerId: PlayerId): boolean {
  return (
    context.principal.kind === 'player' &&
    context.principal.claims.room === roomId &&
    context.principal.claims.sub === playerId
  );
}
