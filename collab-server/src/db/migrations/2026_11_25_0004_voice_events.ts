import type { Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  // What LiveKit reported through its (signed) webhook: joins, leaves, tracks.
  await db.schema
    .createTable('voice_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('room_id', 'text', (c) => c.notNull())
    .addColumn('player_id', 'text')
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('track_kind', 'text')
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('voice_events_room').on('voice_events').column('room_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('voice_events').execute();
}
