import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { StrokeWriter, readStrokes } from '@scrawl/drawing-engine';
import { canvasDocName, type RoomId } from '@scrawl/protocol';
import {
  TEST_REDIS_URL,
  TEST_SECRETS,
  TestClient,
  connectTestRedis,
  createTestDatabase,
  eventually,
  joinNewRoom,
  testRedisPrefix,
} from './testing/index.js';

const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const PLAYERS = 3;
const STROKES_EACH = 12;
const POINTS_EACH = 24;

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

function startServer(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BIN], {
    env: {
      ...process.env,
      ...TEST_SECRETS,
      ...env,
      DATABASE_URL: database.url,
      PORT: String(port),
      LOG_LEVEL: 'error',
      LIMIT_CONNECTIONS_PER_IP: '0',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.on('message', (m: { type?: string }) => m.type === 'ready' && resolve(child));
    child.on('exit', (code) => reject(new Error(`collab-server exited with ${code}`)));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each([
  ['SQL store', () => Promise.resolve({ env: {}, cleanup: async () => {} })],
  [
    'Redis store',
    async () => {
      const prefix = testRedisPrefix();
      const redis = await connectTestRedis(prefix);
      return { env: { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix }, cleanup: redis.cleanup };
    },
  ],
] as const)('kill -9 of the collab-server while drawing (%s)', (_store, backend) => {
  it('loses no stroke a connected client drew: clients resync when it is back', async () => {
    const { env, cleanup } = await backend();
    const port = await freePort();
    let server = await startServer(port, env);
    const http = `http://127.0.0.1:${port}`;
    const ws = `ws://127.0.0.1:${port}/collab`;
    const { roomId, seats } = await joinNewRoom(
      http,
      Array.from({ length: PLAYERS }, (_, i) => `P${i}`),
    );
    const name = canvasDocName(roomId as RoomId, 0);
    const clients = seats.map(() => new TestClient(ws));
    const providers = await Promise.all(
      clients.map((client, i) => client.open(name, seats[i]!.token)),
    );

    const drawing = providers.map(async (provider, p) => {
      for (let s = 0; s < STROKES_EACH; s++) {
        const writer = new StrokeWriter(
          provider.document,
          {
            id: `p${p}s${s}`,
            author: seats[p]!.playerId,
            tool: 'brush',
            color: '#222222',
            width: 4,
          },
          'test',
        );
        for (let i = 0; i < POINTS_EACH; i++) {
          writer.add({ x: 100 * p + i, y: 50 * s + i, pressure: 0.5, t: i * 16 });
          if (i % 3 === 2) writer.flush();
          await sleep(8);
        }
        writer.finish();
      }
    });
    await sleep(900);
    server.kill('SIGKILL');
    await sleep(600);
    server = await startServer(port, env);
    await Promise.all(drawing);

    const total = PLAYERS * STROKES_EACH;
    for (const provider of providers) {
      await eventually(() => expect(provider.hasUnsyncedChanges).toBe(false), {
        timeoutMs: 20_000,
      });
    }
    const fresh = new TestClient(ws);
    const loaded = (await fresh.open(name, seats[0]!.token)).document;
    // The provider's unsynced counter resets on reconnect, so late acks may still be coming.
    await eventually(
      () => {
        expect(readStrokes(loaded)).toHaveLength(total);
        for (const stroke of readStrokes(loaded)) expect(stroke.points).toHaveLength(POINTS_EACH);
      },
      { timeoutMs: 10_000 },
    );
    expect(new Set(readStrokes(loaded).map((s) => s.id)).size).toBe(total);

    // And it is in the store, not only in memory: stop gracefully, start, load again.
    for (const client of [...clients, fresh]) client.close();
    const stopped = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await stopped;
    server = await startServer(port, env);
    const again = new TestClient(ws);
    const reloaded = (await again.open(name, seats[0]!.token)).document;
    expect(readStrokes(reloaded)).toHaveLength(total);
    for (const stroke of readStrokes(reloaded)) expect(stroke.points).toHaveLength(POINTS_EACH);
    again.close();
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    await cleanup();
  }, 90_000);
});
