import type { Kysely } from 'kysely';
import type { DocumentStore } from '@scrawl/collab-server';
import type { Database } from '@scrawl/protocol';

/** What is stored for one document, in short. */
export interface DocumentSummary {
  readonly name: string;
  /** Bytes of the folded state (0 when there is none). */
  readonly stateBytes: number;
  /** Bytes of the log entries after the state. */
  readonly logBytes: number;
  /** Log entries after the state. */
  readonly updates: number;
  /** The last write: the newest log entry, else when the state was folded (if known). */
  readonly lastWrite: number | null;
}

/** Where a stored piece sits, precisely enough to find it by hand. */
export type Position =
  | { readonly kind: 'sql-state' }
  | { readonly kind: 'sql-log'; readonly seq: string }
  | { readonly kind: 'redis-state'; readonly key: string }
  | { readonly kind: 'redis-log'; readonly key: string; readonly id: string };

/** One stored piece of a document: its folded state or one log entry. */
export interface StoredEntry {
  readonly position: Position;
  /** Server time it arrived (epoch ms); for a state, when it was folded, if known. */
  readonly at: number | null;
  readonly update: Uint8Array;
}

/** Everything stored for a document: the folded state and the log after it. */
export interface StoredDocument {
  readonly name: string;
  readonly state: StoredEntry | null;
  readonly log: readonly StoredEntry[];
}

/** Read access to where documents live (SQL or Redis), with positions, plus the store. */
export interface DocumentSource {
  readonly kind: 'sql' | 'redis';
  /** For compaction: the collab-server's own store, so a fold is the server's fold. */
  store(): Promise<DocumentStore>;
  /** Every stored document. */
  list(): Promise<DocumentSummary[]>;
  /** A document's state and log; null when nothing is stored under the name. */
  read(name: string): Promise<StoredDocument | null>;
}

/** A collab-server the CLI may connect to as a read-only observer. */
export interface LiveLink {
  /** WebSocket address (`ws://…/collab`). */
  readonly url: string;
  /** The referee's shared secret: its service token reads every document. */
  readonly secret: string;
}

/** The stores (and server) a command works on. */
export interface Target {
  /** Where the data came from, in words, for messages. */
  readonly description: string;
  readonly db: Kysely<Database>;
  readonly documents: DocumentSource;
  /** The live server, or why there is none. */
  readonly live: LiveLink | { readonly missing: string };
  close(): Promise<void>;
}

/** How a position reads in a report: `document_updates seq 42`. */
export function describePosition(position: Position): string {
  switch (position.kind) {
    case 'sql-state':
      return 'documents row (folded state)';
    case 'sql-log':
      return `document_updates seq ${position.seq}`;
    case 'redis-state':
      return `${position.key} (folded state)`;
    case 'redis-log':
      return `${position.key} entry ${position.id}`;
  }
}
