import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from '@scrawl/protocol';
import { UnreachableError } from '../errors.js';

/** A store that does not answer within this long is reported unreachable. */
const CONNECT_TIMEOUT_MS = 5000;
/** Postgres error codes that mean "the schema is not there yet". */
const UNDEFINED_TABLE = '42P01';

/** A URL with its password hidden, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}

/**
 * Connects to Postgres (or the embedded database's socket) and checks that it answers and
 * holds Scrawl's tables.
 * @throws UnreachableError in words, naming `what` (how the URL was found).
 */
export async function openDatabase(url: string, what: string): Promise<Kysely<Database>> {
  const pool = new pg.Pool({
    connectionString: url,
    // One connection: the CLI runs one query at a time, and PGlite's socket serves one best.
    max: 1,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  // An idle client that loses its server emits 'error'; queries report failures where they run.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`select 1 from documents limit 1`.execute(db);
  } catch (error) {
    await db.destroy();
    const code = (error as { code?: unknown }).code;
    const reason = error instanceof Error ? error.message : String(error);
    if (code === UNDEFINED_TABLE) {
      throw new UnreachableError(
        `${what} (${redactUrl(url)}) has no Scrawl tables yet: run npm run db:migrate first.`,
      );
    }
    throw new UnreachableError(
      `Cannot reach ${what} at ${redactUrl(url)}: ${reason || String(code)}. Is it running?`,
    );
  }
  return db;
}
