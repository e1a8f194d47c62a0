import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import { pino } from 'pino';
import {
  TEST_SECRETS,
  createTestDatabase,
  eventually,
  joinNewRoom,
  joinRoom,
  startTestCollab,
  type TestCollab,
} from '@scrawl/collab-server/testing';
import { createDb } from '@scrawl/collab-server';
import type { Database, GameState, SettingsPatch } from '@scrawl/protocol';
import { LeaseStore, Referee } from '@scrawl/referee';
import { HeadlessPlayer, type HeadlessPlayerOptions } from './HeadlessPlayer.js';

/** A collab-server and a referee in this process, on a fresh database. */
export interface GameWorld {
  collab: TestCollab;
  db: Kysely<Database>;
  referee: Referee;
  databaseUrl: string;
  /** Stops everything and drops the database. */
  close(): Promise<void>;
}

export async function startGameWorld(env: Record<string, string> = {}): Promise<GameWorld> {
  const database = await createTestDatabase();
  const collab = await startTestCollab({ databaseUrl: database.url, env });
  // createDb's pool survives the database being dropped under it at the end (no unhandled
  // 'error' from an idle client).
  const db = createDb(database.url);
  const referee = startReferee(collab, db, 'referee-test');
  return {
    collab,
    db,
    referee,
    databaseUrl: database.url,
    async close() {
      await referee.stop();
      await collab.stop();
      await db.destroy();
      await database.drop();
    },
  };
}

/** A referee driving rooms of this collab-server, polling fast. */
export function startReferee(
  collab: TestCollab,
  db: Kysely<Database>,
  instanceId: string,
): Referee {
  const referee = new Referee({
    collabUrl: collab.ws,
    secret: TEST_SECRETS.REFEREE_SECRET,
    instanceId,
    pollMs: 100,
    db,
    leases: new LeaseStore(db, instanceId, 3000),
    log: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
  });
  referee.start();
  return referee;
}

/** A room with players seated and present, the first of them host. */
export async function seatPlayers(
  http: string,
  ws: string,
  names: readonly string[],
  spectators: readonly string[] = [],
  options: HeadlessPlayerOptions = {},
): Promise<{
  code: string;
  roomId: string;
  players: HeadlessPlayer[];
  spectators: HeadlessPlayer[];
}> {
  const [first, ...rest] = names;
  const room = await joinNewRoom(http, [first ?? 'Host']);
  const host = new HeadlessPlayer(room.seats[0]!, ws, options);
  await eventually(() => assert.equal(host.state?.hostId, host.id), { timeoutMs: 10_000 });
  const players = [host];
  for (const name of rest) {
    players.push(new HeadlessPlayer(await joinRoom(http, room.code, name), ws, options));
  }
  const watchers = [];
  for (const name of spectators) {
    watchers.push(
      new HeadlessPlayer(await joinRoom(http, room.code, name, 'spectator'), ws, options),
    );
  }
  await eventually(() => assert.equal(host.state?.scoreboard.length, names.length), {
    timeoutMs: 10_000,
  });
  return { code: room.code, roomId: room.roomId, players, spectators: watchers };
}

/** The host changes settings and starts; resolves once the first turn is choosing. */
export async function startGame(host: HeadlessPlayer, patch: SettingsPatch): Promise<void> {
  host.send({ type: 'settings/update', patch });
  await eventually(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (key !== 'customWords')
        assert.deepEqual(host.state?.settings[key as keyof GameState['settings']], value);
    }
  });
  host.send({ type: 'game/start' });
  await eventually(() => assert.equal(host.state?.phase, 'choosing'), { timeoutMs: 10_000 });
}

/**
 * Plays the drawer's part of the current turn: waits to be asked, picks a word (the first,
 * unless `choose` picks another index), draws a stroke. Returns the word and the turn's
 * canvas round. After a fault (`mayMissChoices`), the drawer may be back only once the
 * choosing time ran out: then the referee chose for them and only the word is whispered.
 */
export async function drawTurn(
  players: readonly HeadlessPlayer[],
  choose: (choices: readonly string[]) => number = () => 0,
  options: { mayMissChoices?: boolean } = {},
): Promise<{ drawer: HeadlessPlayer; word: string; canvasRound: number }> {
  const state = await eventually(
    () => {
      const s = players[0]!.state;
      assert.equal(s?.phase, 'choosing');
      return s;
    },
    { timeoutMs: 20_000 },
  );
  const drawer = players.find((p) => state.drawerIds.includes(p.id));
  if (!drawer) throw new Error('no drawer among the players');
  const secretWord = () => {
    const secret = drawer.last('word/secret');
    return secret?.canvasRound === state.canvasRound ? secret.word : null;
  };
  // Whispers are told again on each new socket of the drawer (a kill can take a referee's
  // lease time and a reconnect).
  const choices = await eventually(
    () => {
      if (options.mayMissChoices && secretWord() !== null) return null;
      const whisper = drawer.last('word/choices');
      assert.equal(whisper?.canvasRound, state.canvasRound);
      return whisper.choices;
    },
    { timeoutMs: 30_000 },
  );
  if (choices) drawer.send({ type: 'word/choose', index: choose(choices) });
  const word = await eventually(
    () => {
      const secret = secretWord();
      assert.ok(
        secret !== null,
        `the drawer is told the word of canvas round ${state.canvasRound}`,
      );
      return secret;
    },
    { timeoutMs: 30_000 },
  );
  if (choices) assert.ok(choices.includes(word), `the word ${word} is one of the choices`);
  await eventually(() => assert.equal(drawer.state?.phase, 'drawing'));
  await drawer.drawStroke(state.canvasRound, `s${state.canvasRound}`);
  return { drawer, word, canvasRound: state.canvasRound };
}

/** A text one edit away from `word` (a letter changed in the middle), or null if too short. */
export function closeTo(word: string): string | null {
  const letters = [...word];
  const middle = Math.floor(letters.length / 2);
  if (letters.length < 4 || !/\p{L}/u.test(letters[middle] ?? '')) return null;
  letters[middle] = letters[middle] === 'q' ? 'x' : 'q';
  return letters.join('');
}

export { HeadlessPlayer, type HeadlessPlayerOptions };
