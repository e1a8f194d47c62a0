import { describe, expect, it } from '@jest/globals';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { readStrokes } from '@scrawl/drawing-engine';
import { canvasDocName, type PlayerId, type RoomId } from '@scrawl/protocol';
import { RawClient, eventually, hugeStroke, joinNewRoom } from '../testing/index.js';
import { useTestCollab } from '../testing/useTestCollab.js';
import { connectionsOf, isPlayer } from './context.js';

const suite = useTestCollab();

/** The Yjs updates of `name` a raw client received in sync frames of `syncType`. */
function updatesIn(client: RawClient, name: string, syncType = 2): Uint8Array[] {
  return client.received.flatMap((frame) => {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarString(decoder) !== name || decoding.readVarUint(decoder) !== 0) return [];
    return decoding.readVarUint(decoder) === syncType ? [decoding.readVarUint8Array(decoder)] : [];
  });
}

/**
 * What a raw client holds of the canvas: what it sent itself (`own`), the server's first sync
 * answer and every update it received.
 */
function docOf(client: RawClient, name: string, own: Uint8Array[] = []): Y.Doc {
  const doc = new Y.Doc();
  for (const update of [...own, ...updatesIn(client, name, 1), ...updatesIn(client, name)]) {
    Y.applyUpdate(doc, update);
  }
  return doc;
}

/** Two players on a fresh room's lobby canvas, each on a raw socket that records its frames. */
async function scene() {
  const { roomId, seats } = await joinNewRoom(suite.collab.http, ['Ana', 'Ben']);
  const [ana, ben] = seats as [(typeof seats)[0], (typeof seats)[0]];
  const canvas = canvasDocName(roomId as RoomId, 0);
  const open = async (token: string) => {
    const raw = new RawClient(suite.collab.ws);
    suite.track(raw);
    await raw.authenticate(canvas, token);
    // Sync step 1 of an empty document: the server answers with what it holds.
    raw.sendTyped(canvas, 0, Uint8Array.of(0, 1, 0));
    await eventually(() => expect(updatesIn(raw, canvas, 1)).toHaveLength(1));
    return raw;
  };
  const connection = (playerId: string) => {
    const [found] = connectionsOf(suite.collab.server.hocuspocus, canvas, (context) =>
      isPlayer(context, roomId as RoomId, playerId as PlayerId),
    );
    if (!found) throw new Error(`no connection of ${playerId}`);
    return found;
  };
  return {
    canvas,
    ana,
    ben,
    anaRaw: await open(ana.token),
    benRaw: await open(ben.token),
    connection,
  };
}

describe("the sender's own updates", () => {
  it('go to everyone but their sender, who gets the acknowledgement', async () => {
    const s = await scene();
    const anas = hugeStroke(new Y.Doc(), s.ana.playerId, 3, 'ana-1');
    s.anaRaw.sendUpdate(s.canvas, anas);
    await eventually(() => expect(readStrokes(docOf(s.benRaw, s.canvas))).toHaveLength(1));
    // Ben draws next: Ana receives his stroke, and nothing of her own before it.
    const bens = hugeStroke(docOf(s.benRaw, s.canvas), s.ben.playerId, 2, 'ben-1');
    s.benRaw.sendUpdate(s.canvas, bens);
    await eventually(() =>
      expect(readStrokes(docOf(s.anaRaw, s.canvas, [anas])).map((st) => st.id)).toEqual([
        'ana-1',
        'ben-1',
      ]),
    );
    expect(updatesIn(s.anaRaw, s.canvas)).toHaveLength(1);
    expect(updatesIn(s.benRaw, s.canvas)).toHaveLength(1);
    // Hocuspocus acknowledged each sender's update (SyncStatus, message type 8).
    const acks = (raw: RawClient) =>
      raw.received.filter((frame) => {
        const decoder = decoding.createDecoder(frame);
        return decoding.readVarString(decoder) === s.canvas && decoding.readVarUint(decoder) === 8;
      }).length;
    expect(acks(s.anaRaw)).toBe(1);
    expect(acks(s.benRaw)).toBe(1);
  });

  it('reach both senders when updates of two connections go out in one flush', async () => {
    const s = await scene();
    const document = suite.collab.server.hocuspocus.documents.get(s.canvas)!;
    const origin = (playerId: string) => ({
      source: 'connection',
      connection: s.connection(playerId),
    });
    // As the server reads two sockets in one turn: both updates wait for the same flush.
    Y.applyUpdate(
      document,
      hugeStroke(new Y.Doc(), s.ana.playerId, 2, 'ana-1'),
      origin(s.ana.playerId),
    );
    Y.applyUpdate(
      document,
      hugeStroke(new Y.Doc(), s.ben.playerId, 2, 'ben-1'),
      origin(s.ben.playerId),
    );
    for (const raw of [s.anaRaw, s.benRaw]) {
      await eventually(() =>
        expect(
          readStrokes(docOf(raw, s.canvas))
            .map((st) => st.id)
            .sort(),
        ).toEqual(['ana-1', 'ben-1']),
      );
    }
  });

  it('reach their sender when they complete structs that waited for them', async () => {
    const s = await scene();
    const document = suite.collab.server.hocuspocus.documents.get(s.canvas)!;
    // Ben's stroke in two updates; the second reaches the server first and waits.
    const bens = new Y.Doc();
    const first = hugeStroke(bens, s.ben.playerId, 2, 'ben-1');
    const second = hugeStroke(bens, s.ben.playerId, 2, 'ben-2');
    const ben = { source: 'connection', connection: s.connection(s.ben.playerId) };
    const ana = { source: 'connection', connection: s.connection(s.ana.playerId) };
    Y.applyUpdate(document, second, ben);
    expect(readStrokes(document)).toHaveLength(0);
    // The missing part arrives through Ana's connection (as a relay would bring it): the
    // flush holds Ben's second stroke too, which Ana has never had.
    Y.applyUpdate(document, first, ana);
    await eventually(() =>
      expect(readStrokes(docOf(s.anaRaw, s.canvas, [first])).map((st) => st.id)).toEqual([
        'ben-1',
        'ben-2',
      ]),
    );
  });
});
