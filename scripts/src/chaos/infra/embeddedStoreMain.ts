import { runEntry } from '../../bin/entry.js';
import { startEmbeddedDatabase } from '../../start/embeddedDb.js';

/**
 * The process of `EmbeddedStore` (embeddedStore.ts): the embedded database of `npm start`
 * on the data directory given as the first argument, on a free loopback port reported over
 * IPC (`ready`). It closes PGlite and exits when its parent goes.
 */
await runEntry(async () => {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: embeddedStoreMain.js <data directory>');
  const database = await startEmbeddedDatabase(dataDir);
  process.on('disconnect', () => void database.stop().finally(() => process.exit(0)));
  process.send?.({ type: 'ready', port: Number(new URL(database.url).port) });
});
