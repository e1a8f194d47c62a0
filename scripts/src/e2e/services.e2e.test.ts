/**
 * Services mode in the browser: `npm run services`' topology (two collab-servers and two
 * referees on the test Postgres and Redis, nginx in front) serves the game, and two players
 * in Chromium play a whole game through nginx — the lobby drawing reaches the other page,
 * each draws a turn, the other guesses, and the podium shows.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import {
  TEST_REDIS_URL,
  connectTestRedis,
  createTestDatabase,
  eventually,
  testRedisPrefix,
} from '@scrawl/collab-server/testing';
import { startTopology, type Topology } from '../services/topology.js';
import { freeTcpPort } from '../start/ports.js';
import { launchBrowser, screenshot } from './browser.js';
import {
  GAME_WAIT,
  createRoom,
  hooks,
  joinByInvite,
  openPerson,
  say,
  scribble,
  waitForPhase,
} from './pages.js';
import { chooseWord, drawerAmong, setRounds } from './turns.js';

let browser: Browser;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let redis: Awaited<ReturnType<typeof connectTestRedis>>;
let topology: Topology;
let dataDir: string;

beforeAll(async () => {
  browser = await launchBrowser();
  database = await createTestDatabase();
  const prefix = testRedisPrefix();
  redis = await connectTestRedis(prefix);
  dataDir = mkdtempSync(join(tmpdir(), 'scrawl-services-e2e-'));
  topology = await startTopology({
    port: await freeTcpPort(),
    dataDir,
    databaseUrl: database.url,
    redisUrl: TEST_REDIS_URL,
    redisPrefix: prefix,
    instances: 2,
    referees: 2,
    voice: false,
    env: { ...process.env, REFEREE_POLL_MS: '200', LOG_LEVEL: 'error' },
    print: () => {},
  });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await topology?.stop();
  await redis?.cleanup();
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Open WebSocket connections on each collab-server instance, from its metrics. */
async function connectionsPerInstance(): Promise<number[]> {
  return Promise.all(
    topology.collabPorts.map(async (port) => {
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      return Number(/^scrawl_collab_connections (\d+)/m.exec(metrics)?.[1] ?? 0);
    }),
  );
}

describe('services mode in the browser', () => {
  it('two players play a whole game through nginx', async () => {
    const ana = await openPerson(browser, 'Ana');
    const ben = await openPerson(browser, 'Ben', { width: 390, height: 844 });
    const players = [ana, ben];
    const pages = players.map((p) => p.page);
    const sockets: string[] = [];
    for (const page of pages) page.on('websocket', (socket) => sockets.push(socket.url()));

    const invite = await createRoom(ana, topology.url);
    expect(invite.startsWith(topology.url)).toBe(true);
    await joinByInvite(ben, invite);
    await waitForPhase(pages, 'lobby');
    // Every page's socket names its room, the key nginx routes on; both instances serve.
    expect(sockets.length).toBeGreaterThanOrEqual(2);
    for (const url of sockets) expect(url).toMatch(/\/collab\?room=[\w-]+$/);
    expect((await connectionsPerInstance()).every((count) => count > 0)).toBe(true);

    await scribble(ana.page);
    await eventually(async () => expect((await hooks(ben.page)).strokes).toBe(1), GAME_WAIT);
    await screenshot(ben.page, 'services-01-lobby-drawing');

    await setRounds(ana.page, 1);
    await ana.page.getByTestId('start-game').click();
    for (let turn = 1; turn <= players.length; turn++) {
      await waitForPhase(pages, 'choosing');
      const drawer = await drawerAmong(players);
      const guesser = players.find((p) => p !== drawer)!;
      const word = await chooseWord(drawer.page);
      await waitForPhase(pages, 'drawing');
      await scribble(drawer.page);
      await eventually(
        async () => expect((await hooks(guesser.page)).strokes).toBeGreaterThan(0),
        GAME_WAIT,
      );
      await say(guesser.page, word);
      await eventually(
        async () =>
          expect(await guesser.page.getByTestId('correct-note').last().innerText()).toContain(word),
        GAME_WAIT,
      );
      if (turn < players.length) await waitForPhase(pages, 'turnEnd');
    }
    await waitForPhase(pages, 'gameEnd');
    await screenshot(ana.page, 'services-02-podium');
    for (const page of pages) {
      const scores = await page
        .getByTestId('player')
        .evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-score'))));
      expect(scores).toHaveLength(2);
      for (const score of scores) expect(score).toBeGreaterThan(0);
    }
  }, 240_000);
});
