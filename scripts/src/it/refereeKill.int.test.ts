import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import type { Kysely } from 'kysely';
import { createDb } from '@scrawl/collab-server';
import {
  createTestDatabase,
  eventually,
  startTestCollab,
  type TestCollab,
} from '@scrawl/collab-server/testing';
import type { Database } from '@scrawl/protocol';
import type { HeadlessPlayer } from '../testing/gameHarness.js';
import { seatPlayers, startGame } from '../testing/gameHarness.js';
import {
  checkTakeovers,
  playTurnsKillingReferee,
  spawnReferee,
} from '../testing/refereeTakeover.js';

const KILLS = 10;

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let collab: TestCollab;
let db: Kysely<Database>;
const players: HeadlessPlayer[] = [];
const referees: ChildProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  collab = await startTestCollab({ databaseUrl: database.url });
  db = createDb(database.url);
});
afterEach(() => {
  for (const p of players.splice(0)) p.close();
  for (const r of referees) if (r.exitCode === null) r.kill('SIGKILL');
});
afterAll(async () => {
  await collab.stop();
  await db.destroy();
  await database.drop();
});

function startRefereeProcess(n: number): ChildProcess {
  const child = spawnReferee({
    databaseUrl: database.url,
    collabUrl: collab.ws,
    instanceId: `referee-kill-${n}`,
  });
  referees.push(child);
  return child;
}

describe('kill -9 of the referee mid-turn', () => {
  it(`ends every turn exactly once, counts no score twice and overruns no deadline by more than 5 s, over ${KILLS} kills`, async () => {
    let referee = startRefereeProcess(0);
    const seated = await seatPlayers(collab.http, collab.ws, ['Ana', 'Ben', 'Cleo']);
    players.push(...seated.players);
    const three = seated.players;
    await startGame(three[0]!, {
      rounds: 4,
      drawTimeSeconds: 30,
      afterFirstGuessSeconds: 5,
      hints: 2,
    });
    const played = await playTurnsKillingReferee(three, {
      turns: 12,
      kills: KILLS,
      killReferee: (turn) => {
        referee.kill('SIGKILL');
        referee = startRefereeProcess(turn + 1);
      },
    });
    await eventually(() => expect(three[0]!.state?.phase).toBe('gameEnd'), { timeoutMs: 20_000 });

    const report = await checkTakeovers(db, seated.roomId, played, three[0]!);
    expect(report.problems).toEqual([]);
    expect(report.turns).toBe(12);
  }, 400_000);
});
