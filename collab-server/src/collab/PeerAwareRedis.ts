import { Redis as RedisExtension, type Configuration } from '@hocuspocus/extension-redis';
import type { Document, onAwarenessUpdatePayload, onChangePayload } from '@hocuspocus/server';
import type { Redis } from 'ioredis';
import { readFrameHeader } from './frames.js';

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
 * Messages through Redis were already at most once (a dropped one waits for the next change
 * or the re-announcement), so the guarantee between instances is unchanged.
 */
export class PeerAwareRedis extends RedisExtension {
  /** Per document: when a peer instance last sent something about it (ms, monotonic). */
  private readonly peersHeard = new Map<string, number>();
  private readonly peerTtlMs: number;

  constructor(configuration: Partial<Configuration> & { announceEveryMs: number }) {
    const { announceEveryMs, ...rest } = configuration;
    super(rest);
    this.peerTtlMs = 3 * announceEveryMs;
    const ownPrefix = this.messagePrefix;
    // The extension's own client type does not resolve here; it is an ioredis client.
    (this.sub as unknown as Redis).on('messageBuffer', (_channel: Buffer, data: Buffer) => {
      if (data.subarray(0, ownPrefix.length).equals(ownPrefix)) return;
      const header = readFrameHeader(data.subarray(data[0]! + 1));
      if (header) this.heardPeer(header.documentName);
    });
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

  override async onChange(data: onChangePayload): Promise<void> {
    if (this.isShared(data.documentName)) await super.onChange(data);
  }

  override async onAwarenessUpdate(data: onAwarenessUpdatePayload): Promise<void> {
    if (this.isShared(data.documentName)) await super.onAwarenessUpdate(data);
  }

  override async afterUnloadDocument(
    data: Parameters<RedisExtension['afterUnloadDocument']>[0],
  ): Promise<void> {
    await super.afterUnloadDocument(data);
    if (!data.instance.documents.has(data.documentName)) this.peersHeard.delete(data.documentName);
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
