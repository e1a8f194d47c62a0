import type {
  Extension,
  beforeHandleMessagePayload,
  onChangePayload,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
} from '@hocuspocus/server';
import { parseDocName } from '@scrawl/protocol';
import type { Logger } from 'pino';
import * as Y from 'yjs';
import { readSyncUpdate } from '../collab/frames.js';
import type { Metrics } from '../metrics.js';
import type { DocumentStore } from './DocumentStore.js';
import { UpdateLog } from './UpdateLog.js';

/** Log entries after which a loaded document's log is folded into its state. */
export const COMPACT_AFTER_UPDATES = 1000;
/**
 * How long a client's update waits for the store before it is applied anyway. Past this,
 * the store is failing: the update is kept in memory and retried, and the game goes on (the
 * document's next updates do not wait until an append succeeds again: UpdateLog).
 */
export const WRITE_AHEAD_DEADLINE_MS = 1000;

/**
 * Makes every update durable before anyone sees it. A client's update is appended to the
 * document store (with the server time) before Hocuspocus applies it, acknowledges it or
 * forwards it: so whatever a client has received from the server, the store has too, and a
 * server killed outright loses only updates it never acknowledged — which their senders
 * still hold and resend on reconnect. Appends are group-committed per document. If the store
 * fails, updates wait in memory and are retried; the game goes on meanwhile.
 *
 * Updates relayed from other instances through Redis are theirs to store. When the last
 * client leaves, the document's log is folded into its stored state (round canvases keep
 * their log: their replay needs it).
 */
export class PersistenceExtension implements Extension {
  extensionName = 'scrawl-persistence';
  private readonly log: UpdateLog;
  private readonly sinceCompaction = new Map<string, number>();
  /** Documents whose store hooks run again once their log is stored (after an outage). */
  private readonly storeAgain = new Set<string>();
  private destroyed = false;

  constructor(
    private readonly store: DocumentStore,
    private readonly logger: Logger,
    private readonly metrics: Metrics,
  ) {
    this.log = new UpdateLog(store, {
      appended: (name, count, seconds) => {
        this.metrics.storeSeconds.observe({ operation: 'append' }, seconds);
        this.sinceCompaction.set(name, (this.sinceCompaction.get(name) ?? 0) + count);
      },
      failed: (name, count, error) => {
        this.metrics.storeErrors.inc({ operation: 'append' });
        this.logger.warn(
          { err: error, documentName: name, updates: count },
          'could not store updates; retrying',
        );
      },
    });
  }

  /**
   * Applies what is stored, part by part, to the new document. Merging the parts first and
   * applying the merge did the same work twice (a 10,000-stroke board: 0.2–0.6 s more).
   */
  async onLoadDocument({ documentName, document }: onLoadDocumentPayload): Promise<undefined> {
    const stop = this.metrics.storeSeconds.startTimer({ operation: 'load' });
    const parts = await this.store.loadParts(documentName);
    withoutUpdateEvents(document, () => {
      document.transact(() => {
        for (const part of parts) Y.applyUpdate(document, part);
      });
    });
    stop();
    this.metrics.documentsLoaded.inc();
    return undefined;
  }

  /** Write-ahead: runs after the guard accepted the frame, before it is applied. */
  async beforeHandleMessage({
    connection,
    documentName,
    update: frame,
  }: beforeHandleMessagePayload): Promise<void> {
    if (connection.readOnly) return;
    const update = readSyncUpdate(frame);
    if (!update || isEmptyUpdate(update)) return;
    const stored = await this.log.appendAndWait(documentName, update, WRITE_AHEAD_DEADLINE_MS);
    if (!stored) this.metrics.storeErrors.inc({ operation: 'write-ahead-deadline' });
  }

  async onChange({ documentName, update, transactionOrigin }: onChangePayload): Promise<void> {
    const source = originSource(transactionOrigin);
    // A client's update was written ahead; another instance's is stored by that instance.
    if (source === 'connection' || source === 'redis') return;
    this.log.append(documentName, update);
  }

  async onStoreDocument(payload: onStoreDocumentPayload): Promise<void> {
    const { documentName, document, clientsCount } = payload;
    try {
      await this.log.flush(documentName);
    } catch (error) {
      // Hocuspocus keeps a document whose store failed loaded, and would never look at it
      // again: run the store hooks once more when the store has taken its log, so a board
      // everyone left during an outage is folded and unloaded then.
      this.storeWhenDrained(payload);
      throw error;
    }
    const appended = this.sinceCompaction.get(documentName) ?? 0;
    if (clientsCount > 0 && appended < COMPACT_AFTER_UPDATES) return;
    const parsed = parseDocName(documentName);
    const keepLog = parsed?.kind === 'canvas' && parsed.round > 0;
    const stop = this.metrics.storeSeconds.startTimer({ operation: 'compact' });
    try {
      await this.store.compact(documentName, { extra: Y.encodeStateAsUpdate(document), keepLog });
      this.sinceCompaction.delete(documentName);
    } catch (error) {
      // The log still holds everything; folding can wait for the next store.
      this.logger.warn({ err: error, documentName }, 'could not compact document');
    } finally {
      stop();
    }
  }

  onDestroy(): Promise<void> {
    this.destroyed = true;
    return Promise.resolve();
  }

  /**
   * Runs the store hooks of whatever document holds `documentName` once the log has stored
   * all of that name's updates (the one that failed, or one loaded since under the same name:
   * a failure of that one while this waits is covered by the same wait).
   */
  private storeWhenDrained(payload: onStoreDocumentPayload): void {
    const { documentName, instance } = payload;
    if (this.storeAgain.has(documentName)) return;
    this.storeAgain.add(documentName);
    void this.log.drained(documentName).then(() => {
      this.storeAgain.delete(documentName);
      const document = instance.documents.get(documentName);
      if (this.destroyed || !document) return;
      this.logger.info({ documentName }, 'document store is back: storing the document again');
      void instance.storeDocumentHooks(
        document,
        { ...payload, document, clientsCount: document.getConnectionsCount() },
        true,
      );
    });
  }

  /** Stores everything queued for one document; resolves when it is stored. */
  async flush(documentName: string): Promise<void> {
    await this.log.flush(documentName);
  }

  /** Stores everything still queued; resolves when all is stored. */
  async flushAll(): Promise<void> {
    await this.log.flushAll();
  }

  /** Number of updates waiting to be stored. */
  get pendingCount(): number {
    return this.log.pendingCount;
  }
}

function originSource(origin: unknown): unknown {
  return typeof origin === 'object' && origin !== null
    ? (origin as { source?: unknown }).source
    : undefined;
}

/**
 * Runs `apply` with the document's 'update' listeners set aside. Hocuspocus's Document
 * listens from its creation (to broadcast), and Yjs encodes every transaction it has
 * listeners for: loading in one transaction encoded the whole stored document again, as one
 * update for a document no one is connected to yet (a fifth of a 10,000-stroke board's load,
 * `npm run bench`). Clients get what was loaded by syncing, as always.
 */
export function withoutUpdateEvents(document: Y.Doc, apply: () => void): void {
  // lib0's Observable keeps its listeners by event name; Yjs checks for 'update' there.
  const observers = (document as unknown as { _observers: Map<string, unknown> })._observers;
  const listeners = observers.get('update');
  observers.delete('update');
  try {
    apply();
  } finally {
    if (listeners !== undefined) observers.set('update', listeners);
  }
}

/** An update with no structs and no deletes (what a client in sync answers a sync step 1 with). */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength === 2 && update[0] === 0 && update[1] === 0;
}
