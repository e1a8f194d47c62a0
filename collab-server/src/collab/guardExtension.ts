import {
  OutgoingMessage,
  type Connection,
  type Document,
  type Extension,
  type beforeHandleMessagePayload,
} from '@hocuspocus/server';
import * as Y from 'yjs';
import { validateCanvasUpdate } from '@scrawl/drawing-engine';
import { CloseCodes } from '@scrawl/protocol';
import type { Logger } from 'pino';
import type { Metrics } from '../metrics.js';
import { contextOf } from './context.js';
import {
  CLIENT_FRAME_TYPES,
  FrameType,
  emptySyncUpdate,
  readFrameHeader,
  readSyncUpdate,
} from './frames.js';

/** Least time between two requests to one connection for what its updates build on. */
export const RESYNC_INTERVAL_MS = 1000;

/** Bounds on what one canvas update may carry. */
export interface UpdateLimits {
  maxPoints: number;
  maxChunkBytes: number;
  maxStrokes: number;
}

type CloseEntry = (typeof CloseCodes)[keyof typeof CloseCodes];

/**
 * Checks every frame before Hocuspocus applies or forwards it: internal message types are
 * refused; a writer's canvas updates must pass the drawing-engine's schema and authorship
 * rules; a read-only connection that tries to write is refused. A refused frame closes the
 * whole socket with a documented close code; nothing of it is applied or forwarded.
 */
export function guardExtension(deps: {
  limits: UpdateLimits;
  metrics: Metrics;
  log: Logger;
}): Extension {
  const refuse = (
    connection: Connection,
    entry: CloseEntry,
    detail: string,
    label: string,
  ): never => {
    deps.metrics.refused.inc({ reason: label });
    const context = contextOf(connection);
    deps.log.warn(
      {
        reason: label,
        detail,
        document: connection.document.name,
        sender:
          context?.principal.kind === 'player'
            ? context.principal.claims.sub
            : context?.principal.kind,
      },
      'frame refused; closing the socket',
    );
    connection.webSocket.close(entry.code, entry.reason);
    throw Object.assign(new Error(detail), { code: entry.code, reason: entry.reason });
  };

  const resyncAt = new WeakMap<Connection, number>();
  /**
   * Drops an update that builds on content this server does not hold (lost on the way, or
   * sent from a queue before a reconnect's sync) and asks the sender, with a sync step 1,
   * for everything the server lacks: its answer carries the update again, with what it
   * builds on, and is checked whole. Yjs would hold such an update as pending; the guard
   * cannot check it until then, and refusing it would shut the sender out for good.
   */
  const holdForResync = (connection: Connection, document: Document, frame: Uint8Array) => {
    emptySyncUpdate(frame);
    deps.metrics.refused.inc({ reason: 'missing-dependencies' });
    const now = Date.now();
    if (now - (resyncAt.get(connection) ?? -Infinity) < RESYNC_INTERVAL_MS) return;
    resyncAt.set(connection, now);
    connection.send(
      new OutgoingMessage(connection.messageAddress)
        .createSyncMessage()
        .writeFirstSyncStepFor(document)
        .toUint8Array(),
    );
  };

  return {
    extensionName: 'scrawl-guard',
    async beforeHandleMessage({
      connection,
      update: frame,
      document,
    }: beforeHandleMessagePayload): Promise<void> {
      const header = readFrameHeader(frame);
      if (!header)
        return refuse(connection, CloseCodes.invalidUpdate, 'not a Hocuspocus frame', 'malformed');
      if (!CLIENT_FRAME_TYPES.has(header.type)) {
        return refuse(
          connection,
          CloseCodes.invalidUpdate,
          `message type ${header.type} is server-internal`,
          'internal-type',
        );
      }
      const context = contextOf(connection);
      if (!context)
        return refuse(
          connection,
          CloseCodes.unauthorized,
          'no authenticated context',
          'unauthenticated',
        );
      if (context.principal.kind === 'referee') return;
      if (header.type !== FrameType.sync && header.type !== FrameType.syncReply) return;

      let update: Uint8Array | null;
      try {
        update = readSyncUpdate(frame);
      } catch {
        return refuse(
          connection,
          CloseCodes.invalidUpdate,
          'a sync frame is cut short',
          'malformed',
        );
      }
      if (!update) return;
      if (connection.readOnly) {
        // Catching up after a reconnect re-sends what the server has; anything new is a write.
        if (Y.snapshotContainsUpdate(Y.snapshot(document), update)) return;
        return refuse(
          connection,
          CloseCodes.forbidden,
          'a read-only connection tried to write',
          'read-only-write',
        );
      }
      if (context.doc.kind !== 'canvas' || context.principal.kind !== 'player') {
        return refuse(
          connection,
          CloseCodes.forbidden,
          'this document is not writable',
          'not-writable',
        );
      }
      const verdict = validateCanvasUpdate(document, update, {
        author: context.principal.claims.sub,
        // A writer of a round's canvas is one of its drawers, who may clear the board.
        mayDeleteOthers: context.doc.round > 0,
        ...deps.limits,
      });
      if (!verdict.ok && verdict.missing) return holdForResync(connection, document, frame);
      if (!verdict.ok)
        return refuse(connection, CloseCodes.invalidUpdate, verdict.reason, 'invalid-update');
    },
  };
}
