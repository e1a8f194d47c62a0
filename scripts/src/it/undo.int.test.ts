import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import {
  TestClient,
  createTestDatabase,
  eventually,
  joinNewRoom,
  startTestCollab,
  type TestCollab,
} from '@scrawl/collab-server/testing';
import { canvasDocName, type JoinRoomResponse, type RoomId } from '@scrawl/protocol';
import {
  StrokeWriter,
  createStrokeUndo,
  readStrokes,
  type StrokeView,
} from '@scrawl/drawing-engine';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let collab: TestCollab;
const clients: TestClient[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  collab = await startTestCollab({ databaseUrl: database.url });
});
afterAll(async () => {
  for (const client of clients.splice(0)) client.close();
  await collab.stop();
  await database.drop();
});

/** A player on the lobby board: their own document, provider, writer origin and undo. */
async function player(roomId: string, seat: JoinRoomResponse) {
  const client = new TestClient(collab.ws);
  clients.push(client);
  const doc = new Y.Doc();
  const provider = await client.open(canvasDocName(roomId as RoomId, 0), seat.token, doc);
  provider.awareness?.setLocalState({
    player: { id: seat.playerId, name: seat.name, color: seat.color, role: seat.role },
    cursor: null,
  });
  const origin = { source: `web-${seat.name}` };
  const undo = createStrokeUndo(doc, origin);
  /** Draws a stroke live, one chunk per frame, and returns its id. */
  const draw = (id: string, offset: number) => {
    const writer = new StrokeWriter(
      doc,
      { id, author: seat.playerId, tool: 'brush', color: '#1f2328', width: 6 },
      origin,
    );
    for (let frame = 0; frame < 6; frame++) {
      writer.add(
        { x: 100 + offset + frame * 7, y: 200 + frame * 3, pressure: 0.4, t: frame * 16 },
        { x: 103 + offset + frame * 7, y: 202 + frame * 3, pressure: 0.6, t: frame * 16 + 8 },
      );
      writer.flush();
    }
    writer.finish();
    return id;
  };
  return { doc, undo, draw };
}

const ids = (doc: Y.Doc) => readStrokes(doc).map((stroke) => stroke.id);
const byId = (doc: Y.Doc, id: string): StrokeView | undefined =>
  readStrokes(doc).find((stroke) => stroke.id === id);

describe('per-player undo on a shared board', () => {
  it('[U1] [U3] undoes only the undoer’s last stroke, seen from both sides; redo restores it', async () => {
    const room = await joinNewRoom(collab.http, ['Ana', 'Ben']);
    const [anaSeat, benSeat] = room.seats;
    if (!anaSeat || !benSeat) throw new Error('two seats');
    const ana = await player(room.roomId, anaSeat);
    const ben = await player(room.roomId, benSeat);

    const drawn = [ana.draw('a1', 0), ben.draw('b1', 50), ana.draw('a2', 100), ben.draw('b2', 150)];
    for (const doc of [ana.doc, ben.doc]) {
      await eventually(() => expect([...ids(doc)].sort()).toEqual([...drawn].sort()));
    }
    const original = { a2: byId(ana.doc, 'a2'), b2: byId(ben.doc, 'b2') };
    expect(original.a2?.points).toHaveLength(12);

    ana.undo.undo();
    for (const doc of [ana.doc, ben.doc]) {
      await eventually(() => expect([...ids(doc)].sort()).toEqual(['a1', 'b1', 'b2']));
    }

    ben.undo.undo();
    for (const doc of [ana.doc, ben.doc]) {
      await eventually(() => expect([...ids(doc)].sort()).toEqual(['a1', 'b1']));
    }

    ana.undo.redo();
    ben.undo.redo();
    for (const doc of [ana.doc, ben.doc]) {
      await eventually(() => {
        expect([...ids(doc)].sort()).toEqual(['a1', 'a2', 'b1', 'b2']);
        expect(byId(doc, 'a2')).toEqual(original.a2);
        expect(byId(doc, 'b2')).toEqual(original.b2);
      });
    }

    ben.undo.undo();
    ben.undo.undo();
    for (const doc of [ana.doc, ben.doc]) {
      await eventually(() => expect([...ids(doc)].sort()).toEqual(['a1', 'a2']));
    }
  });
});
