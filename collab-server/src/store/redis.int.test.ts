import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { StrokeWriter, readStrokes } from '@scrawl/drawing-engine';
import { canvasDocName, gameDocName, type RoomId } from '@scrawl/protocol';
import {
  TestClient,
  connectTestRedis,
  createTestDatabase,
  eventually,
  joinNewRoom,
  startTestCollab,
  testRedisPrefix,
  type TestCollab,
} from '../testing/index.js';
import { redisKeys } from './redisKeys.js';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let redis: Awaited<ReturnType<typeof connectTestRedis>>;
const prefix = testRedisPrefix();
let one: TestCollab;
let two: TestCollab;
const clients: TestClient[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  redis = await connectTestRedis(prefix);
  one = await startTestCollab({
    databaseUrl: database.url,
    redisPrefix: prefix,
    instanceId: 'one',
  });
  two = await startTestCollab({
    databaseUrl: database.url,
    redisPrefix: prefix,
    instanceId: 'two',
  });
});
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
});
afterAll(async () => {
  await one.stop();
  await two.stop();
  await redis.cleanup();
  await database.drop();
});

function open(server: TestCollab, name: string, token: string) {
  const client = new TestClient(server.ws);
  clients.push(client);
  return client.open(name, token);
}

/** Ana on instance one and Ben on instance two, on a new room's lobby board; Ana's pen. */
async function anaAndBen(strokeId: string, color: string) {
  const { roomId, seats } = await joinNewRoom(one.http, ['Ana', 'Ben']);
  const name = canvasDocName(roomId as RoomId, 0);
  const anaDoc = (await open(one, name, seats[0]!.token)).document;
  const benDoc = (await open(two, name, seats[1]!.token)).document;
  const writer = new StrokeWriter(
    anaDoc,
    { id: strokeId, author: seats[0]!.playerId, tool: 'brush', color, width: 5 },
    'test',
  );
  return { name, anaDoc, benDoc, writer };
}

describe('two collab-server instances on one Redis', () => {
  it('shows a stroke drawn through one instance to a player on the other', async () => {
    const { anaDoc, benDoc, writer } = await anaAndBen('cross', '#00ff00');
    writer.add({ x: 50, y: 60, pressure: 0.5, t: 0 });
    writer.flush();
    await eventually(() => expect(readStrokes(benDoc).map((s) => s.id)).toEqual(['cross']));
    writer.add({ x: 55, y: 65, pressure: 0.5, t: 16 });
    writer.finish();
    await eventually(() =>
      expect(readStrokes(benDoc)[0]).toMatchObject({ done: true, points: { length: 2 } }),
    );
    await eventually(() =>
      expect(Y.encodeStateVector(benDoc)).toEqual(Y.encodeStateVector(anaDoc)),
    );
  });

  it('converges clients on both instances within one second of the last update', async () => {
    const { roomId, seats } = await joinNewRoom(one.http, ['A1', 'A2', 'B1', 'B2']);
    const name = canvasDocName(roomId as RoomId, 0);
    const docs = await Promise.all(
      seats.map(async (seat, i) => (await open(i < 2 ? one : two, name, seat.token)).document),
    );
    const writers = docs.map((doc, i) =>
      Array.from(
        { length: 5 },
        (_, s) =>
          new StrokeWriter(
            doc,
            {
              id: `c${i}s${s}`,
              author: seats[i]!.playerId,
              tool: 'brush',
              color: '#333333',
              width: 4,
            },
            'test',
          ),
      ),
    );
    for (let s = 0; s < 5; s++) {
      for (let point = 0; point < 12; point++) {
        writers.forEach((strokes, i) => {
          strokes[s]!.add({ x: 100 * i + point, y: 40 * s + point, pressure: 0.5, t: point * 16 });
          strokes[s]!.flush();
        });
        await new Promise((resolve) => setTimeout(resolve, 16));
      }
      writers.forEach((strokes) => strokes[s]!.finish());
    }
    const lastUpdate = Date.now();
    const vectors = () => docs.map((doc) => Buffer.from(Y.encodeStateVector(doc)).toString('hex'));
    await eventually(() => expect(new Set(vectors()).size).toBe(1), {
      timeoutMs: 1000,
      intervalMs: 5,
    });
    const converged = Date.now() - lastUpdate;
    expect(converged).toBeLessThan(1000);
    expect(readStrokes(docs[3]!)).toHaveLength(20);
    expect(
      Buffer.from(Y.encodeStateAsUpdate(docs[0]!)).equals(
        Buffer.from(Y.encodeStateAsUpdate(docs[3]!)),
      ),
    ).toBe(true);
  });

  it('publishes changes only while another instance holds the document, and catches a newcomer up at once', async () => {
    const { roomId, seats } = await joinNewRoom(one.http, ['Ana', 'Ben']);
    const [ana, ben] = [seats[0]!, seats[1]!];
    const canvas = canvasDocName(roomId as RoomId, 0);
    const game = gameDocName(roomId as RoomId);
    const listener = redis.redis.duplicate();
    const published: string[] = [];
    listener.on('messageBuffer', (channel: Buffer) => published.push(channel.toString()));
    const channels = [canvas, game].map(
      (name) => `${redisKeys(prefix).hocuspocusPrefix()}:${name}`,
    );
    await listener.subscribe(...channels);
    try {
      const anaCanvas = await open(one, canvas, ana.token);
      const anaGame = await open(one, game, ana.token);
      anaGame.awareness?.setLocalState({
        player: { id: ana.playerId, name: ana.name, color: ana.color, role: ana.role },
      });
      const writer = new StrokeWriter(
        anaCanvas.document,
        { id: 'alone', author: ana.playerId, tool: 'brush', color: '#123456', width: 5 },
        'test',
      );
      // Opening announces each document once; drawing alone publishes nothing more.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const announced = published.length;
      for (let i = 0; i < 20; i++) {
        writer.add({ x: 10 + i, y: 10, pressure: 0.5, t: i * 16 });
        writer.flush();
        await new Promise((resolve) => setTimeout(resolve, 16));
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(published.length).toBe(announced);

      // Ben opens both documents on the other instance: strokes and Ana's presence arrive.
      const benGame = await open(two, game, ben.token);
      const benCanvas = await open(two, canvas, ben.token);
      await eventually(() => expect(readStrokes(benCanvas.document)[0]?.points).toHaveLength(20));
      await eventually(() =>
        expect(
          [...(benGame.awareness?.getStates().values() ?? [])].map(
            (state) => (state as { player?: { id: string } }).player?.id,
          ),
        ).toContain(ana.playerId),
      );
      // From now on Ana's changes are published, and reach Ben as she draws.
      writer.add({ x: 40, y: 40, pressure: 0.5, t: 400 });
      writer.finish();
      await eventually(
        () => expect(readStrokes(benCanvas.document)[0]).toMatchObject({ done: true }),
        { timeoutMs: 1000 },
      );
    } finally {
      listener.disconnect();
    }
  });

  it('heals updates lost between instances within a second', async () => {
    const { anaDoc, benDoc, writer } = await anaAndBen('gap', '#654321');
    writer.add({ x: 1, y: 1, pressure: 0.5, t: 0 });
    writer.flush();
    await eventually(() => expect(readStrokes(benDoc)[0]?.points).toHaveLength(1));
    // Drop the instances' document subscriptions (not the RPC ones): what is published until
    // they are back reaches nobody.
    const clients = String(await redis.redis.call('CLIENT', 'LIST', 'TYPE', 'pubsub'));
    const subscribers = clients
      .split('\n')
      .filter((line) => /\bpsub=0\b/.test(line) && /\bsub=[1-9]/.test(line))
      .map((line) => /\bid=(\d+)/.exec(line)?.[1])
      .filter((id): id is string => id !== undefined);
    expect(subscribers.length).toBeGreaterThanOrEqual(2);
    for (const id of subscribers) await redis.redis.call('CLIENT', 'KILL', 'ID', id);
    for (let i = 2; i <= 10; i++) {
      writer.add({ x: i, y: i, pressure: 0.5, t: i * 16 });
      writer.flush();
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    writer.add({ x: 11, y: 11, pressure: 0.5, t: 200 });
    writer.finish();
    const finished = Date.now();
    await eventually(
      () => expect(Y.encodeStateVector(benDoc)).toEqual(Y.encodeStateVector(anaDoc)),
      { timeoutMs: 1000 },
    );
    expect(Date.now() - finished).toBeLessThan(1000);
    expect(readStrokes(benDoc)[0]).toMatchObject({ done: true, points: { length: 11 } });
  });

  it('appends each update to the document stream once, with the server time', async () => {
    const { name, benDoc, writer } = await anaAndBen('logged', '#0000ff');
    const before = Date.now();
    writer.add({ x: 1, y: 2, pressure: 0.5, t: 0 });
    writer.finish();
    await eventually(() => expect(readStrokes(benDoc)).toHaveLength(1));
    const key = redisKeys(prefix).docLog(name);
    const entries = await eventually(async () => {
      const found = await redis.redis.xrange(key, '-', '+');
      expect(found.length).toBeGreaterThanOrEqual(2);
      return found;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await redis.redis.xlen(key)).toBe(entries.length);
    for (const [, fields] of entries) {
      const at = Number(fields[fields.indexOf('t') + 1]);
      expect(at).toBeGreaterThanOrEqual(before);
      expect(at).toBeLessThanOrEqual(Date.now());
    }
  });

  it('keeps a drawing in Redis across a restart of both instances', async () => {
    const { roomId, seats } = await joinNewRoom(one.http, ['Ana']);
    const name = canvasDocName(roomId as RoomId, 0);
    const doc = (await open(one, name, seats[0]!.token)).document;
    const writer = new StrokeWriter(
      doc,
      { id: 'kept', author: seats[0]!.playerId, tool: 'brush', color: '#123456', width: 3 },
      'test',
    );
    for (let i = 0; i < 30; i++) writer.add({ x: i, y: i * 2, pressure: 0.5, t: i * 8 });
    writer.finish();
    const expected = readStrokes(doc);
    await eventually(async () =>
      expect(await redis.redis.exists(redisKeys(prefix).docLog(name))).toBe(1),
    );
    for (const c of clients.splice(0)) c.close();
    await one.stop();
    await two.stop();
    one = await startTestCollab({
      databaseUrl: database.url,
      redisPrefix: prefix,
      instanceId: 'one',
    });
    two = await startTestCollab({
      databaseUrl: database.url,
      redisPrefix: prefix,
      instanceId: 'two',
    });
    expect(readStrokes((await open(two, name, seats[0]!.token)).document)).toEqual(expected);
  });
});
