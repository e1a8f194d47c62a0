import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { canvasDocName, joinRoomResponseSchema } from '@scrawl/protocol';
import { BOARD_HEIGHT, BOARD_WIDTH, StrokeWriter } from '@scrawl/drawing-engine';
import { eventually } from '@scrawl/collab-server/testing';

/** Strokes sent per update: well inside the server's per-update and per-second limits. */
const BATCH = 100;
/** Samples per seeded stroke: a short squiggle, like most strokes of a drawing. */
const POINTS = 12;

/** Waits (up to 15 s) until a condition holds. */
async function until(condition: () => boolean, failure: string): Promise<void> {
  await eventually(
    () => {
      if (!condition()) throw new Error(failure);
    },
    { timeoutMs: 15_000 },
  );
}

/** A small deterministic random source, so every run seeds the same board. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Another player joins the room over the HTTP API and draws `count` strokes on the lobby
 * board through a real Hocuspocus connection, as a busy board would have them.
 */
export async function seedStrokes(baseUrl: string, code: string, count: number): Promise<void> {
  const response = await fetch(`${baseUrl}/api/rooms/${code}/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Seeder' }),
  });
  const seat = joinRoomResponseSchema.parse(await response.json());
  const socket = new HocuspocusProviderWebsocket({
    url: `${baseUrl.replace(/^http/, 'ws')}/collab`,
    WebSocketPolyfill: WebSocket,
  });
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: canvasDocName(seat.roomId, 0),
    document: doc,
    token: seat.token,
  });
  provider.attach();
  await until(() => provider.isSynced, 'the seeder never synced');
  const next = random(2000);
  const origin = { source: 'seed' };
  for (let start = 0; start < count; start += BATCH) {
    doc.transact(() => {
      for (let i = start; i < Math.min(count, start + BATCH); i++) {
        const writer = new StrokeWriter(
          doc,
          {
            id: `seed${String(i).padStart(12, '0')}`,
            author: seat.playerId,
            tool: 'brush',
            color: `#${Math.floor(next() * 0xffffff)
              .toString(16)
              .padStart(6, '0')}`,
            width: 2 + Math.floor(next() * 20),
          },
          origin,
        );
        let x = next() * BOARD_WIDTH;
        let y = next() * BOARD_HEIGHT;
        for (let p = 0; p < POINTS; p++) {
          x = Math.min(BOARD_WIDTH, Math.max(0, x + (next() - 0.5) * 60));
          y = Math.min(BOARD_HEIGHT, Math.max(0, y + (next() - 0.5) * 60));
          writer.add({ x, y, pressure: 0.5, t: p * 16 });
        }
        writer.finish();
      }
    }, origin);
    await until(() => !provider.hasUnsyncedChanges, 'the server did not take the strokes');
  }
  provider.destroy();
  socket.destroy();
}
