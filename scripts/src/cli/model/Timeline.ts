import * as Y from 'yjs';
import { changesBetween, type ChangeEvent } from './changes.js';
import { Snapshotter, type Snapshot } from './snapshot.js';

/**
 * A document followed update by update: each update (applied here, or by a provider that
 * owns the doc) is told as the changes it made, by diffing snapshots before and after.
 */
export class Timeline {
  private readonly snapshotter: Snapshotter;
  private readonly seen = new Set<string>();
  private last: Snapshot;

  constructor(
    kind: 'canvas' | 'game',
    readonly doc: Y.Doc = new Y.Doc(),
  ) {
    this.snapshotter = new Snapshotter(kind);
    this.last = this.snapshotter.take(doc);
    if (this.last.kind === 'canvas') for (const id of this.last.strokes.keys()) this.seen.add(id);
  }

  /** The latest snapshot. */
  get current(): Snapshot {
    return this.last;
  }

  /**
   * Applies an update and tells what it changed.
   * @throws Error when the bytes are not a readable Yjs update.
   */
  apply(update: Uint8Array): ChangeEvent[] {
    Y.applyUpdate(this.doc, update);
    return this.observe();
  }

  /** Tells what changed since the last call (for a doc that a provider updates). */
  observe(): ChangeEvent[] {
    const next = this.snapshotter.take(this.doc);
    const events = changesBetween(this.last, next, this.seen);
    this.last = next;
    return events;
  }
}

/**
 * The Yjs client ids that wrote an update's new content, in order of appearance; empty for
 * an update that only deletes (Yjs does not record who deleted).
 */
export function updateClients(update: Uint8Array): number[] {
  const clients = new Set<number>();
  for (const struct of Y.decodeUpdate(update).structs) clients.add(struct.id.client);
  return [...clients];
}
