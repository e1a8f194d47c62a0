import { describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { StrokeWriter, readStrokes } from '@scrawl/drawing-engine';
import {
  GAME_STATE_KEY,
  canvasDocName,
  gameDocName,
  serviceToken,
  withDocumentAliases,
  type RoomId,
} from '@scrawl/protocol';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { RawClient, TEST_SECRETS, TestClient, eventually, joinNewRoom } from '../testing/index.js';
import { useTestCollab } from '../testing/useTestCollab.js';

const suite = useTestCollab();
const client = () => suite.track(new TestClient(suite.collab.ws));

const presence = (seat: { playerId: string; name: string; color: string; role: string }) => ({
  player: { id: seat.playerId, name: seat.name, color: seat.color, role: seat.role },
});

describe('collab-server documents', () => {
  it("shows a player's stroke to another player while it is being drawn", async () => {
    const { roomId, seats } = await joinNewRoom(suite.collab.http, ['Ana', 'Ben']);
    const [ana, ben] = seats;
    const name = canvasDocName(roomId as RoomId, 0);
    const anaDoc = (await client().open(name, ana!.token)).document;
    const benDoc = (await client().open(name, ben!.token)).document;

    const writer = new StrokeWriter(
      anaDoc,
      { id: 'st-1', author: ana!.playerId, tool: 'brush', color: '#ff0000', width: 8 },
      'test',
    );
    writer.add({ x: 100, y: 100, pressure: 0.5, t: 0 });
    writer.flush();
    await eventually(() =>
      expect(readStrokes(benDoc)).toMatchObject([
        { id: 'st-1', done: false, points: [{ x: 400 }] },
      ]),
    );
    writer.add({ x: 110, y: 105, pressure: 0.5, t: 16 });
    writer.flush();
    await eventually(() => expect(readStrokes(benDoc)[0]?.points).toHaveLength(2));
    writer.finish();
    await eventually(() => expect(readStrokes(benDoc)[0]?.done).toBe(true));
  });

  it('names documents in two bytes to clients that ask for aliases, beside plain clients', async () => {
    const { roomId, seats } = await joinNewRoom(suite.collab.http, ['Ana', 'Ben']);
    const [ana, ben] = seats;
    const name = canvasDocName(roomId as RoomId, 0);
    const wire: Uint8Array[] = [];
    class Recording extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols);
        this.on('message', (data: Buffer) => wire.push(new Uint8Array(data)));
      }
    }
    const anaClient = suite.track(new TestClient(suite.collab.ws, withDocumentAliases(Recording)));
    const anaDoc = (await anaClient.open(name, ana!.token)).document;
    const benDoc = (await client().open(name, ben!.token)).document;

    const draw = (doc: Y.Doc, id: string, author: string) => {
      const writer = new StrokeWriter(
        doc,
        { id, author, tool: 'brush', color: '#000000', width: 4 },
        'test',
      );
      for (let i = 0; i < 5; i++) {
        writer.add({ x: 100 + i * 10, y: 100, pressure: 0.5, t: i * 16 });
        writer.flush();
      }
      writer.finish();
    };
    draw(anaDoc, 'st-ana', ana!.playerId);
    await eventually(() =>
      expect(readStrokes(benDoc)).toMatchObject([{ id: 'st-ana', done: true }]),
    );
    draw(benDoc, 'st-ben', ben!.playerId);
    const both = [
      { id: 'st-ana', done: true },
      { id: 'st-ben', done: true },
    ];
    await eventually(() => expect(readStrokes(anaDoc)).toMatchObject(both));
    expect(readStrokes(benDoc)).toMatchObject(both);

    // The server named the canvas in full once, then by its alias (0: the first document).
    const named = wire.filter((frame) => frame[0] === name.length);
    const aliased = wire.filter((frame) => frame[0] === 0);
    expect(named).toHaveLength(1);
    expect(aliased.length).toBeGreaterThan(5);
    for (const frame of aliased) expect(frame[1]).toBe(0);
  });

  it('opens the game document read-only for players and writable for the referee', async () => {
    const { roomId, seats } = await joinNewRoom(suite.collab.http, ['Ana']);
    const game = gameDocName(roomId as RoomId);
    const player = await client().open(game, seats[0]!.token);
    expect(player.authorizedScope).toBe('readonly');
    const referee = await client().open(
      game,
      serviceToken('ref-test', TEST_SECRETS.REFEREE_SECRET),
    );
    expect(referee.authorizedScope).toBe('read-write');
    referee.document.getMap(GAME_STATE_KEY).set('phase', 'lobby');
    await eventually(() =>
      expect(player.document.getMap(GAME_STATE_KEY).get('phase')).toBe('lobby'),
    );

    player.document.getMap(GAME_STATE_KEY).set('phase', 'gameEnd');
    const fresh = await client().open(game, seats[0]!.token, new Y.Doc());
    await eventually(() =>
      expect(fresh.document.getMap(GAME_STATE_KEY).get('phase')).toBe('lobby'),
    );
    expect(referee.document.getMap(GAME_STATE_KEY).get('phase')).toBe('lobby');
  });

  it('opens canvases read-only for spectators', async () => {
    const { roomId, code, seats } = await joinNewRoom(suite.collab.http, ['Ana']);
    const spectatorSeat = await (
      await import('../testing/index.js')
    ).joinRoom(suite.collab.http, code, 'Sam', 'spectator');
    const canvas = canvasDocName(roomId as RoomId, 0);
    expect((await client().open(canvas, spectatorSeat.token)).authorizedScope).toBe('readonly');
    expect((await client().open(canvas, seats[0]!.token)).authorizedScope).toBe('read-write');
  });

  it('refuses a token for another room, a bad token and an unknown document', async () => {
    const first = await joinNewRoom(suite.collab.http, ['Ana']);
    const second = await joinNewRoom(suite.collab.http, ['Ben']);
    await expect(
      client().open(canvasDocName(second.roomId as RoomId, 0), first.seats[0]!.token),
    ).rejects.toThrow('refused: forbidden');
    await expect(
      client().open(canvasDocName(first.roomId as RoomId, 0), 'garbage'),
    ).rejects.toThrow('refused: unauthorized');
    await expect(client().open('room/../../etc', first.seats[0]!.token)).rejects.toThrow(
      'refused: unknown-document',
    );
    await expect(
      client()
        .open(canvasDocName(first.roomId as RoomId, 3), first.seats[0]!.token)
        .then((p) => p.authorizedScope),
    ).resolves.toBe('readonly');
  });

  it('closes a connection that announces presence under another identity, and peers never see it', async () => {
    const { roomId, seats } = await joinNewRoom(suite.collab.http, ['Ana', 'Ben']);
    const game = gameDocName(roomId as RoomId);
    const watcher = await client().open(game, seats[1]!.token);
    const honest = await client().open(game, seats[0]!.token);
    honest.awareness?.setLocalState(presence(seats[0]!));
    await eventually(() => expect(watcher.awareness?.getStates().size).toBe(2));

    const forger = client();
    const forged = await forger.open(game, seats[1]!.token);
    const closed = new Promise<void>((resolve) => forged.on('close', () => resolve()));
    forged.awareness?.setLocalState(presence(seats[0]!));
    await closed;
    const names = [...(watcher.awareness?.getStates().values() ?? [])].map(
      (state) => (state as { player?: { id: string } }).player?.id,
    );
    expect(names.filter((id) => id === seats[0]!.playerId)).toHaveLength(1);
  });
});

/** The y-protocols sync type of each sync frame received, for one document. */
function syncTypes(frames: readonly Uint8Array[], documentName: string): number[] {
  return frames.flatMap((frame) => {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarString(decoder) !== documentName) return [];
    return decoding.readVarUint(decoder) === 0 ? [decoding.readVarUint(decoder)] : [];
  });
}

describe('collab-server: updates that build on content the server lacks', () => {
  it('holds such an update, asks the sender for what is missing, and lands the answer whole', async () => {
    const { roomId, seats } = await joinNewRoom(suite.collab.http, ['Ana', 'Ben']);
    const [ana, ben] = seats;
    const name = canvasDocName(roomId as RoomId, 0);
    const benDoc = (await client().open(name, ben!.token)).document;

    // Ana's stroke in two updates; the first is lost on the way.
    const local = new Y.Doc();
    const updates: Uint8Array[] = [];
    local.on('update', (update: Uint8Array) => updates.push(update));
    const writer = new StrokeWriter(
      local,
      { id: 'st-lost', author: ana!.playerId, tool: 'brush', color: '#00ff00', width: 6 },
      'test',
    );
    writer.add({ x: 10, y: 10, pressure: 0.5, t: 0 });
    writer.flush();
    const lost = updates.length;
    writer.add({ x: 60, y: 40, pressure: 0.5, t: 16 });
    writer.flush();
    writer.finish();

    const raw = new RawClient(suite.collab.ws);
    await raw.authenticate(name, ana!.token);
    const before = syncTypes(raw.received, name).filter((type) => type === 0).length;
    for (const update of updates.slice(lost)) raw.sendUpdate(name, update);
    // Not refused: the server asks (sync step 1) for what the update builds on.
    await eventually(() =>
      expect(syncTypes(raw.received, name).filter((type) => type === 0).length).toBe(before + 1),
    );
    expect(readStrokes(benDoc)).toEqual([]);
    raw.sendUpdate(name, Y.encodeStateAsUpdate(local));
    await eventually(() =>
      expect(readStrokes(benDoc)).toEqual([
        expect.objectContaining({
          id: 'st-lost',
          done: true,
          points: readStrokes(local)[0]!.points,
        }),
      ]),
    );
    const closed = await Promise.race([
      raw.closed,
      new Promise((resolve) => setTimeout(() => resolve('open'), 200)),
    ]);
    expect(closed).toBe('open');
    raw.close();
  });
});

describe('collab-server persistence (SQL store)', () => {
  it('keeps a drawing across a server restart', async () => {
    const { roomId, seats } = await joinNewRoom(suite.collab.http, ['Ana']);
    const name = canvasDocName(roomId as RoomId, 0);
    const drawer = client();
    const doc = (await drawer.open(name, seats[0]!.token)).document;
    for (let s = 0; s < 3; s++) {
      const writer = new StrokeWriter(
        doc,
        { id: `st-${s}`, author: seats[0]!.playerId, tool: 'brush', color: '#000000', width: 4 },
        'test',
      );
      for (let i = 0; i < 20; i++) {
        writer.add({ x: 10 * s + i, y: i, pressure: 0.5, t: i * 16 });
        if (i % 5 === 0) writer.flush();
      }
      writer.finish();
    }
    await eventually(() =>
      expect(suite.collab.server.hocuspocus.documents.get(name)?.getArray('strokes').length).toBe(
        3,
      ),
    );
    const expected = readStrokes(doc);
    drawer.close();
    await suite.restart();

    const reloaded = (await client().open(name, seats[0]!.token)).document;
    expect(readStrokes(reloaded)).toEqual(expected);
  });
});
