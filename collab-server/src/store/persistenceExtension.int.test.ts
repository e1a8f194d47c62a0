import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { onLoadDocumentPayload } from '@hocuspocus/server';
import { pino } from 'pino';
import * as Y from 'yjs';
import { createDb, type Db } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { createMetrics } from '../metrics.js';
import { createTestDatabase } from '../testing/index.js';
import { PersistenceExtension, withoutUpdateEvents } from './persistenceExtension.js';
import { SqlDocumentStore } from './SqlDocumentStore.js';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let store: SqlDocumentStore;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb(database.url);
  await migrateToLatest(db);
  store = new SqlDocumentStore(db);
});
afterAll(async () => {
  await db.destroy();
  await database.drop();
});

/** A document as Hocuspocus creates it: listening for updates before anything is loaded. */
function listenedDoc(): { doc: Y.Doc; heard: Uint8Array[] } {
  const doc = new Y.Doc();
  const heard: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => heard.push(update));
  return { doc, heard };
}

describe('PersistenceExtension', () => {
  it('loads a stored document without encoding it again as an update, and listens again after', async () => {
    const name = 'canvas:00000000-0000-4000-8000-000000000001:0';
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (update: Uint8Array) => updates.push(update));
    for (let i = 0; i < 20; i++) source.getArray<number>('strokes').push([i]);
    await store.append(
      name,
      updates.map((update, i) => ({ at: i, update })),
    );
    await store.compact(name);
    source.getArray<number>('strokes').push([20]);
    await store.append(name, [{ at: 99, update: updates.at(-1)! }]);

    const persistence = new PersistenceExtension(store, pino({ level: 'silent' }), createMetrics());
    const { doc, heard } = listenedDoc();
    await persistence.onLoadDocument({
      documentName: name,
      document: doc,
    } as unknown as onLoadDocumentPayload);

    expect(doc.getArray<number>('strokes').toArray()).toEqual(
      source.getArray<number>('strokes').toArray(),
    );
    expect(heard).toEqual([]);
    doc.getArray<number>('strokes').push([21]);
    expect(heard).toHaveLength(1);
  });

  it('puts the listeners back when applying throws', () => {
    const { doc, heard } = listenedDoc();
    expect(() =>
      withoutUpdateEvents(doc, () => {
        doc.getMap('m').set('a', 1);
        throw new Error('broken part');
      }),
    ).toThrow('broken part');
    expect(heard).toEqual([]);
    doc.getMap('m').set('b', 2);
    expect(heard).toHaveLength(1);
  });
});
