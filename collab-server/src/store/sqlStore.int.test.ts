import { createDb } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { createTestDatabase } from '../testing/index.js';
import { describeDocumentStore } from './documentStoreContract.js';
import { SqlDocumentStore } from './SqlDocumentStore.js';

describeDocumentStore('SQL (Postgres)', async () => {
  const database = await createTestDatabase();
  const db = createDb(database.url);
  const peerDb = createDb(database.url);
  await migrateToLatest(db);
  return {
    store: new SqlDocumentStore(db),
    peer: new SqlDocumentStore(peerDb),
    async close() {
      await db.destroy();
      await peerDb.destroy();
      await database.drop();
    },
  };
});
