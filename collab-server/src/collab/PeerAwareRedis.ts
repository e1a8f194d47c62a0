import { Redis as RedisExtension, type Configuration } from '@hocuspocus/extension-redis';
import {
  OutgoingMessage,
  type Document,
  type onAwarenessUpdatePayload,
  type onChangePayload,
} from '@hocuspocus/server';
import type { Redis } from 'ioredis';
import * as Y from 'yjs';
import { readFrameHeader } from './frames.js';

/** How often a document waiting for a lost update asks peers for it, at most. */
const ASK_FOR_MISSING_EVERY_MS = 1000;

/**
 * extension-redis that publishes a document's changes and presence only while another
 * instance has that document open.
 *
 * The extension publishes a sync step (the document's state vector) for every change, and
 * every presence change, whether or not anyone listens. In the common case (a room lives on
 * one instance) nobody does, and those publishes were a fifth of the collab-server's CPU at
 * 40 busy rooms (`npm run bench -- --profile 40`): a Redis command, and a socket write, per
 * stroke chunk.
 *
 * An instance learns of a peer from the peer's own messages: every instance announces each
 * loaded document on opening it (a sync step and a query for presence, sent by the
 * extension) and again every `announceEveryMs` (the server's re-announcement), and answers
 * what peers send it. A document counts as shared until `3 × announceEveryMs` pass without
 * a word from a peer. On first hearing of a peer, this instance announces the document and
 * all its presence at once, so nothing it left unpublished before stays missing: the peer
 * answers the sync step with what it lacks and asks for what it has.
 *
 * A change goes to peers as the update itself, the turn's changes merged into one message
 * that needs no answer. The extension sent a sync step, which the peer answered with its
 * own, and that with the update: three trips through Redis, and on each change a diff
 * against the peer's state vector. The sync steps stay for what can be lost: the
 * announcements (on opening, every `announceEveryMs`, on first hearing of a peer) make
 * each side send what the other lacks.
 *
 * Messages through Redis were already at most once (a dropped one waits for the next
 * announcement, at most `announceEveryMs`; Yjs holds later updates that depend on it), so
 * the guarantee between instances is unchanged.
 */
export class PeerAwareRedis extends RedisExtension {
  /** Per document: when a peer instance last sent something about it (ms, monotonic). */
  private readonly peersHeard = new Map<string, number>();
  private readonly peerTtlMs: number;
  /** Per document: when this instance last asked peers for an update it is missing. */
  private readonly askedForMissing = new Map<string, number>();
  /** Per document: changes of this turn, not yet published. */
  private readonly pendingUpdates = new Map<string, Uint8Array[]>();

  constructor(configuration: Partial<Configuration> & { announceEveryMs: number }) {
    const { announceEveryMs, ...rest } = configuration;
    super(rest);
    this.peerTtlMs = 3 * announceEveryMs;
    const ownPrefix = this.messagePrefix;
    // The extension's own client type does not resolve here; it is an ioredis client.
    const sub = this.sub as unknown as Redis;
    sub.on('messageBuffer', (_channel: Buffer, data: Buffer) => {
      if (data.subarray(0, ownPrefix.length).equals(ownPrefix)) return;
      const header = readFrameHeader(data.subarray(data[0]! + 1));
      if (!header) return;
      this.heardPeer(header.documentName);
      // The extension has applied the message (synchronously, before this listener). An update
      // that needs one this instance never got (lost on the way) waits in Yjs: ask for it now.
      // At most once a second per document: content can also wait for a client's reconnect.
      const document = this.instance.documents.get(header.documentName);
      const asked = this.askedForMissing.get(header.documentName) ?? -Infinity;
      if (
        document &&
        (document.store.pendingStructs || document.store.pendingDs) &&
        performance.now() - asked >= ASK_FOR_MISSING_EVERY_MS
      ) {
        this.askedForMissing.set(header.documentName, performance.now());
        void this.announce(header.documentName, document);
      }
    });
    // Whatever changed while Redis was unreachable was published to nobody: announce every
    // document as soon as it is back.
    let wasReady = false;
    sub.on('ready', () => {
      if (wasReady) this.announceAll();
      wasReady = true;
    });
  }

  /** Announces every loaded document (a heartbeat; also after Redis comes back). */
  announceAll(): void {
    for (const [documentName, document] of this.instance.documents) {
      void this.announce(documentName, document);
    }
  }

  /** Whether another instance has spoken about this document lately. */
  isShared(documentName: string): boolean {
    const heard = this.peersHeard.get(documentName);
    if (heard === undefined) return false;
    if (performance.now() - heard <= this.peerTtlMs) return true;
    this.peersHeard.delete(documentName);
    return false;
  }

  /** Publishes the document's state vector, whether or not a peer is known (a heartbeat). */
  announce(documentName: string, document: Document): Promise<void> {
    return super.onChange({
      documentName,
      document,
      transactionOrigin: { source: 'local', skipStoreHooks: true },
    } as onChangePayload);
  }

  override onChange(data: onChangePayload): Promise<void> {
    const { documentName, update, transactionOrigin } = data;
    const source = (transactionOrigin as { source?: unknown } | undefined)?.source;
    if (source === 'redis' || !this.isShared(documentName)) return Promise.resolve();
    const queued = this.pendingUpdates.get(documentName);
    if (queued) queued.push(update);
    else {
      this.pendingUpdates.set(documentName, [update]);
      setImmediate(() => this.publishUpdates(documentName));
    }
    return Promise.resolve();
  }

  override async onAwarenessUpdate(data: onAwarenessUpdatePayload): Promise<void> {
    if (this.isShared(data.documentName)) await super.onAwarenessUpdate(data);
  }

  override async afterUnloadDocument(
    data: Parameters<RedisExtension['afterUnloadDocument']>[0],
  ): Promise<void> {
    await super.afterUnloadDocument(data);
    if (!data.instance.documents.has(data.documentName)) {
      this.peersHeard.delete(data.documentName);
      this.pendingUpdates.delete(data.documentName);
      this.askedForMissing.delete(data.documentName);
    }
  }

  /** Publishes the turn's changes of a document as one update message. */
  private publishUpdates(documentName: string): void {
    const updates = this.pendingUpdates.get(documentName);
    this.pendingUpdates.delete(documentName);
    if (!updates || updates.length === 0) return;
    const update = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
    const message = new OutgoingMessage(documentName)
      .createSyncMessage()
      .writeUpdate(update)
      .toUint8Array();
    // The channel and framing extension-redis uses: `<prefix>:<name>`, its identifier first.
    (this.pub as unknown as Redis)
      .publish(
        `${this.configuration.prefix}:${documentName}`,
        Buffer.concat([this.messagePrefix, message]),
      )
      .catch(() => {
        // Redis unreachable: the next announcement syncs the peers.
      });
  }

  private heardPeer(documentName: string): void {
    const wasShared = this.isShared(documentName);
    this.peersHeard.set(documentName, performance.now());
    if (wasShared) return;
    const document = this.instance.documents.get(documentName);
    if (!document) return;
    // Catch the peer up on what went unpublished while nobody listened.
    void this.announce(documentName, document);
    const clients = [...document.awareness.getStates().keys()];
    if (clients.length > 0) {
      void super.onAwarenessUpdate({
        documentName,
        document,
        awareness: document.awareness,
        added: clients,
        updated: [],
        removed: [],
      } as unknown as onAwarenessUpdatePayload);
    }
  }
}
