import assert from 'node:assert/strict';
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { TEST_SECRETS, eventually } from '@scrawl/collab-server/testing';
import type { Database } from '@scrawl/protocol';
import { drawTurn, type HeadlessPlayer } from './gameHarness.js';

const REFEREE_BIN = fileURLToPath(new URL('../../../referee/dist/bin.js', import.meta.url));
/** The overrun a takeover may add to a turn's deadline (issue 5). */
export const MAX_OVERRUN_MS = 5000;

/** Starts the built referee as its own process, polling fast, against one collab-server. */
export function spawnReferee(options: {
  databaseUrl: string;
  collabUrl: string;
  instanceId: string;
  stdio?: StdioOptions;
}): ChildProcess {
  return spawn(process.execPath, [REFEREE_BIN], {
    env: {
      ...process.env,
      ...TEST_SECRETS,
      DATABASE_URL: options.databaseUrl,
      COLLAB_URL: options.collabUrl,
      REFEREE_PORT: '0',
      REFEREE_POLL_MS: '200',
      INSTANCE_ID: options.instanceId,
      LOG_LEVEL: 'error',
    },
    stdio: options.stdio ?? ['ignore', 'inherit', 'inherit'],
  });
}

/** One played turn, as the players saw it. */
export interface PlayedTurn {
  drawer: HeadlessPlayer;
  word: string;
  choices: readonly string[];
  canvasRound: number;
  /** The deadline the turn had once it was solved (server epoch ms). */
  deadline: number;
  /** Each player's frame count when the turn began, to inspect the turn's frames later. */
  framesBefore: Map<HeadlessPlayer, number>;
}

/**
 * Plays `turns` turns of a started game: the drawer picks a word and draws, the next player
 * solves, and for the first `kills` turns `killReferee(turn)` runs right after the solve
 * (kill -9 the referee and start another). Each turn waits for its end before the next.
 * Without `killReferee` the turns tolerate referees killed at any moment by someone else: a
 * guess sent while no referee drives the room is lost, so it is sent again until the public
 * scoreboard shows the solve (another correct guess is private chat and scores nothing, G6).
 */
export async function playTurnsKillingReferee(
  players: readonly HeadlessPlayer[],
  options: {
    turns: number;
    kills?: number;
    killReferee?: (turn: number) => void;
    watchers?: readonly HeadlessPlayer[];
    onTurnEnd?: (turn: PlayedTurn) => void;
    /** Which of the choices the drawer picks (the first by default). */
    choose?: (choices: readonly string[]) => number;
  },
): Promise<PlayedTurn[]> {
  const everyone = [...players, ...(options.watchers ?? [])];
  const played: PlayedTurn[] = [];
  for (let turn = 0; turn < options.turns; turn++) {
    const framesBefore = new Map(everyone.map((p) => [p, p.frames.length]));
    const { drawer, word, canvasRound } = await drawTurn(players, options.choose);
    const choices = drawer.last('word/choices')?.choices ?? [word];
    const solver = players.find((p) => p !== drawer);
    if (!solver) throw new Error('a turn needs a guesser');
    const solved = () => {
      const state = solver.state;
      assert.equal(state?.canvasRound, canvasRound);
      assert.ok(state.scoreboard.some((seat) => seat.id === solver.id && seat.solved));
    };
    await eventually(
      async () => {
        solver.send({ type: 'guess/send', text: word });
        await eventually(solved, { timeoutMs: 2000 });
      },
      { timeoutMs: 30_000 },
    );
    const deadline = await eventually(() => {
      const state = drawer.state;
      assert.ok(state?.deadline && state.deadline - Date.now() <= 5_000);
      return state.deadline;
    });
    if (turn < (options.kills ?? 0)) options.killReferee?.(turn);
    await eventually(() => assert.match(drawer.state?.phase ?? '', /turnEnd|gameEnd/), {
      timeoutMs: 20_000,
    });
    const result = { drawer, word, choices, canvasRound, deadline, framesBefore };
    played.push(result);
    options.onTurnEnd?.(result);
  }
  return played;
}

/** What the stored turns and scores of a room say after referee takeovers. */
export interface TakeoverReport {
  /** Broken promises, one sentence each; empty when every promise held. */
  problems: string[];
  turns: number;
  maxOverrunMs: number;
}

/**
 * Checks a room played through referee kills: every turn ended once, by time, no later than
 * MAX_OVERRUN_MS after its deadline; no score counted twice (the stored scores and the
 * scoreboard equal one count of each correct guess plus each turn's drawer points).
 */
export async function checkTakeovers(
  db: Kysely<Database>,
  roomId: string,
  played: readonly PlayedTurn[],
  host: HeadlessPlayer,
): Promise<TakeoverReport> {
  const problems: string[] = [];
  const deadlines = new Map(played.map((turn) => [turn.canvasRound, turn.deadline]));
  const turns = await db
    .selectFrom('turns')
    .selectAll()
    .where('room_id', '=', roomId)
    .orderBy('canvas_round')
    .execute();
  if (turns.length !== played.length)
    problems.push(`${turns.length} turns stored, ${played.length} played`);
  let maxOverrunMs = 0;
  for (const turn of turns) {
    if (!turn.ended_at) problems.push(`turn ${turn.canvas_round} never ended`);
    if (turn.end_reason !== 'time')
      problems.push(`turn ${turn.canvas_round} ended by ${turn.end_reason}, not time`);
    const deadline = deadlines.get(turn.canvas_round);
    if (turn.ended_at && deadline !== undefined) {
      const overrun = turn.ended_at.getTime() - deadline;
      maxOverrunMs = Math.max(maxOverrunMs, overrun);
      if (overrun > MAX_OVERRUN_MS)
        problems.push(`turn ${turn.canvas_round} overran its deadline by ${overrun} ms`);
    }
  }
  const guesses = await db
    .selectFrom('guesses')
    .select(['player_id', 'points'])
    .where('room_id', '=', roomId)
    .where('verdict', '=', 'correct')
    .execute();
  if (guesses.length !== played.length)
    problems.push(`${guesses.length} correct guesses stored, ${played.length} made`);
  const expected = new Map<string, number>();
  for (const g of guesses) expected.set(g.player_id, (expected.get(g.player_id) ?? 0) + g.points);
  for (const turn of turns) {
    const drawerGain = (turn.gained as Record<string, number>)[turn.drawer_id] ?? 0;
    expected.set(turn.drawer_id, (expected.get(turn.drawer_id) ?? 0) + drawerGain);
  }
  const game = await db
    .selectFrom('games')
    .select('id')
    .where('room_id', '=', roomId)
    .executeTakeFirstOrThrow();
  const scores = await db
    .selectFrom('game_scores')
    .selectAll()
    .where('game_id', '=', game.id)
    .execute();
  const stored = new Map(scores.map((score) => [score.player_id, score.score]));
  for (const id of new Set([...stored.keys(), ...expected.keys()])) {
    if (stored.get(id) !== expected.get(id))
      problems.push(
        `stored score of ${id} is ${stored.get(id)}, guesses and turns give ${expected.get(id)}`,
      );
  }
  for (const entry of host.state?.scoreboard ?? []) {
    if (entry.score !== (expected.get(entry.id) ?? 0))
      problems.push(`scoreboard shows ${entry.score} for ${entry.id}`);
  }
  return { problems, turns: turns.length, maxOverrunMs };
}
