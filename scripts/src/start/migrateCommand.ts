import { resolve } from 'node:path';
import { createDb, migrateToLatest } from '@scrawl/collab-server';
import { loadConfig } from '@scrawl/protocol';
import { startEmbeddedDatabase } from './embeddedDb.js';

/** `npm run db:migrate`: migrates DATABASE_URL, or the embedded database under DATA_DIR. */
export async function migrateCommand(env: NodeJS.ProcessEnv): Promise<string> {
  const config = loadConfig(env);
  const embedded = config.DATABASE_URL
    ? null
    : await startEmbeddedDatabase(resolve(config.DATA_DIR));
  try {
    const db = createDb(config.DATABASE_URL ?? embedded?.url ?? '', { max: 1 });
    const { applied } = await migrateToLatest(db);
    await db.destroy();
    return applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.';
  } finally {
    await embedded?.stop();
  }
}
