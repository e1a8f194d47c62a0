import { describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { StrokeWriter, readStrokes } from '@scrawl/drawing-engine';
import {
  CloseCodes,
  DOCUMENT_ALIASES_PROTOCOL,
  GAME_STATE_KEY,
  canvasDocName,
  gameDocName,
  serviceToken,
  type JoinRoomResponse,
  type RoomId,
} from '@scrawl/protocol';
import {
  AttackFrame,
  RawClient,
  TEST_SECRETS,
  TestClient,
  appendToFirstStroke,
  broadcastStatelessBody,
  craftUpdate as craft,
  deleteFirstStroke,
  eventually,
  forgedStroke,
  graffiti,
  hugeStroke,
  joinNewRoom,
  presenceBody,
  presenceTrail,
  startTestCollab,
} from '../testing/index.js';
import { useTestCollab } from '../testing/useTestCollab.js';

const LIMITS = {
  LIMIT_FRAME_BYTES: String(64 * 1024),
  LIMIT_UPDATES_PER_S: '20',
  LIMIT_POINTS_PER_UPDATE: '1000',
  LIMIT_PREAUTH_MESSAGES: '20',
};

const suite = useTestCollab(LIMITS);
const { track, closeTracked } = suite;

/** A room with Ana drawing one stroke on the lobby board and Carl watching every update. */
async function scene() {
  const room = await joinNewRoom(suite.collab.http, ['Ana', 'Ben', 'Carl']);
  const [ana, ben, carl] = room.seats as [JoinRoomResponse, JoinRoomResponse, JoinRoomResponse];
  const canvas = canvasDocName(room.roomId as RoomId, 0);
  const anaDoc = (await track(new TestClient(suite.collab.ws)).open(canvas, ana.token)).document;
  const writer = new StrokeWriter(
    anaDoc,
    { id: 'ana-1', author: ana.playerId, tool: 'brush', color: '#ff0000', width: 5 },
    'test',
  );
  writer.add({ x: 10, y: 10, pressure: 0.5, t: 0 }, { x: 20, y: 20, pressure: 0.5, t: 16 });
  writer.finish();
  const watcher = await track(new TestClient(suite.collab.ws)).open(canvas, carl.token);
  // Wait for the whole stroke, fold included, so later updates can only come from attacks.
  await eventually(() =>
    expect(Y.encodeStateVector(watcher.document)).toEqual(Y.encodeStateVector(anaDoc)),
  );
  await eventually(() => expect(readStrokes(watcher.document)[0]?.done).toBe(true));
  const seen: Uint8Array[] = [];
  watcher.document.on('update', (update: Uint8Array) => seen.push(update));
  const game = await track(new TestClient(suite.collab.ws)).open(
    gameDocName(room.roomId as RoomId),
    carl.token,
  );
  const statelessSeen: string[] = [];
  game.on('stateless', ({ payload }: { payload: string }) => statelessSeen.push(payload));
  return { ...room, ana, ben, carl, canvas, watcher, seen, statelessSeen, game };
}

/** A copy of the server's document, to craft an update against. */
function serverCopy(name: string): Y.Doc {
  const doc = new Y.Doc();
  const live = suite.collab.server.hocuspocus.documents.get(name);
  if (!live) throw new Error(`${name} is not loaded`);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(live));
  return doc;
}

async function attacker(documentName: string, token: string): Promise<RawClient> {
  const raw = track(new RawClient(suite.collab.ws));
  await raw.authenticate(documentName, token);
  return raw;
}

async function expectHarmless(s: Awaited<ReturnType<typeof scene>>) {
  await new Promise((resolve) => setTimeout(resolve, 150));
  expect(s.seen).toEqual([]);
  expect(readStrokes(s.watcher.document).map((st) => st.id)).toEqual(['ana-1']);
  expect((await fetch(`${suite.collab.http}/healthz`)).status).toBe(200);
}

describe('crafted malicious frames', () => {
  it('closes a player who writes the game document', async () => {
    const s = await scene();
    const name = gameDocName(s.roomId as RoomId);
    const raw = await attacker(name, s.ben.token);
    raw.sendUpdate(
      name,
      craft(serverCopy(name), (d) => d.getMap(GAME_STATE_KEY).set('phase', 'gameEnd')),
    );
    expect((await raw.closed).code).toBe(CloseCodes.forbidden.code);
    expect(s.game.document.getMap(GAME_STATE_KEY).get('phase')).toBeUndefined();
    await expectHarmless(s);
  });

  it("closes a player who deletes another player's stroke", async () => {
    const s = await scene();
    const raw = await attacker(s.canvas, s.ben.token);
    raw.sendUpdate(s.canvas, deleteFirstStroke(serverCopy(s.canvas)));
    expect((await raw.closed).code).toBe(CloseCodes.invalidUpdate.code);
    await expectHarmless(s);
  });

  it('closes a player who forges the author of a stroke', async () => {
    const s = await scene();
    const raw = await attacker(s.canvas, s.ben.token);
    raw.sendUpdate(s.canvas, forgedStroke(serverCopy(s.canvas), s.ana.playerId));
    expect((await raw.closed).code).toBe(CloseCodes.invalidUpdate.code);
    await expectHarmless(s);
  });

  it("closes a player who appends points to another player's stroke", async () => {
    const s = await scene();
    const raw = await attacker(s.canvas, s.ben.token);
    raw.sendUpdate(s.canvas, appendToFirstStroke(serverCopy(s.canvas)));
    expect((await raw.closed).code).toBe(CloseCodes.invalidUpdate.code);
    await expectHarmless(s);
  });

  it('closes a socket that sends a frame larger than the limit', async () => {
    const s = await scene();
    const raw = await attacker(s.canvas, s.ben.token);
    raw.sendUpdate(s.canvas, new Uint8Array(80 * 1024));
    expect((await raw.closed).code).toBe(1009);
    await expectHarmless(s);
  });

  it('closes a socket that sends malformed bytes or a text frame', async () => {
    const s = await scene();
    const garbage = await attacker(s.canvas, s.ben.token);
    garbage.send(Uint8Array.from({ length: 64 }, (_, i) => (i * 97 + 13) % 256));
    expect((await garbage.closed).code).toBe(CloseCodes.invalidUpdate.code);
    const text = await attacker(s.canvas, s.ben.token);
    text.send('{"hello":"world"}');
    expect((await text.closed).code).toBe(CloseCodes.invalidUpdate.code);
    const truncated = await attacker(s.canvas, s.ben.token);
    truncated.sendUpdate(s.canvas, Uint8Array.of(1, 1, 200, 200, 200));
    expect((await truncated.closed).code).toBe(CloseCodes.invalidUpdate.code);
    await expectHarmless(s);
  });

  it('closes a socket that names a document alias it never assigned', async () => {
    const s = await scene();
    const raw = track(new RawClient(suite.collab.ws, [DOCUMENT_ALIASES_PROTOCOL]));
    await raw.authenticate(s.canvas, s.ben.token);
    expect(raw.protocol).toBe(DOCUMENT_ALIASES_PROTOCOL);
    // Alias 0 is the canvas, named in full by the authentication; alias 1 was never given.
    raw.send(Uint8Array.of(0, 0, 0, 0, 1, 0)); // sync step 1 from an empty document
    await eventually(() =>
      expect(raw.received.at(-1)?.slice(0, 3)).toEqual(Uint8Array.of(0, 0, 0)),
    );
    raw.send(Uint8Array.of(0, 1, 0, 0));
    expect(await raw.closed).toEqual({
      code: CloseCodes.invalidUpdate.code,
      reason: CloseCodes.invalidUpdate.reason,
    });
    await expectHarmless(s);
  });

  it("closes a guesser who writes the round's canvas", async () => {
    const s = await scene();
    const referee = await track(new TestClient(suite.collab.ws)).open(
      gameDocName(s.roomId as RoomId),
      serviceToken('ref-test', TEST_SECRETS.REFEREE_SECRET),
    );
    const acks: string[] = [];
    referee.on('stateless', ({ payload }: { payload: string }) => acks.push(payload));
    referee.sendStateless(
      JSON.stringify({
        type: 'canvas/setDrawers',
        id: 'r1',
        roomId: s.roomId,
        round: 1,
        playerIds: [s.ana.playerId],
      }),
    );
    await eventually(() =>
      expect(acks.map((a) => JSON.parse(a) as unknown)).toContainEqual({
        type: 'ack',
        id: 'r1',
        ok: true,
      }),
    );
    const round = canvasDocName(s.roomId as RoomId, 1);
    const drawer = await track(new TestClient(suite.collab.ws)).open(round, s.ana.token);
    expect(drawer.authorizedScope).toBe('read-write');
    const raw = await attacker(round, s.ben.token);
    raw.sendUpdate(
      round,
      craft(new Y.Doc(), (d) => {
        const w = new StrokeWriter(
          d,
          { id: 'cheat', author: s.ben.playerId, tool: 'brush', color: '#000000', width: 3 },
          'x',
        );
        w.add({ x: 1, y: 1, pressure: 0.5, t: 0 });
        w.finish();
      }),
    );
    expect((await raw.closed).code).toBe(CloseCodes.forbidden.code);
    expect(readStrokes(drawer.document)).toEqual([]);
    await expectHarmless(s);
  });

  it("closes a player who announces presence under another player's name", async () => {
    const s = await scene();
    const name = gameDocName(s.roomId as RoomId);
    const raw = await attacker(name, s.ben.token);
    const forged = presenceBody({
      id: s.ana.playerId,
      name: s.ana.name,
      color: s.ana.color,
      role: 'player',
    });
    raw.sendTyped(name, AttackFrame.awareness, forged.body);
    expect((await raw.closed).code).toBe(CloseCodes.invalidUpdate.code);
    expect(s.game.awareness?.getStates().has(forged.clientId)).toBe(false);
    await expectHarmless(s);
  });

  it('closes a socket that sends a server-internal message type', async () => {
    const s = await scene();
    const name = gameDocName(s.roomId as RoomId);
    const raw = await attacker(name, s.ben.token);
    raw.sendTyped(
      name,
      AttackFrame.broadcastStateless,
      broadcastStatelessBody(JSON.stringify({ type: 'notice', level: 'info', text: 'you won' })),
    );
    expect((await raw.closed).code).toBe(CloseCodes.invalidUpdate.code);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(s.statelessSeen).toEqual([]);
    await expectHarmless(s);
  });

  it('closes a socket that floods updates', async () => {
    const s = await scene();
    const raw = await attacker(s.canvas, s.ben.token);
    const doc = serverCopy(s.canvas);
    const w = new StrokeWriter(
      doc,
      { id: 'flood', author: s.ben.playerId, tool: 'brush', color: '#00ff00', width: 3 },
      'x',
    );
    for (let i = 0; i < 300; i++) {
      raw.sendUpdate(
        s.canvas,
        craft(doc, () => {
          w.add({ x: i % 100, y: 5, pressure: 0.5, t: i });
          w.flush();
        }),
      );
    }
    expect((await raw.closed).code).toBe(CloseCodes.rateLimited.code);
    expect((await fetch(`${suite.collab.http}/healthz`)).status).toBe(200);
    const flood = readStrokes(s.watcher.document).find((st) => st.id === 'flood');
    expect(flood?.points.length ?? 0).toBeLessThan(300);
  });

  /** Ben's raw socket on the game document sends his presence with each of `states` at once. */
  async function bensCursorTrail(states: Parameters<typeof presenceTrail>[1]) {
    const s = await scene();
    const name = gameDocName(s.roomId as RoomId);
    const raw = await attacker(name, s.ben.token);
    const ben = {
      id: s.ben.playerId,
      name: s.ben.name,
      color: s.ben.color,
      role: 'player' as const,
    };
    const trail = presenceTrail(ben, states);
    for (const body of trail.bodies) raw.sendTyped(name, AttackFrame.awareness, body);
    return { s, raw, trail };
  }

  it("holds a blip's backlog of cursor updates, passes the latest, and keeps the socket", async () => {
    // 10 s of a moving cursor at 20 a second, arriving at once: seven times the presence
    // limit's burst (30/s, 2 s), a tenth of what counts as a flood.
    const { s, raw, trail } = await bensCursorTrail(
      Array.from({ length: 200 }, (_, i) => ({ cursor: { x: i, y: i } })),
    );
    await eventually(() =>
      expect(s.game.awareness?.getStates().get(trail.clientId)).toMatchObject({
        cursor: { x: 199, y: 199 },
      }),
    );
    const outcome = await Promise.race([
      raw.closed.then(() => 'closed'),
      new Promise((resolve) => setTimeout(() => resolve('open'), 500)),
    ]);
    expect(outcome).toBe('open');
  });

  it('closes a socket that floods presence', async () => {
    const { raw } = await bensCursorTrail(
      Array.from({ length: 2000 }, (_, i) => ({ cursor: { x: i % 1600, y: 1 } })),
    );
    expect((await raw.closed).code).toBe(CloseCodes.rateLimited.code);
    expect((await fetch(`${suite.collab.http}/healthz`)).status).toBe(200);
  });

  it("closes a player's socket that floods RPC, but never the referee's, which carries every room", async () => {
    const s = await scene();
    const name = gameDocName(s.roomId as RoomId);
    const notice = (i: number) =>
      broadcastStatelessBody(
        JSON.stringify({
          type: 'whisper',
          roomId: s.roomId,
          playerId: s.carl.playerId,
          message: { type: 'notice', level: 'info', text: `notice ${i}` },
        }),
      );
    const player = await attacker(name, s.ben.token);
    for (let i = 0; i < 100; i++) player.sendTyped(name, AttackFrame.stateless, notice(i));
    expect((await player.closed).code).toBe(CloseCodes.rateLimited.code);

    const referee = await attacker(name, serviceToken('ref-test', TEST_SECRETS.REFEREE_SECRET));
    for (let i = 0; i < 100; i++) referee.sendTyped(name, AttackFrame.stateless, notice(i));
    await eventually(() => expect(s.statelessSeen).toHaveLength(100));
    const outcome = await Promise.race([
      referee.closed.then(({ code }) => `closed ${code}`),
      new Promise((resolve) => setTimeout(() => resolve('open'), 200)),
    ]);
    expect(outcome).toBe('open');
  });

  it('closes a player who adds more points in one update than allowed', async () => {
    const s = await scene();
    const raw = await attacker(s.canvas, s.ben.token);
    raw.sendUpdate(s.canvas, hugeStroke(serverCopy(s.canvas), s.ben.playerId, 2000));
    expect((await raw.closed).code).toBe(CloseCodes.invalidUpdate.code);
    await expectHarmless(s);
  });

  it('closes a player who puts content outside the strokes list', async () => {
    const s = await scene();
    const raw = await attacker(s.canvas, s.ben.token);
    raw.sendUpdate(s.canvas, graffiti(serverCopy(s.canvas)));
    expect((await raw.closed).code).toBe(CloseCodes.invalidUpdate.code);
    await expectHarmless(s);
  });

  it('closes a socket that floods messages before authenticating', async () => {
    const raw = track(new RawClient(suite.collab.ws));
    await raw.open();
    for (let i = 0; i < 50; i++)
      raw.sendTyped(`room/aaaaaaaaaaaaaaaa/canvas/0`, 0, Uint8Array.of(0, 0));
    expect((await raw.closed).code).toBe(4205);
    expect((await fetch(`${suite.collab.http}/healthz`)).status).toBe(200);
  });
});

describe('connections per address', () => {
  it('refuses a connection beyond the limit with 429', async () => {
    const limited = await startTestCollab({
      databaseUrl: suite.database.url,
      env: { LIMIT_CONNECTIONS_PER_IP: '2' },
    });
    try {
      const first = track(new RawClient(limited.ws));
      const second = track(new RawClient(limited.ws));
      await first.open();
      await second.open();
      const third = track(new RawClient(limited.ws));
      await expect(third.open()).rejects.toThrow(/429/);
      first.close();
      await first.closed;
      await eventually(async () => {
        const again = track(new RawClient(limited.ws));
        await again.open();
      });
    } finally {
      closeTracked();
      await limited.stop();
    }
  });
});
