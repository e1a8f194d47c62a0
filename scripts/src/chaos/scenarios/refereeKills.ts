import { eventually } from '@scrawl/collab-server/testing';
import { createDb } from '@scrawl/collab-server';
import { startGame, type HeadlessPlayer } from '../../testing/gameHarness.js';
import {
  MAX_OVERRUN_MS,
  checkTakeovers,
  playTurnsKillingReferee,
  type PlayedTurn,
} from '../../testing/refereeTakeover.js';
import { sleep, type Scenario } from '../context.js';
import { Referees } from '../infra/referees.js';
import { ScenarioCollab } from '../infra/scenarioCollab.js';
import { GameWatch, type Change, type Mark } from '../referee/gameWatch.js';
import { audit, watchRoom } from '../secrecy/audit.js';
import { isSchemaConstant } from '../secrecy/wordSearch.js';
import { seatRooms } from '../secrecy/playTurns.js';

/** Between a referee's restart and the next kill. */
const PAUSE_MS: readonly [number, number] = [1000, 4000];
/**
 * How long a killed referee's rooms may take to show a write of another referee: the issue's
 * bound on what a takeover adds to a deadline (the lease is 3 s, polled every 200 ms).
 */
const TAKEOVER_BOUND_MS = MAX_OVERRUN_MS;
/** How long the scenario waits for a takeover before it counts one as never. */
const TAKEOVER_WAIT_MS = 20_000;
/**
 * A game's bound, start to podium: 15 s a turn (the solver guesses at once, the turn ends
 * 5 s after the first guess and shows its end 5 s) and 20 s a kill (a choice sent while no
 * referee drove the room is lost, so the referee picks after 15 s, plus the takeover).
 */
const TURN_MS = 15_000;
const KILL_MS = 20_000;
/**
 * A turn without faults takes about 11 s: the rooms' games start this far apart, spread over
 * one turn, so that kills find rooms in different phases.
 */
const CYCLE_MS = 11_000;

/** One room of the scenario. */
interface Room {
  index: number;
  roomId: string;
  players: HeadlessPlayer[];
  spectators: HeadlessPlayer[];
  watch: GameWatch;
  /** When its game started. */
  started?: number;
}

/** What one kill did to one room the killed referee held. */
interface Takeover {
  room: Room;
  mark: Mark;
  /** The first write of another referee, if one came. */
  first: Change | null;
  /** Whether the room's lease went to the referee that survived the kill. */
  toSurvivor: boolean;
}

/**
 * Referee kills (the referee issue, repeated here): a collab-server and two referee processes;
 * rooms of headless players play whole games while one referee after the other is SIGKILLed
 * (one holding rooms, at random moments of the games) and, once another took its rooms over,
 * a fresh one is started, so two run again. Each game must reach its podium; each room must
 * hold in Postgres every turn once, ended once, by time and no more than 5 s past its
 * deadline, scores equal to the recorded guesses and drawer points, a replay of every turn
 * with the drawer's stroke; every takeover resumes the game where it was, within 5 s; no
 * guesser or spectator receives a word before they solve it or the turn ends.
 */
export const refereeKills: Scenario = {
  name: 'referee-kills',
  async run({ tier, random, figures, database, logFd, defer, say }) {
    const { rooms, players, spectators, rounds, kills } = tier.refereeKills;
    const collab = await ScenarioCollab.start({ database, logFd, defer });
    const { http, databaseUrl, ws: url } = collab;
    const db = createDb(databaseUrl, { max: 2 });
    defer(() => db.destroy());
    const referees = new Referees({ logFd, defer }, { databaseUrl, collabUrl: url });
    await Promise.all([referees.start(), referees.start()]);

    const seated: Room[] = (await seatRooms(defer, http, url, { rooms, players, spectators })).map(
      (room, index) => ({ index, ...room, watch: new GameWatch(room.players) }),
    );
    const turns = rounds * players;
    const settings = { rounds, drawTimeSeconds: 30, afterFirstGuessSeconds: 5, hints: 2 };
    say(`${rooms} rooms × ${players} players + ${spectators} spectator(s), ${turns} turns each`);
    const started = Date.now();

    let over = false;
    // Games start before the first kill (a start is not sent again if a referee misses it).
    const starts = seated.map(async (room) => {
      await sleep((room.index * CYCLE_MS) / rooms);
      await startGame(room.players[0]!, settings);
      room.started = Date.now();
    });
    const games = Promise.allSettled(
      seated.map(async (room, i) => {
        await starts[i];
        const played = await playTurnsKillingReferee(room.players, {
          turns,
          watchers: room.spectators,
          choose: (choices) =>
            Math.max(
              0,
              choices.findIndex((c) => !isSchemaConstant(c)),
            ),
        });
        await eventually(() => room.watch.podiumAt ?? fail('no podium yet'), {
          timeoutMs: 30_000,
        });
        return played;
      }),
    ).finally(() => {
      over = true;
    });

    await Promise.allSettled(starts);
    const takeovers: Takeover[] = [];
    let killed = 0;
    for (let k = 0; k < kills && !over; k++) {
      await sleep(random.int(...PAUSE_MS));
      if (over) break;
      const leases = await Referees.leases(db);
      const holding = referees.running.filter((referee) =>
        leases.some((lease) => lease.owner === referee.name && !lease.expired),
      );
      if (holding.length === 0) continue;
      const victim = random.pick(holding);
      const held = seated.filter((room) =>
        leases.some((lease) => lease.roomId === room.roomId && lease.owner === victim.name),
      );
      const marks = held.map((room) => room.watch.mark());
      await referees.kill(victim);
      killed++;
      const [survivor] = referees.running;
      const firsts = await eventually(
        () => held.map((room, i) => room.watch.takeover(marks[i]!) ?? fail('not yet')),
        { timeoutMs: TAKEOVER_WAIT_MS, intervalMs: 50 },
      ).catch(() => held.map((room, i) => room.watch.takeover(marks[i]!)));
      const owners = await Referees.leases(db);
      const now = held.map((room, i) => ({
        room,
        mark: marks[i]!,
        first: firsts[i] ?? null,
        toSurvivor: owners.some((l) => l.roomId === room.roomId && l.owner === survivor?.name),
      }));
      takeovers.push(...now);
      say(
        `kill ${killed}: ${victim.name} held ${held.length} room(s) ` +
          `(${now.map((t) => t.room.watch.before(t.mark)?.phase).join(', ')}); ` +
          `taken over by ${survivor?.name ?? 'nobody'} in ` +
          `${now.map((t) => (t.first ? `${t.first.at - t.mark.at} ms` : 'never')).join(', ')}`,
      );
      await referees.start();
    }

    const results = await games;
    const played = new Map<Room, PlayedTurn[]>();
    for (const [i, result] of results.entries()) {
      if (result.status === 'fulfilled') played.set(seated[i]!, result.value);
      else say(`room ${i}: game not finished: ${String(result.reason)}`);
    }
    say(`${killed} kills; games over after ${((Date.now() - started) / 1000).toFixed(0)} s`);

    // Postgres: every turn once, ended once; scores, deadlines (the kill -9 test's checks).
    let problems = 0;
    let maxOverrunMs = 0;
    let turnsStored = 0;
    let turnsLost = 0;
    let turnsTwice = 0;
    for (const room of seated) {
      const stored = await db
        .selectFrom('turns')
        .select(['round', 'drawer_id', 'ended_at'])
        .where('room_id', '=', room.roomId)
        .execute();
      const once = new Set(
        stored.filter((t) => t.ended_at).map((t) => `${t.round}/${t.drawer_id}`),
      );
      turnsStored += stored.length;
      turnsLost += Math.max(0, turns - once.size);
      turnsTwice += stored.length - new Set(stored.map((t) => `${t.round}/${t.drawer_id}`)).size;
      turnsTwice += room.watch.turnsReplayed();
      const turnsPlayed = played.get(room);
      if (!turnsPlayed) continue;
      const report = await checkTakeovers(db, room.roomId, turnsPlayed, room.players[0]!);
      for (const problem of report.problems) say(`room ${room.index}: ${problem}`);
      problems += report.problems.length;
      maxOverrunMs = Math.max(maxOverrunMs, report.maxOverrunMs);
    }

    // Every ended turn archived as a replay holding the drawer's stroke.
    const replays = async () =>
      db
        .selectFrom('replays')
        .select(['room_id', 'strokes'])
        .where(
          'room_id',
          'in',
          seated.map((room) => room.roomId),
        )
        .execute();
    const archived = await eventually(
      async () => {
        const rows = await replays();
        if (rows.length < rooms * turns) throw new Error('replays missing');
        return rows;
      },
      { timeoutMs: 15_000, intervalMs: 250 },
    ).catch(replays);

    const leases = await Referees.leases(db);
    const stranded = leases.filter(
      (lease) =>
        seated.some((room) => room.roomId === lease.roomId) &&
        referees.killed.includes(lease.owner),
    ).length;

    // Nothing secret leaked: every frame to guessers and spectators, as `secrecy` searches.
    const audited = seated.flatMap((room) =>
      (played.get(room) ?? []).map((turn) => ({
        room: room.index,
        canvasRound: turn.canvasRound,
        drawerId: turn.drawer.id,
        word: turn.word,
        choices: turn.choices,
      })),
    );
    const tally = audit(
      audited,
      seated.flatMap((room) => watchRoom(room.index, [...room.players, ...room.spectators])),
    );
    for (const example of tally.examples) say(`LEAK: ${example}`);
    for (const miss of tally.drawerMisses) say(`drawer did not see the word: ${miss}`);
    // Drawers avoid such words; the referee may pick one for a drawer whose choice was lost.
    const blind = audited.filter((turn) => isSchemaConstant(turn.word));
    for (const turn of blind)
      say(
        `turn ${turn.canvasRound} of room ${turn.room}: "${turn.word}" (a schema value) not searchable`,
      );

    const finished = seated.filter((room) => played.has(room) && room.watch.podiumAt !== null);
    const gameMs = Math.max(
      0,
      ...finished.map((room) => room.watch.podiumAt! - (room.started ?? started)),
    );
    const took = (t: Takeover) => (t.first ? t.first.at - t.mark.at : Infinity);
    const resumed = takeovers.filter((t) => t.first && t.room.watch.resumed(t.mark, t.first));
    // Whispers are checked now: one may arrive after the takeover's first write.
    const retold = takeovers.map((t) => (t.first ? t.room.watch.retold(t.mark, t.first) : false));
    const inTurn = retold.filter((r) => r !== null);
    const count = (n: number, of: number) => `${n} / ${of}`;
    figures.add(
      'rooms × players + spectators',
      `${rooms} × ${players} + ${spectators}`,
      'failover',
    );
    figures.add('referee SIGKILLs', killed, 'failover', { min: kills });
    figures.add('games finished / played', count(finished.length, rooms), 'failover', {
      equals: count(rooms, rooms),
    });
    figures.add('slowest game, start to podium', gameMs / 1000, 'failover', {
      max: (turns * TURN_MS + kills * KILL_MS) / 1000,
      unit: 's',
    });
    figures.add('rooms taken over', takeovers.length, 'failover', { min: kills });
    figures.add(
      'slowest takeover (kill → next state change by the other referee)',
      Math.max(0, ...takeovers.map(took)),
      'failover',
      { max: TAKEOVER_BOUND_MS, unit: 'ms' },
    );
    figures.add(
      'takeovers by the surviving referee',
      count(takeovers.filter((t) => t.toSurvivor).length, takeovers.length),
      'failover',
      { equals: count(takeovers.length, takeovers.length) },
    );
    figures.add(
      'takeovers resuming where the game was',
      count(resumed.length, takeovers.length),
      'failover',
      { equals: count(takeovers.length, takeovers.length) },
    );
    figures.add(
      'drawers told their choices or word again (takeovers mid-turn)',
      count(inTurn.filter(Boolean).length, inTurn.length),
      'failover',
      { equals: count(inTurn.length, inTurn.length) },
    );
    figures.add('turns stored', turnsStored, 'failover', { equals: rooms * turns });
    figures.add('turns lost', turnsLost, 'failover', { max: 0 });
    figures.add('turns played twice', turnsTwice, 'failover', { max: 0 });
    figures.add(
      'stored turns, guesses and scores disagreeing with the play',
      problems,
      'failover',
      { max: 0 },
    );
    figures.add('slowest deadline overrun', maxOverrunMs, 'failover', {
      max: MAX_OVERRUN_MS,
      unit: 'ms',
    });
    figures.add(
      'scores that went down',
      seated.reduce((sum, room) => sum + room.watch.scoresDown(), 0),
      'failover',
      { max: 0 },
    );
    figures.add(
      "turns archived as replays with the drawer's stroke",
      count(archived.filter((r) => r.strokes >= 1).length, rooms * turns),
      'failover',
      { equals: count(rooms * turns, rooms * turns) },
    );
    figures.add('rooms still leased to a killed referee', stranded, 'failover', { max: 0 });
    figures.add('frames to guessers containing an unrevealed word', tally.wordLeaks, 'secrecy', {
      max: 0,
    });
    figures.add('frames to guessers containing an unchosen choice', tally.choiceLeaks, 'secrecy', {
      max: 0,
    });
    figures.add("drawers' turns where the word was seen (control)", tally.drawerSaw, 'secrecy', {
      min: tally.turns - blind.length,
    });
  },
};

function fail(message: string): never {
  throw new Error(message);
}
