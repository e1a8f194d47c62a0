import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import {
  StrokeWriter,
  clearBoard,
  createStrokeUndo,
  decodeReplay,
  readStrokes,
  seekReplay,
  type StrokeView,
} from '@scrawl/drawing-engine';
import { eventually, joinRoom } from '@scrawl/collab-server/testing';
import type { HeadlessPlayer } from '../testing/gameHarness.js';
import {
  drawTurn,
  seatPlayers,
  startGame,
  startGameWorld,
  type GameWorld,
} from '../testing/gameHarness.js';

let world: GameWorld;
const players: HeadlessPlayer[] = [];

beforeAll(async () => {
  world = await startGameWorld();
});
afterEach(() => {
  for (const p of players.splice(0)) p.close();
});
afterAll(async () => {
  await world.close();
});

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The drawer's transactions: tracked by its undo manager. */
const DRAWER = { source: 'replay-test' };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function playTurnAndCapture(seed: number) {
  const seated = await seatPlayers(world.collab.http, world.collab.ws, ['Ana', 'Ben', 'Cleo']);
  players.push(...seated.players);
  await startGame(seated.players[0]!, { rounds: 1, drawTimeSeconds: 240 });
  const { drawer, word, canvasRound } = await drawTurn(seated.players);
  const [watcher, other] = seated.players.filter((p) => p !== drawer) as [
    HeadlessPlayer,
    HeadlessPlayer,
  ];
  const drawerDoc = (await drawer.openCanvas(canvasRound)).document;
  const watcherDoc = (await watcher.openCanvas(canvasRound)).document;
  const undo = createStrokeUndo(drawerDoc, DRAWER);
  const random = seeded(seed);
  const moments: { at: number; strokes: StrokeView[] }[] = [];
  let id = 0;
  for (let moment = 0; moment < 20; moment++) {
    const ops = 1 + Math.floor(random() * 3);
    for (let op = 0; op < ops; op++) {
      const roll = random();
      if (roll < 0.15) undo.undo();
      else if (roll < 0.25) undo.redo();
      else if (roll < 0.3) clearBoard(drawerDoc, DRAWER);
      else {
        const writer = new StrokeWriter(
          drawerDoc,
          { id: `r${id++}`, author: drawer.id, tool: 'brush', color: '#aa3300', width: 5 },
          DRAWER,
        );
        for (let i = 0; i < 8; i++) {
          writer.add({ x: 50 + id * 20 + i * 3, y: 60 + i * 7, pressure: 0.5, t: i * 16 });
          writer.flush();
          await sleep(4);
        }
        writer.finish();
      }
    }
    // Quiet now: once the watcher has everything the drawer did, this is a moment to replay.
    await eventually(() => {
      expect(Y.encodeStateVector(watcherDoc)).toEqual(Y.encodeStateVector(drawerDoc));
      expect(readStrokes(watcherDoc)).toEqual(readStrokes(drawerDoc));
    });
    moments.push({ at: Date.now(), strokes: readStrokes(watcherDoc) });
    await sleep(5 + Math.floor(random() * 30));
  }
  watcher.send({ type: 'guess/send', text: word });
  other.send({ type: 'guess/send', text: word });
  await eventually(() => expect(drawer.state?.phase).toMatch(/turnEnd|gameEnd/), {
    timeoutMs: 10_000,
  });
  return { ...seated, drawer, canvasRound, moments, word };
}

describe('replays', () => {
  it('seeks a finished turn to 20 moments and finds exactly what a watcher saw, undo and clear included', async () => {
    const { code, canvasRound, moments, word } = await playTurnAndCapture(20261125);
    const listed = await eventually(async () => {
      const response = await fetch(`${world.collab.http}/api/rooms/${code}/replays`);
      const body = (await response.json()) as {
        turns: { canvasRound: number; hasReplay: boolean; word: string; strokes: number }[];
      };
      const turn = body.turns.find((t) => t.canvasRound === canvasRound);
      expect(turn?.hasReplay).toBe(true);
      return turn!;
    });
    expect(listed.word).toBe(word);
    const data = await fetch(`${world.collab.http}/api/rooms/${code}/replays/${canvasRound}/data`);
    expect(data.headers.get('content-encoding')).toBe('gzip');
    const replay = decodeReplay(new Uint8Array(await data.arrayBuffer()));
    for (const moment of moments)
      expect(readStrokes(seekReplay(replay, moment.at))).toEqual(moment.strokes);
    expect(listed.strokes).toBe(moments.at(-1)!.strokes.length);

    const detail = (await (
      await fetch(`${world.collab.http}/api/rooms/${code}/replays/${canvasRound}`)
    ).json()) as {
      events: { kind: string; verdict?: string }[];
      turn: { word: string };
    };
    expect(detail.turn.word).toBe(word);
    expect(detail.events.filter((e) => e.kind === 'guess' && e.verdict === 'correct')).toHaveLength(
      2,
    );
  }, 120_000);

  it("refuses a private room's replay to a non-member with 403; a public one opens without an account", async () => {
    const seated = await seatPlayers(world.collab.http, world.collab.ws, ['Ana', 'Ben']);
    players.push(...seated.players);
    const host = seated.players[0]!;
    await startGame(host, { rounds: 1, drawTimeSeconds: 30, public: false });
    const { drawer, word, canvasRound } = await drawTurn(seated.players);
    seated.players.find((p) => p !== drawer)!.send({ type: 'guess/send', text: word });
    await eventually(() => expect(host.state?.phase).toMatch(/turnEnd|gameEnd/), {
      timeoutMs: 10_000,
    });
    const url = `${world.collab.http}/api/rooms/${seated.code}/replays/${canvasRound}`;
    await eventually(async () =>
      expect(
        (await fetch(url, { headers: { authorization: `Bearer ${host.seat.token}` } })).status,
      ).toBe(200),
    );
    expect((await fetch(url)).status).toBe(403);
    const stranger = await joinRoom(
      world.collab.http,
      (
        (await (
          await fetch(`${world.collab.http}/api/rooms`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: '{}',
          })
        ).json()) as { code: string }
      ).code,
      'Stranger',
    );
    expect(
      (await fetch(url, { headers: { authorization: `Bearer ${stranger.token}` } })).status,
    ).toBe(403);
    expect((await fetch(`${url}/data`)).status).toBe(403);

    const open = await seatPlayers(world.collab.http, world.collab.ws, ['Cy', 'Dee']);
    players.push(...open.players);
    await startGame(open.players[0]!, { rounds: 1, drawTimeSeconds: 30 });
    const turn = await drawTurn(open.players);
    open.players.find((p) => p !== turn.drawer)!.send({ type: 'guess/send', text: turn.word });
    await eventually(
      async () =>
        expect(
          (
            await fetch(
              `${world.collab.http}/api/rooms/${open.code}/replays/${turn.canvasRound}/data`,
            )
          ).status,
        ).toBe(200),
      { timeoutMs: 10_000 },
    );
  }, 120_000);
});
