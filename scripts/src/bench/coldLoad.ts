import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { readStrokes } from '@scrawl/drawing-engine';
import {
  canvasDocName,
  createRoomResponseSchema,
  joinRoomResponseSchema,
  type RoomId,
} from '@scrawl/protocol';
import { now, sleep, waitFor } from './clock.js';
import { rssBytes } from './procStats.js';
import { seedCanvas, type SeededCanvas } from './seedCanvas.js';
import { startTarget, type Target } from './targets/Target.js';
import type { Trace } from './trace.js';

/** Copies of the big document loaded at once to measure memory per loaded room. */
const MEMORY_ROOMS = 3;
/** Strokes of the big document kept as a log tail (what compaction leaves, at most). */
const BIG_TAIL_STROKES = 20;
/** Warm joins measured per document; the median is reported. */
const WARM_JOINS = 5;

/** Time to a fully synced watcher on one stored document. */
export interface JoinTimes {
  readonly strokes: number;
  readonly points: number;
  /** Bytes in the store: folded state plus log entries. */
  readonly storedBytes: number;
  readonly logEntries: number;
  /** First watcher: the server loads the document from the store, ms. */
  readonly coldSyncMs: number;
  /** The server's load: the store read and applying it to the document (scrawl_collab_store_seconds, load), ms. */
  readonly storeLoadMs: number;
  /** Median of later watchers, the document already loaded, ms. */
  readonly warmSyncMs: number;
  /** Strokes the watcher saw, all finished (must equal `strokes`). */
  readonly syncedStrokes: number;
}

export interface ColdLoadResult {
  readonly store: 'sql' | 'redis';
  /** The big document: a lobby board of many strokes, folded state plus a log tail. */
  readonly big: JoinTimes;
  /** A round's canvas: its whole log, one entry per flush, as a round keeps it. */
  readonly round: JoinTimes;
  /** Server RSS per loaded big-document room, MB. */
  readonly rssPerBigRoomMb: number;
  /** What the big document itself holds on the heap (ColdDocs.bigHeapMb), MB. */
  readonly documentHeapMb: number;
}

/** The seeded documents, drawn once and stored into both stores. */
export interface ColdDocs {
  readonly big: SeededCanvas;
  readonly round: SeededCanvas;
  /**
   * Heap held by a Y.Doc with the big document loaded, after a full GC, MB: the live part of
   * the server's memory per room (the rest of its RSS is V8's headroom and garbage).
   */
  readonly bigHeapMb: number;
}

export function drawColdDocs(trace: Trace, bigStrokes: number, roundStrokes: number): ColdDocs {
  const big = seedCanvas(trace, bigStrokes, Math.min(BIG_TAIL_STROKES, bigStrokes), 'seed-drawer');
  return {
    big,
    round: seedCanvas(trace, roundStrokes, roundStrokes, 'seed-drawer'),
    bigHeapMb: documentHeapMb(big),
  };
}

/** Heap per Y.Doc holding `seeded`, after full collections, MB (MEMORY_ROOMS copies). */
function documentHeapMb(seeded: SeededCanvas): number {
  // The harness runs without --expose-gc; this gives it the collector's function.
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const settled = () => {
    gc();
    gc();
    return process.memoryUsage();
  };
  const before = settled();
  const held: Y.Doc[] = [];
  for (let i = 0; i < MEMORY_ROOMS; i++) {
    const doc = new Y.Doc();
    doc.transact(() => {
      Y.applyUpdate(doc, seeded.state);
      for (const update of seeded.tail) Y.applyUpdate(doc, update);
    });
    held.push(doc);
  }
  const after = settled();
  // Destroyed only now: the documents stay reachable through the measurement.
  for (const doc of held) doc.destroy();
  const bytes = after.heapUsed - before.heapUsed + (after.arrayBuffers - before.arrayBuffers);
  return bytes / MEMORY_ROOMS / 2 ** 20;
}

/** Seeds the documents into one store and times watchers joining them. */
export async function measureColdLoad(
  store: 'sql' | 'redis',
  docs: ColdDocs,
  core: number | null,
): Promise<ColdLoadResult> {
  const target = await startTarget('scrawl', { core, redis: store === 'redis' });
  const clients: HocuspocusProviderWebsocket[] = [];
  try {
    const http = target.http[0]!;
    const rooms: { roomId: RoomId; code: string }[] = [];
    for (let i = 0; i < MEMORY_ROOMS; i++) {
      rooms.push(
        createRoomResponseSchema.parse(await post(`${http}/api/rooms`, { public: false })),
      );
    }
    const opened = target.openStore();
    if (!opened) throw new Error('the Scrawl target has no store');
    let bigBytes = 0;
    for (const room of rooms) {
      bigBytes = await seed(opened.store, canvasDocName(room.roomId, 0), docs.big);
    }
    const roundName = canvasDocName(rooms[0]!.roomId, 1);
    const roundBytes = await seed(opened.store, roundName, docs.round);
    await opened.close();
    await sleep(500);
    const server = target.servers[0]!;
    const rssBefore = rssBytes(server.pid) ?? 0;

    const join = async (room: { code: string }, name: string, expect: number) => {
      const seat = joinRoomResponseSchema.parse(
        await post(`${http}/api/rooms/${room.code}/join`, { name: 'watcher', role: 'spectator' }),
      );
      const started = now();
      const socket = new HocuspocusProviderWebsocket({
        url: target.ws[0]!,
        WebSocketPolyfill: WebSocket,
      });
      clients.push(socket);
      const doc = new Y.Doc();
      const provider = new HocuspocusProvider({
        websocketProvider: socket,
        name,
        document: doc,
        token: seat.token,
      });
      provider.attach();
      await waitFor(`${name} synced`, () => (provider.isSynced ? true : null), 30_000, 1);
      const ms = now() - started;
      const strokes = readStrokes(doc).filter((s) => s.done).length;
      if (strokes !== expect)
        throw new Error(`${name}: ${strokes} of ${expect} strokes after sync`);
      return { ms, strokes };
    };
    const times = async (
      room: { code: string },
      name: string,
      seeded: SeededCanvas,
      bytes: number,
      entries: number,
    ) => {
      const loadBefore = await storeLoadSeconds(http);
      const cold = await join(room, name, seeded.strokes);
      const storeLoadMs = ((await storeLoadSeconds(http)) - loadBefore) * 1000;
      const warm: number[] = [];
      for (let i = 0; i < WARM_JOINS; i++) warm.push((await join(room, name, seeded.strokes)).ms);
      warm.sort((a, b) => a - b);
      return {
        strokes: seeded.strokes,
        points: seeded.points,
        storedBytes: bytes,
        logEntries: entries,
        coldSyncMs: cold.ms,
        storeLoadMs,
        warmSyncMs: warm[Math.floor(warm.length / 2)] ?? 0,
        syncedStrokes: cold.strokes,
      } satisfies JoinTimes;
    };
    const big = await times(
      rooms[0]!,
      canvasDocName(rooms[0]!.roomId, 0),
      docs.big,
      bigBytes,
      docs.big.tail.length,
    );
    for (const room of rooms.slice(1))
      await join(room, canvasDocName(room.roomId, 0), docs.big.strokes);
    await sleep(1000);
    const rssAfter = rssBytes(server.pid) ?? 0;
    const round = await times(rooms[0]!, roundName, docs.round, roundBytes, docs.round.tail.length);
    return {
      store,
      big,
      round,
      rssPerBigRoomMb: (rssAfter - rssBefore) / MEMORY_ROOMS / 2 ** 20,
      documentHeapMb: docs.bigHeapMb,
    };
  } finally {
    for (const socket of clients) {
      // A socket still connecting (a join that timed out) reports its close as an 'error'
      // event: without a listener that would end the process and hide the real failure.
      socket.webSocket?.addEventListener('error', () => {});
      socket.destroy();
    }
    await target.stop();
  }
}

/** Stores a seeded canvas as the server would have: folded state, then the log tail. */
async function seed(
  store: NonNullable<ReturnType<Target['openStore']>>['store'],
  name: string,
  canvas: SeededCanvas,
): Promise<number> {
  const at = Date.now();
  if (canvas.state.byteLength > 2) {
    await store.append(name, [{ at, update: canvas.state }]);
    await store.compact(name);
  }
  if (canvas.tail.length > 0) {
    await store.append(
      name,
      canvas.tail.map((update, i) => ({ at: at + i, update })),
    );
  }
  return (
    (canvas.state.byteLength > 2 ? canvas.state.byteLength : 0) +
    canvas.tail.reduce((sum, u) => sum + u.byteLength, 0)
  );
}

async function storeLoadSeconds(http: string): Promise<number> {
  const text = await (await fetch(`${http}/metrics`)).text();
  const match = /scrawl_collab_store_seconds_sum\{operation="load"\} ([0-9.e+-]+)/.exec(text);
  return match ? Number(match[1]) : 0;
}

async function post(url: string, body: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return response.json();
}
