import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '@scrawl/protocol';

/** Postgres returns int8 as a string; keep it so (sequence numbers may exceed 2^53). */
export type Db = Kysely<Database>;

/** Opens a pooled connection to the database at `url`. */
export function createDb(url: string, options: { max?: number } = {}): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    // A stopped database must surface as an error within seconds, not hang a request.
    connectionTimeoutMillis: 5000,
  });
  // An idle client that loses its server emits 'error'; without a listener it would
  // crash the process. Queries on a broken client fail and are reported where they run.
  pool.on('error', () => {});
  // A client in use whose server vanishes emits 'error' on itself, not on the pool; without
  // a listener that would crash the process. Its query fails and is reported where it ran.
  pool.on('connect', (client) => client.on('error', () => {}));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
