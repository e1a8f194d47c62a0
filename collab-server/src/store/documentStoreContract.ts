import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import type { DocumentStore, StoredUpdate } from './DocumentStore.js';

/** A store under test and how to release it. */
export interface StoreUnderTest {
  store: DocumentStore;
  /** A second store on the same backend, as another collab-server instance would hold. */
  peer: DocumentStore;
  close(): Promise<void>;
}

/** Updates that build a small document: each adds a key, the last removes one. */
function history(count: number): { doc: Y.Doc; updates: StoredUpdate[] } {
  const doc = new Y.Doc();
  const updates: StoredUpdate[] = [];
  doc.on('update', (update: Uint8Array) =>
    updates.push({ at: 1_700_000_000_000 + updates.length, update }),
  );
  const map = doc.getMap<number>('m');
  for (let i = 0; i < count; i++) map.set(`k${i}`, i);
  if (count > 1) map.delete('k0');
  return { doc, updates };
}

function load(update: Uint8Array | null): Record<string, unknown> {
  return applied(update ? [update] : []);
}

/** The document the parts make, applied in order. */
function applied(parts: readonly Uint8Array[]): Record<string, unknown> {
  const doc = new Y.Doc();
  for (const part of parts) Y.applyUpdate(doc, part);
  return doc.getMap('m').toJSON();
}

let seq = 0;
const uniqueName = () => `room/contract${String(++seq).padStart(8, '0')}/canvas/${seq}`;

/**
 * The document-store contract: every backend must pass these, unchanged. Run it from a
 * backend's own test file with a factory for that backend.
 */
export function describeDocumentStore(backend: string, open: () => Promise<StoreUnderTest>): void {
  describe(`document store contract: ${backend}`, () => {
    let subject: StoreUnderTest;
    beforeAll(async () => {
      subject = await open();
    });
    afterAll(async () => {
      await subject.close();
    });

    it('loads nothing for a document never written', async () => {
      expect(await subject.store.load(uniqueName())).toBeNull();
      expect(await subject.store.loadParts(uniqueName())).toEqual([]);
      expect(await subject.store.readLog(uniqueName())).toEqual([]);
    });

    it('stores appends to many documents started together, each document in order', async () => {
      const names = Array.from({ length: 6 }, uniqueName);
      const { updates } = history(8);
      // Documents' appends start in the same turns (one at a time per document, as the
      // update log sends them): a store may send them together.
      await Promise.all(
        names.map(async (name) => {
          await subject.store.append(name, updates.slice(0, 3));
          await subject.store.append(name, updates.slice(3, 4));
          await subject.store.append(name, updates.slice(4));
        }),
      );
      for (const name of names) {
        expect(await subject.store.readLog(name)).toEqual(updates);
      }
    });

    it('loads what was appended, in one update', async () => {
      const name = uniqueName();
      const { doc, updates } = history(20);
      await subject.store.append(name, updates);
      expect(load(await subject.store.load(name))).toEqual(doc.getMap('m').toJSON());
      expect(applied(await subject.store.loadParts(name))).toEqual(doc.getMap('m').toJSON());
    });

    it('keeps each update with its server time, in order', async () => {
      const name = uniqueName();
      const { updates } = history(5);
      await subject.store.append(name, updates.slice(0, 2));
      await subject.store.append(name, updates.slice(2));
      const log = await subject.store.readLog(name);
      expect(log.map((entry) => entry.at)).toEqual(updates.map((u) => u.at));
      expect(log.map((entry) => Array.from(entry.update))).toEqual(
        updates.map((u) => Array.from(u.update)),
      );
    });

    it('keeps appends from two instances of the same document', async () => {
      const name = uniqueName();
      const a = history(10);
      const b = new Y.Doc();
      const bUpdates: StoredUpdate[] = [];
      b.on('update', (update: Uint8Array) => bUpdates.push({ at: 1, update }));
      for (let i = 0; i < 10; i++) b.getMap<number>('m').set(`b${i}`, i);
      await Promise.all([
        subject.store.append(name, a.updates),
        subject.peer.append(name, bUpdates),
      ]);
      const loaded = load(await subject.peer.load(name));
      expect(Object.keys(loaded)).toHaveLength(9 + 10); // k1…k9 (k0 was deleted) and b0…b9
    });

    it('folds the log into the state, and loads the same document afterwards', async () => {
      const name = uniqueName();
      const { doc, updates } = history(50);
      await subject.store.append(name, updates);
      const result = await subject.store.compact(name);
      expect(result.folded).toBe(updates.length);
      expect(result.bytesAfter).toBeLessThan(result.bytesBefore);
      expect(await subject.store.readLog(name)).toEqual([]);
      expect(load(await subject.store.load(name))).toEqual(doc.getMap('m').toJSON());
      const { updates: more } = history(3);
      await subject.store.append(name, more);
      expect(await subject.store.readLog(name)).toHaveLength(more.length);
      // As stored: the folded state, then the log tail, in order.
      const parts = await subject.store.loadParts(name);
      expect(parts).toHaveLength(1 + more.length);
      expect(parts.slice(1)).toEqual(more.map((entry) => entry.update));
      expect(applied(parts)).toEqual(load(await subject.store.load(name)));
    });

    it('keeps the log when asked to (a round still needs its replay)', async () => {
      const name = uniqueName();
      const { updates } = history(10);
      await subject.store.append(name, updates);
      await subject.store.compact(name, { keepLog: true });
      expect(await subject.store.readLog(name)).toHaveLength(updates.length);
    });

    it('merges an extra state into the fold, so what only memory held is kept', async () => {
      const name = uniqueName();
      const { updates } = history(5);
      await subject.store.append(name, updates);
      const memory = new Y.Doc();
      for (const { update } of updates) Y.applyUpdate(memory, update);
      memory.getMap<number>('m').set('only-in-memory', 1);
      await subject.store.compact(name, { extra: Y.encodeStateAsUpdate(memory) });
      expect(load(await subject.store.load(name))).toHaveProperty('only-in-memory', 1);
    });

    it('loses nothing when appends race a compaction', async () => {
      const name = uniqueName();
      const doc = new Y.Doc();
      const pending: StoredUpdate[] = [];
      doc.on('update', (update: Uint8Array) => pending.push({ at: 1, update }));
      const map = doc.getMap<number>('m');
      const writes: Promise<void>[] = [];
      for (let round = 0; round < 10; round++) {
        for (let i = 0; i < 10; i++) map.set(`r${round}-${i}`, i);
        writes.push(subject.store.append(name, pending.splice(0)));
        writes.push(subject.peer.compact(name).then(() => undefined));
      }
      await Promise.all(writes);
      expect(Object.keys(load(await subject.store.load(name)))).toHaveLength(100);
    });

    it('stores a large update intact', async () => {
      const name = uniqueName();
      const doc = new Y.Doc();
      const updates: StoredUpdate[] = [];
      doc.on('update', (update: Uint8Array) => updates.push({ at: 2, update }));
      doc
        .getArray<Uint8Array>('blobs')
        .push([Uint8Array.from({ length: 300_000 }, (_, i) => i % 251)]);
      await subject.store.append(name, updates);
      const copy = new Y.Doc();
      Y.applyUpdate(copy, (await subject.store.load(name))!);
      expect(copy.getArray<Uint8Array>('blobs').get(0)).toEqual(
        doc.getArray<Uint8Array>('blobs').get(0),
      );
    });
  });
}
