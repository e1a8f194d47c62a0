import type { Connection, Document, Extension, afterLoadDocumentPayload } from '@hocuspocus/server';
import { isTransactionOrigin } from '@hocuspocus/server';
import type { Logger } from 'pino';
import type * as Y from 'yjs';

/** The parts of a Hocuspocus 4 Document this extension relies on (private in its types). */
interface BroadcastingDocument {
  broadcast(encode: (address: string) => Uint8Array, filter?: (c: Connection) => boolean): void;
  broadcastUpdate(update: Uint8Array): void;
}

/**
 * Hocuspocus sends each flush of document updates to every connection of the document, the
 * connection that sent them included, which applies its own update again for nothing. On a
 * canvas with one drawer and seven watchers that is one socket write in eight for the server,
 * and the drawer's downstream doubled. (`npm run bench -- --servers scrawl --rooms 40`, 11 runs
 * each way, interleaved: p99 median 57 → 47 ms; CPU of server and load generator within the
 * runs' spread.)
 *
 * This leaves the sender out of a flush whose updates all came from that one connection, and
 * only when they brought nothing it may lack: a transaction that began with structs waiting
 * for a missing dependency (another client's, say) may integrate them, and those are news to
 * the sender too, so such a flush still goes to everyone. Updates from other instances
 * (origin `redis`) or from the server itself go to everyone as before.
 */
export function senderEchoExtension(log: Logger): Extension {
  let warned = false;
  return {
    extensionName: 'scrawl-sender-echo',
    async afterLoadDocument({ document }: afterLoadDocumentPayload): Promise<void> {
      if (!skipSenderEcho(document) && !warned) {
        warned = true;
        log.warn(
          'this Hocuspocus has no Document.broadcast/broadcastUpdate: senders receive their own updates again',
        );
      }
    },
  };
}

/**
 * Makes `document` leave the sender out of the broadcast of its own updates (see
 * senderEchoExtension). Returns false, changing nothing, if the document lacks the methods
 * this relies on.
 */
export function skipSenderEcho(document: Document): boolean {
  const target = document as unknown as Partial<BroadcastingDocument>;
  const { broadcast, broadcastUpdate } = target;
  if (typeof broadcast !== 'function' || typeof broadcastUpdate !== 'function') return false;
  const store = (document as Y.Doc).store;
  /** Whether updates wait for the next flush (the window is open), and who sent all of them. */
  let open = false;
  let sender: Connection | null = null;
  let hadPending = false;
  // Yjs emits 'afterTransaction' before 'update', so the window's sender is known before
  // Hocuspocus queues the update (or, unbatched or past its byte limit, broadcasts it).
  document.on('beforeTransaction', () => {
    hadPending = store.pendingStructs !== null || store.pendingDs !== null;
  });
  document.on('afterTransaction', (transaction: Y.Transaction) => {
    if (!changed(transaction)) return;
    const origin: unknown = transaction.origin;
    const from =
      !hadPending && isTransactionOrigin(origin) && origin.source === 'connection'
        ? origin.connection
        : null;
    if (!open) {
      open = true;
      sender = from;
    } else if (sender !== from) {
      sender = null;
    }
  });
  target.broadcastUpdate = function (this: BroadcastingDocument, update: Uint8Array) {
    const skip = open ? sender : null;
    open = false;
    sender = null;
    if (skip === null) {
      broadcastUpdate.call(this, update);
      return;
    }
    const all = broadcast;
    const filtered: BroadcastingDocument['broadcast'] = (encode, filter) =>
      all.call(this, encode, (c) => c !== skip && (filter?.(c) ?? true));
    target.broadcast = filtered;
    try {
      broadcastUpdate.call(this, update);
    } finally {
      target.broadcast = all;
    }
  };
  return true;
}

/** Whether a transaction changed the document (Yjs emits 'update' for it exactly then). */
function changed(transaction: Y.Transaction): boolean {
  if (transaction.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of transaction.afterState) {
    if (transaction.beforeState.get(client) !== clock) return true;
  }
  return false;
}
