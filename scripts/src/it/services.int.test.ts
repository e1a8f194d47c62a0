import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { createDb } from '@scrawl/collab-server';
import {
  TEST_REDIS_URL,
  connectTestRedis,
  createTestDatabase,
  eventually,
  joinNewRoom,
  joinRoom,
  testRedisPrefix,
} from '@scrawl/collab-server/testing';
import type { Database } from '@scrawl/protocol';
import { freeTcpPort } from '../start/ports.js';
import { startTopology, type Topology } from '../services/topology.js';
import { HeadlessPlayer, drawTurn, startGame } from '../testing/gameHarness.js';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let redis: Awaited<ReturnType<typeof connectTestRedis>>;
let topology: Topology;
let db: Kysely<Database>;
let dataDir: string;
const players: HeadlessPlayer[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const prefix = testRedisPrefix();
  redis = await connectTestRedis(prefix);
  dataDir = mkdtempSync(join(tmpdir(), 'scrawl-services-'));
  topology = await startTopology({
    port: await freeTcpPort(),
    dataDir,
    databaseUrl: database.url,
    redisUrl: TEST_REDIS_URL,
    redisPrefix: prefix,
    instances: 2,
    referees: 2,
    voice: false,
    env: {
      ...process.env,
      REFEREE_POLL_MS: '200',
      LIMIT_CONNECTIONS_PER_IP: '0',
      LOG_LEVEL: 'error',
    },
    print: () => {},
  });
  db = createDb(database.url);
}, 60_000);

afterAll(async () => {
  for (const p of players) p.close();
  await topology?.stop();
  await db?.destroy();
  await redis?.cleanup();
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A room of four whose players reach nginx with different routing keys: spread over instances. */
async function room(names: string[]) {
  const ws = topology.url.replace('http', 'ws') + '/collab';
  const route = () => `${ws}?room=${randomBytes(6).toString('hex')}`;
  const created = await joinNewRoom(topology.url, [names[0]!]);
  const host = new HeadlessPlayer(created.seats[0]!, route());
  players.push(host);
  await eventually(() => expect(host.state?.hostId).toBe(host.id), { timeoutMs: 15_000 });
  const four = [host];
  for (const name of names.slice(1)) {
    const player = new HeadlessPlayer(await joinRoom(topology.url, created.code, name), route());
    players.push(player);
    four.push(player);
  }
  await eventually(() => expect(host.state?.scoreboard).toHaveLength(4), { timeoutMs: 15_000 });
  return { ...created, players: four };
}

async function play(game: Awaited<ReturnType<typeof room>>, turns: number, midway?: () => void) {
  for (let turn = 0; turn < turns; turn++) {
    if (turn === 2) midway?.();
    // From the kill on, a drawer may be back only after the referee chose for them.
    const { drawer, word, canvasRound } = await drawTurn(game.players, undefined, {
      mayMissChoices: turn >= 2,
    });
    for (const guesser of game.players.filter((p) => p !== drawer))
      guesser.send({ type: 'guess/send', text: word });
    await eventually(() => expect(drawer.state?.phase).toMatch(/turnEnd|gameEnd/), {
      timeoutMs: 30_000,
    });
    expect(canvasRound).toBeGreaterThan(0);
  }
  await eventually(() => expect(game.players[0]!.state?.phase).toBe('gameEnd'), {
    timeoutMs: 30_000,
  });
}

describe('services mode: two collab-servers and two referees behind nginx', () => {
  it('finishes two games across both instances when one collab-server and one referee are killed mid-game', async () => {
    const [a, b] = [
      await room(['Ana', 'Ben', 'Cleo', 'Dev']),
      await room(['Eve', 'Finn', 'Gus', 'Hal']),
    ];
    await startGame(a.players[0]!, { rounds: 2, drawTimeSeconds: 30 });
    await startGame(b.players[0]!, { rounds: 2, drawTimeSeconds: 30 });
    const connectedTo = async () => {
      const counts = await Promise.all(
        topology.collabPorts.map(async (port) => {
          const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
          return Number(/^scrawl_collab_connections (\d+)/m.exec(metrics)?.[1] ?? 0);
        }),
      );
      return counts;
    };
    const before = await connectedTo();
    expect(before.every((count) => count > 0)).toBe(true);
    await Promise.all([
      play(a, 8, () => {
        topology.collab[0]!.process.kill('SIGKILL');
        topology.referees[0]!.process.kill('SIGKILL');
      }),
      play(b, 8),
    ]);
    for (const game of [a, b]) {
      const turns = await db
        .selectFrom('turns')
        .selectAll()
        .where('room_id', '=', game.roomId)
        .execute();
      expect(turns).toHaveLength(8);
      for (const turn of turns) expect(turn.ended_at).not.toBeNull();
      const replays = await eventually(
        async () => {
          const rows = await db
            .selectFrom('replays')
            .select(['canvas_round', 'strokes'])
            .where('room_id', '=', game.roomId)
            .execute();
          expect(rows).toHaveLength(8);
          return rows;
        },
        { timeoutMs: 15_000 },
      );
      // Every drawer's stroke survived, whichever instance it went through.
      for (const replay of replays) expect(replay.strokes).toBe(1);
      const leases = await db
        .selectFrom('room_leases')
        .select('owner')
        .where('room_id', '=', game.roomId)
        .execute();
      for (const lease of leases) expect(lease.owner).not.toBe('referee-1');
    }
  }, 400_000);
});
