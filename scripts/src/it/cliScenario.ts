import { expect } from '@jest/globals';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import {
  StrokeWriter,
  createStrokeUndo,
  type InputPoint,
  type StrokeMeta,
} from '@scrawl/drawing-engine';
import { TestClient, eventually } from '@scrawl/collab-server/testing';
import { canvasDocName, type RoomId } from '@scrawl/protocol';
import { drawTurn, seatPlayers, startGame, type HeadlessPlayer } from '../testing/gameHarness.js';
import type { CliWorld } from './cliHarness.js';

/** Strokes of the finished turn are drawn before and after this moment of the turn. */
export const MOMENT_S = 10;

/** What the scenario made, for the tests to check the CLI's output against. */
export interface Scenario {
  code: string;
  roomId: RoomId;
  ana: HeadlessPlayer;
  ben: HeadlessPlayer;
  drawer: HeadlessPlayer;
  canvasRound: number;
  /** When the turn's drawing began (epoch ms): the replay's clock starts here. */
  startedAt: number;
  /** Ana's second connection, drawing on the lobby board (canvas 0) and staying there. */
  lobby: { client: TestClient; provider: HocuspocusProvider; draw(id: string): Promise<void> };
  /** Lobby strokes: the one kept, and the one drawn and undone. */
  kept: string;
  undone: string;
  /** The turn's strokes drawn before and after MOMENT_S. */
  early: string[];
  late: string[];
  /** Players and connections to close at the end. */
  close(): void;
}

/** Waits for a moment of the clock: the turn's later strokes must come after MOMENT_S. */
function waitUntil(epochMs: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, epochMs - Date.now())));
}

/** A straight stroke of `count` samples, one chunk every few samples, as a pen draws it. */
async function drawLine(
  provider: HocuspocusProvider,
  meta: StrokeMeta,
  origin: unknown,
  from: { x: number; y: number },
  to: { x: number; y: number },
  count: number,
  pressure: (i: number) => number = () => 0.5,
): Promise<void> {
  const writer = new StrokeWriter(provider.document, meta, origin);
  for (let i = 0; i < count; i++) {
    const share = i / (count - 1);
    const point: InputPoint = {
      x: from.x + (to.x - from.x) * share,
      y: from.y + (to.y - from.y) * share,
      pressure: pressure(i),
      t: i * 16,
    };
    writer.add(point);
    if (i % 4 === 3) writer.flush();
  }
  writer.finish();
  await eventually(() => expect(provider.hasUnsyncedChanges).toBe(false));
}

/**
 * A room with two players: Ana draws two strokes on the lobby board and undoes one; then a
 * one-round game whose first turn has thick strokes before and after MOMENT_S, ended by a
 * correct guess, so the turn is archived as a replay.
 */
export async function playScenario(world: CliWorld): Promise<Scenario> {
  const seated = await seatPlayers(world.collab.http, world.collab.ws, ['Ana', 'Ben']);
  const [ana, ben] = seated.players as [HeadlessPlayer, HeadlessPlayer];
  const roomId = seated.roomId as RoomId;

  const client = new TestClient(world.collab.ws);
  const provider = await client.open(canvasDocName(roomId, 0), ana.seat.token, new Y.Doc());
  const origin = { source: 'cli-test-lobby' };
  const undo = createStrokeUndo(provider.document, origin);
  const lobbyMeta = (id: string): StrokeMeta => ({
    id,
    author: ana.id,
    tool: 'brush',
    color: '#8250df',
    width: 8,
  });
  const drawLobby = (id: string, y: number) =>
    drawLine(provider, lobbyMeta(id), origin, { x: 100, y }, { x: 400, y: y + 50 }, 8);
  await drawLobby('lobby-kept', 100);
  await drawLobby('lobby-undone', 300);
  undo.undo();
  await eventually(() => expect(provider.hasUnsyncedChanges).toBe(false));

  await startGame(ana, { rounds: 1, drawTimeSeconds: 60 });
  const { drawer, word, canvasRound } = await drawTurn(seated.players);
  const startedAt = await eventually(async () => {
    const turn = await world.db
      .selectFrom('turns')
      .select('started_at')
      .where('room_id', '=', roomId)
      .where('canvas_round', '=', canvasRound)
      .executeTakeFirst();
    expect(turn).toBeDefined();
    return turn!.started_at.getTime();
  });
  const canvas = await drawer.openCanvas(canvasRound);
  const turnOrigin = { source: 'cli-test-turn' };
  const meta = (id: string, color: string, width: number): StrokeMeta => ({
    id,
    author: drawer.id,
    tool: 'brush',
    color,
    width,
  });
  await drawLine(
    canvas,
    meta('early-line', '#1f6feb', 30),
    turnOrigin,
    { x: 200, y: 300 },
    { x: 1400, y: 320 },
    61,
  );
  await drawLine(
    canvas,
    meta('early-taper', '#d1242f', 24),
    turnOrigin,
    { x: 300, y: 850 },
    { x: 900, y: 450 },
    40,
    (i) => 0.1 + i / 50,
  );
  await waitUntil(startedAt + (MOMENT_S + 1) * 1000);
  await drawLine(
    canvas,
    meta('late-line', '#2da44e', 40),
    turnOrigin,
    { x: 150, y: 700 },
    { x: 1450, y: 650 },
    66,
  );

  const guesser = drawer === ana ? ben : ana;
  guesser.send({ type: 'guess/send', text: word });
  await eventually(
    async () => {
      const replay = await world.db
        .selectFrom('replays')
        .select('canvas_round')
        .where('room_id', '=', roomId)
        .where('canvas_round', '=', canvasRound)
        .executeTakeFirst();
      expect(replay).toBeDefined();
    },
    { timeoutMs: 15_000 },
  );
  return {
    code: seated.code,
    roomId,
    ana,
    ben,
    drawer,
    canvasRound,
    startedAt,
    lobby: { client, provider, draw: (id) => drawLobby(id, 500) },
    kept: 'lobby-kept',
    undone: 'lobby-undone',
    early: [`s${canvasRound}`, 'early-line', 'early-taper'],
    late: ['late-line'],
    close() {
      client.close();
      for (const player of seated.players) player.close();
    },
  };
}
