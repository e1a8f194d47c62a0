import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { foldUpdates, mergeStored } from './foldUpdates.js';
import type { CompactionResult, DocumentStore, StoredUpdate } from './DocumentStore.js';

/** Rows per INSERT: keeps statements well under Postgres' 65,535 parameter limit. */
const INSERT_BATCH = 500;

/** The document store of the embedded mode (and of Postgres without Redis). */
export class SqlDocumentStore implements DocumentStore {
  constructor(private readonly db: Db) {}

  async load(name: string): Promise<Uint8Array | null> {
    return mergeStored(await this.loadParts(name));
  }

  async loadParts(name: string): Promise<Uint8Array[]> {
    // One snapshot for both reads: a compaction committing between them would otherwise
    // leave the rows it folded out of both (old state, log without them).
    const parts = await this.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        const state = await trx
          .selectFrom('documents')
          .select('state')
          .where('name', '=', name)
          .executeTakeFirst();
        const log = await trx
          .selectFrom('document_updates')
          .select('update')
          .where('name', '=', name)
          .orderBy('seq')
          .execute();
        return [...(state ? [state.state] : []), ...log.map((row) => row.update)];
      });
    return parts.map((part) => new Uint8Array(part));
  }

  async append(name: string, updates: readonly StoredUpdate[]): Promise<void> {
    for (let i = 0; i < updates.length; i += INSERT_BATCH) {
      const batch = updates.slice(i, i + INSERT_BATCH);
      await this.db
        .insertInto('document_updates')
        .values(batch.map((u) => ({ name, at_ms: String(u.at), update: u.update })))
        .execute();
    }
  }

  async readLog(name: string): Promise<StoredUpdate[]> {
    const rows = await this.db
      .selectFrom('document_updates')
      .select(['at_ms', 'update'])
      .where('name', '=', name)
      .orderBy('seq')
      .execute();
    return rows.map((row) => ({ at: Number(row.at_ms), update: new Uint8Array(row.update) }));
  }

  async compact(
    name: string,
    options: { extra?: Uint8Array; keepLog?: boolean } = {},
  ): Promise<CompactionResult> {
    return this.db.transaction().execute(async (trx) => {
      // Serialise compactions of one document across processes.
      await sql`select pg_advisory_xact_lock(hashtext(${name}))`.execute(trx);
      const state = await trx
        .selectFrom('documents')
        .select('state')
        .where('name', '=', name)
        .executeTakeFirst();
      const log = await trx
        .selectFrom('document_updates')
        .select(['seq', 'update'])
        .where('name', '=', name)
        .orderBy('seq')
        .execute();
      const parts = [
        ...(state ? [state.state] : []),
        ...log.map((row) => row.update),
        ...(options.extra ? [options.extra] : []),
      ];
      const logBytes = log.reduce((sum, row) => sum + row.update.length, 0);
      const bytesBefore = (state?.state.length ?? 0) + logBytes;
      if (parts.length === 0) return { folded: 0, bytesBefore: 0, bytesAfter: 0 };
      const merged = foldUpdates(parts);
      await trx
        .insertInto('documents')
        .values({ name, state: merged })
        .onConflict((oc) =>
          oc.column('name').doUpdateSet({ state: merged, updated_at: sql<Date>`now()` }),
        )
        .execute();
      if (!options.keepLog && log.length > 0) {
        // Delete exactly the rows folded: a row inserted meanwhile (even with a smaller seq,
        // committed late) stays in the log and is merged on load.
        await trx
          .deleteFrom('document_updates')
          .where(
            'seq',
            'in',
            log.map((row) => row.seq),
          )
          .execute();
      }
      return {
        folded: options.keepLog ? 0 : log.length,
        bytesBefore,
        bytesAfter: merged.length + (options.keepLog ? logBytes : 0),
      };
    });
  }

  async close(): Promise<void> {
    // The Db belongs to the caller.
  }
}
