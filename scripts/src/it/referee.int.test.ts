import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import { eventually } from '@scrawl/collab-server/testing';
import type { HeadlessPlayer } from '../testing/gameHarness.js';
import {
  seatPlayers,
  startGameWorld,
  startReferee,
  type GameWorld,
} from '../testing/gameHarness.js';

let world: GameWorld;
const players: HeadlessPlayer[] = [];
const extraReferees: ReturnType<typeof startReferee>[] = [];

beforeAll(async () => {
  world = await startGameWorld();
});
afterEach(async () => {
  for (const p of players.splice(0)) p.close();
  await Promise.all(extraReferees.splice(0).map((r) => r.stop()));
});
afterAll(async () => {
  await world.close();
});

async function room(names: string[]) {
  const seated = await seatPlayers(world.collab.http, world.collab.ws, names);
  players.push(...seated.players);
  return seated;
}

describe('referee and collab-server', () => {
  it('opens an active room in the lobby, makes the first player host and announces arrivals', async () => {
    const {
      players: [ana, ben],
      code,
    } = await room(['Ana', 'Ben']);
    await eventually(() => {
      expect(ana!.state).toMatchObject({
        phase: 'lobby',
        round: 0,
        roomCode: code,
        hostId: ana!.id,
      });
      expect(ana!.chat.map((l) => l.text)).toEqual(
        expect.arrayContaining(['Ana joined', 'Ben joined']),
      );
      expect(ana!.state!.scoreboard.map((e) => e.id)).toEqual([ana!.id, ben!.id]);
    });
  });

  it('carries a chat message through the RPC channel, stamped with the authenticated sender', async () => {
    const {
      players: [ana, ben],
    } = await room(['Ana', 'Ben']);
    ana!.send({ type: 'chat/send', text: '  hello   there ' });
    await eventually(() =>
      expect(ben!.chat.find((l) => l.kind === 'chat')).toMatchObject({
        playerId: ana!.id,
        name: 'Ana',
        text: 'hello there',
      }),
    );
  });

  it("keeps the room's row of the public list in step, and leaves it alone for chat", async () => {
    const {
      players: [ana, ben],
      roomId,
    } = await room(['Ana', 'Ben']);
    const row = async () => {
      const { rows } = await sql<{ players: number; phase: string; xmin: string }>`
        select player_count as players, phase, xmin::text as xmin from rooms where id = ${roomId}
      `.execute(world.db);
      return rows[0]!;
    };
    await eventually(async () => expect(await row()).toMatchObject({ players: 2, phase: 'lobby' }));
    // xmin names the transaction that last wrote the row: chat lines must not rewrite it.
    const before = await row();
    for (const text of ['one', 'two', 'three']) ana!.send({ type: 'chat/send', text });
    await eventually(() =>
      expect(ben!.chat.filter((l) => l.kind === 'chat').map((l) => l.text)).toEqual([
        'one',
        'two',
        'three',
      ]),
    );
    expect(await row()).toEqual(before);
    ben!.close();
    await eventually(async () => expect(await row()).toMatchObject({ players: 1, phase: 'lobby' }));
  });

  it('answers an invalid RPC message with a private notice and forwards nothing', async () => {
    const {
      players: [ana, ben],
    } = await room(['Ana', 'Ben']);
    ana!.game.sendStateless(JSON.stringify({ type: 'chat/send', text: 'x'.repeat(101) }));
    ana!.game.sendStateless('not json');
    await eventually(() =>
      expect(ana!.whispers.filter((w) => w.type === 'notice')).toHaveLength(2),
    );
    expect(ben!.chat.filter((l) => l.kind === 'chat')).toEqual([]);
  });

  it('lets only the host change settings and start, naming a bad field', async () => {
    const {
      players: [ana, ben],
    } = await room(['Ana', 'Ben']);
    ben!.send({ type: 'settings/update', patch: { rounds: 5 } });
    ana!.send({ type: 'settings/update', patch: { customWords: 'one, two' } });
    await eventually(() => {
      expect(ben!.last('notice')?.level).toBe('error');
      expect(ana!.last('notice')?.text).toMatch(/customWords/);
    });
    expect(ana!.state!.settings.rounds).toBe(3);
    ben!.send({ type: 'game/start' });
    await eventually(() =>
      expect(ben!.whispers.filter((w) => w.type === 'notice')).toHaveLength(2),
    );
    expect(ana!.state!.phase).toBe('lobby');
  });

  it('lets exactly one of two referees drive a room', async () => {
    const second = startReferee(world.collab, world.db, 'referee-second');
    extraReferees.push(second);
    const {
      players: [ana],
      roomId,
    } = await room(['Ana']);
    await eventually(() => expect(ana!.state?.phase).toBe('lobby'));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect([world.referee, second].filter((referee) => referee.drives(roomId))).toHaveLength(1);
    expect(ana!.chat.filter((l) => l.text === 'Ana joined')).toHaveLength(1);
  });
});
