import { sql, type Kysely } from 'kysely';
import type { DocumentStore } from '@scrawl/collab-server';
import type { Database } from '@scrawl/protocol';
import type { DocumentSource, DocumentSummary, StoredDocument } from './Target.js';

/** Documents in SQL (embedded mode, Postgres without Redis): `documents` + `document_updates`. */
export class SqlDocuments implements DocumentSource {
  readonly kind = 'sql';

  constructor(private readonly db: Kysely<Database>) {}

  async store(): Promise<DocumentStore> {
    const { SqlDocumentStore } = await import('@scrawl/collab-server');
    return new SqlDocumentStore(this.db);
  }

  async list(): Promise<DocumentSummary[]> {
    const states = await this.db
      .selectFrom('documents')
      .select(['name', sql<number>`octet_length(state)`.as('bytes'), 'updated_at'])
      .execute();
    const logs = await this.db
      .selectFrom('document_updates')
      .select([
        'name',
        sql<string>`count(*)`.as('updates'),
        sql<string>`sum(octet_length("update"))`.as('bytes'),
        sql<string>`max(at_ms)`.as('last'),
      ])
      .groupBy('name')
      .execute();
    const byName = new Map<string, DocumentSummary>();
    for (const row of states) {
      byName.set(row.name, {
        name: row.name,
        stateBytes: Number(row.bytes),
        logBytes: 0,
        updates: 0,
        lastWrite: row.updated_at.getTime(),
      });
    }
    for (const row of logs) {
      const state = byName.get(row.name);
      const last = Number(row.last);
      byName.set(row.name, {
        name: row.name,
        stateBytes: state?.stateBytes ?? 0,
        logBytes: Number(row.bytes),
        updates: Number(row.updates),
        lastWrite: Math.max(last, state?.lastWrite ?? 0),
      });
    }
    return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  async read(name: string): Promise<StoredDocument | null> {
    // One snapshot: a compaction committing between the two reads would otherwise leave a
    // stale state beside a log whose older rows it already deleted.
    const { state, log } = await this.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => ({
        state: await trx
          .selectFrom('documents')
          .select(['state', 'updated_at'])
          .where('name', '=', name)
          .executeTakeFirst(),
        log: await trx
          .selectFrom('document_updates')
          .select(['seq', 'at_ms', 'update'])
          .where('name', '=', name)
          .orderBy('seq')
          .execute(),
      }));
    if (!state && log.length === 0) return null;
    return {
      name,
      state: state
        ? {
            position: { kind: 'sql-state' },
            at: state.updated_at.getTime(),
            update: new Uint8Array(state.state),
          }
        : null,
      log: log.map((row) => ({
        position: { kind: 'sql-log', seq: String(row.seq) },
        at: Number(row.at_ms),
        update: new Uint8Array(row.update),
      })),
    };
  }
}
