import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  // The referee's whole view of a room, saved after every step; `version` fences out a
  // referee that lost its lease but has not noticed yet.
  await db.schema
    .createTable('room_states')
    .addColumn('room_id', 'text', (c) => c.primaryKey().references('rooms.id').onDelete('cascade'))
    .addColumn('state', 'jsonb', (c) => c.notNull())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('games')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
    .addColumn('settings', 'jsonb', (c) => c.notNull())
    .addColumn('player_ids', 'jsonb', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ended_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('games_room_id').on('games').column('room_id').execute();

  await db.schema
    .createTable('turns')
    .addColumn('game_id', 'text', (c) => c.notNull().references('games.id').onDelete('cascade'))
    .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
    .addColumn('canvas_round', 'integer', (c) => c.notNull())
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('drawer_id', 'text', (c) => c.notNull())
    .addColumn('word', 'text', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('deadline_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ended_at', 'timestamptz')
    .addColumn('end_reason', 'text')
    .addColumn('gained', 'jsonb')
    .addPrimaryKeyConstraint('turns_pkey', ['room_id', 'canvas_round'])
    .execute();

  await db.schema
    .createTable('guesses')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
    .addColumn('canvas_round', 'integer', (c) => c.notNull())
    .addColumn('player_id', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) =>
      c.notNull().check(sql`verdict in ('correct', 'close', 'wrong')`),
    )
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('guesses_turn')
    .on('guesses')
    .columns(['room_id', 'canvas_round'])
    .execute();
  // A player solves a turn at most once, whatever retries or referee restarts happen.
  await sql`create unique index guesses_one_correct on guesses (room_id, canvas_round, player_id) where verdict = 'correct'`.execute(
    db,
  );

  await db.schema
    .createTable('game_scores')
    .addColumn('game_id', 'text', (c) => c.notNull().references('games.id').onDelete('cascade'))
    .addColumn('player_id', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('place', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('game_scores_pkey', ['game_id', 'player_id'])
    .execute();

  await db.schema
    .createTable('moderation_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('target_id', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('room_bans')
    .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
    .addColumn('player_id', 'text', (c) => c.notNull())
    .addColumn('until', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('room_bans_pkey', ['room_id', 'player_id'])
    .execute();

  // A browser's lasting identity, so a removed player cannot come straight back as a new seat.
  await db.schema.alterTable('players').addColumn('device', 'text').execute();
  // What the public room list shows, kept current by the referee.
  await db.schema
    .alterTable('rooms')
    .addColumn('player_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('rooms')
    .addColumn('phase', 'text', (c) => c.notNull().defaultTo('lobby'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('rooms').dropColumn('phase').execute();
  await db.schema.alterTable('rooms').dropColumn('player_count').execute();
  await db.schema.alterTable('players').dropColumn('device').execute();
  for (const table of [
    'room_bans',
    'moderation_events',
    'game_scores',
    'guesses',
    'turns',
    'games',
    'room_states',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
