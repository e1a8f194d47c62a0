import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { StrokeWriter, readStrokes } from '@scrawl/drawing-engine';
import { canvasDocName, type RoomId } from '@scrawl/protocol';
import * as Y from 'yjs';
import {
  TestClient,
  createTestDatabase,
  eventually,
  joinNewRoom,
  startTestCollab,
  type TestCollab,
} from '../testing/index.js';
import type { CompactionResult, DocumentStore, StoredUpdate } from './DocumentStore.js';

/**
 * The real SQL store with an outage switch: while `down`, every call fails as with a lost
 * database connection. Fault injection, not a fake: the test suites share one Postgres that
 * cannot be stopped under them (the chaos suite's store-outage scenarios stop a private one).
 */
class StoreWithOutage implements DocumentStore {
  down = false;
  constructor(private readonly inner: DocumentStore) {}

  private async reach<T>(call: () => Promise<T>): Promise<T> {
    if (this.down) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
    return call();
  }

  load(name: string): Promise<Uint8Array | null> {
    return this.reach(() => this.inner.load(name));
  }

  loadParts(name: string): Promise<Uint8Array[]> {
    return this.reach(() => this.inner.loadParts(name));
  }

  append(name: string, updates: readonly StoredUpdate[]): Promise<void> {
    return this.reach(() => this.inner.append(name, updates));
  }

  readLog(name: string): Promise<StoredUpdate[]> {
    return this.reach(() => this.inner.readLog(name));
  }

  compact(
    name: string,
    options?: { extra?: Uint8Array; keepLog?: boolean },
  ): Promise<CompactionResult> {
    return this.reach(() => this.inner.compact(name, options));
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let collab: TestCollab;
let store: StoreWithOutage;

beforeAll(async () => {
  database = await createTestDatabase();
  collab = await startTestCollab({
    databaseUrl: database.url,
    wrapStore: (real) => (store = new StoreWithOutage(real)),
  });
});
afterAll(async () => {
  store.down = false;
  await collab.stop();
  await database.drop();
});

function drawStroke(doc: Y.Doc, id: string, author: string): void {
  const writer = new StrokeWriter(
    doc,
    { id, author, tool: 'brush', color: '#222222', width: 4 },
    'test',
  );
  for (let i = 0; i < 6; i++) writer.add({ x: 10 + i, y: 20 + i, pressure: 0.5, t: i * 16 });
  writer.finish();
}

describe('a board everyone left during a store outage', () => {
  it('is stored and unloaded once the store is back, with what was drawn during the outage', async () => {
    const { roomId, seats } = await joinNewRoom(collab.http, ['Ana']);
    const name = canvasDocName(roomId as RoomId, 0);
    const ana = new TestClient(collab.ws);
    const board = (await ana.open(name, seats[0]!.token)).document;
    drawStroke(board, 'before', seats[0]!.playerId);
    await eventually(() => expect(ana.providers[0]!.hasUnsyncedChanges).toBe(false));

    store.down = true;
    drawStroke(board, 'during', seats[0]!.playerId);
    // Past the write-ahead deadline the server applies it anyway and acknowledges it.
    await eventually(() => expect(ana.providers[0]!.hasUnsyncedChanges).toBe(false), {
      timeoutMs: 5000,
    });
    // Meanwhile the store counts as failing: this one is applied without waiting, and its
    // change starts the debounced store hook that Ana's leaving runs at once.
    drawStroke(board, 'late', seats[0]!.playerId);
    await eventually(() => expect(ana.providers[0]!.hasUnsyncedChanges).toBe(false));
    const hocuspocus = collab.server.hocuspocus;
    const document = hocuspocus.documents.get(name);
    if (!document) throw new Error('the board is not loaded');
    ana.close();
    // Its store hook ran and failed (nothing debounced or running, nobody connected), and the
    // document stays loaded: its last update is only in memory.
    await eventually(() => expect(hocuspocus.shouldUnloadDocument(document)).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(hocuspocus.documents.get(name)).toBe(document);

    store.down = false;
    await eventually(() => expect(hocuspocus.documents.has(name)).toBe(false), {
      timeoutMs: 15_000,
    });
    // Folded into the stored state: a fresh load holds every stroke.
    const stored = await store.loadParts(name);
    const loaded = new Y.Doc();
    for (const part of stored) Y.applyUpdate(loaded, part);
    expect(readStrokes(loaded).map((s) => s.id)).toEqual(['before', 'during', 'late']);
    expect(await store.readLog(name)).toEqual([]);
  });
});
