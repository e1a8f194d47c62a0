/** One Yjs update with the server time (epoch ms) at which it arrived. */
export interface StoredUpdate {
  readonly at: number;
  readonly update: Uint8Array;
}

/** What a compaction did. */
export interface CompactionResult {
  /** Log entries folded into the stored state. */
  readonly folded: number;
  /** Bytes of state plus log before and after. */
  readonly bytesBefore: number;
  readonly bytesAfter: number;
}

/**
 * Where documents live: an append-only log of timestamped updates plus a folded state.
 * Loading returns state + log tail merged into one update, or as stored. Two implementations
 * (Redis streams and SQL) pass one contract suite.
 */
export interface DocumentStore {
  /** Everything stored for a document, merged into one update; null if nothing is stored. */
  load(name: string): Promise<Uint8Array | null>;
  /**
   * Everything stored for a document as it is stored, read in one snapshot: the folded state
   * (if any), then the log entries, oldest first; empty if nothing is stored. Applying them
   * in order to a document costs half of merging them first and applying the merge.
   */
  loadParts(name: string): Promise<Uint8Array[]>;
  /** Appends updates, in order, to the document's log. */
  append(name: string, updates: readonly StoredUpdate[]): Promise<void>;
  /** The stored log entries after the folded state, oldest first. */
  readLog(name: string): Promise<StoredUpdate[]>;
  /**
   * Folds the log into the stored state. `extra` (the live in-memory state) is merged in,
   * so an update a crashed peer applied but never logged is kept too. With `keepLog` the
   * log entries stay (a round's history is still needed for its replay).
   */
  compact(
    name: string,
    options?: { extra?: Uint8Array; keepLog?: boolean },
  ): Promise<CompactionResult>;
  /** Releases connections. */
  close(): Promise<void>;
}
