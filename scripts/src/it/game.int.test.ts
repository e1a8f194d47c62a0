import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '@scrawl/collab-server/testing';
import { drawerPoints, guessPoints } from '@scrawl/referee';
import {
  HeadlessPlayer,
  closeTo,
  drawTurn,
  seatPlayers,
  startGame,
  startGameWorld,
  type GameWorld,
} from '../testing/gameHarness.js';

let world: GameWorld;
const players: HeadlessPlayer[] = [];

beforeAll(async () => {
  // The RPC flood test sends 200 guesses in one burst; every other limit stays as shipped.
  world = await startGameWorld({ LIMIT_RPC_PER_S: '1000' });
});
afterEach(() => {
  for (const player of players.splice(0)) player.close();
});
afterAll(async () => {
  await world.close();
});

async function room(names: string[], spectators: string[] = []) {
  const seated = await seatPlayers(world.collab.http, world.collab.ws, names, spectators);
  players.push(...seated.players, ...seated.spectators);
  return seated;
}

describe('the referee runs a game', () => {
  it('plays 3 rounds with 4 players to the podium, scoring by the SPEC table', async () => {
    const { players: four, roomId } = await room(['Ana', 'Ben', 'Cleo', 'Dev']);
    await startGame(four[0]!, { rounds: 3, drawTimeSeconds: 60, wordChoices: 3, hints: 2 });
    const drawersSeen: string[] = [];
    for (let turn = 0; turn < 12; turn++) {
      const { drawer, word, canvasRound } = await drawTurn(four);
      drawersSeen.push(drawer.id);
      const guessers = four.filter((p) => p !== drawer);
      const [first, second, third] = guessers as [HeadlessPlayer, HeadlessPlayer, HeadlessPlayer];
      first.send({ type: 'guess/send', text: 'zzz definitely wrong' });
      const close = closeTo(word);
      if (close) {
        second.send({ type: 'guess/send', text: close });
        await eventually(() => expect(second.last('guess/close')?.text).toContain(close));
      }
      first.send({ type: 'guess/send', text: word.toUpperCase() });
      await eventually(() => expect(first.last('guess/correct')?.canvasRound).toBe(canvasRound));
      first.send({ type: 'guess/send', text: word }); // a duplicate: solver chat, never scored again
      second.send({ type: 'guess/send', text: ` ${word}  ` });
      third.send({ type: 'guess/send', text: word });
      await eventually(() => expect(drawer.state?.phase).toMatch(/turnEnd|gameEnd/), {
        timeoutMs: 10_000,
      });
      expect(drawer.state?.word).toBe(word);
      const wrong = drawer.chat.filter((line) => line.text === 'zzz definitely wrong');
      expect(wrong.length).toBeGreaterThan(0);
      if (close) expect(drawer.chat.some((line) => line.text.includes(close))).toBe(false);
    }
    await eventually(() => expect(four[0]!.state?.phase).toBe('gameEnd'), { timeoutMs: 10_000 });
    // Every player drew once a round.
    for (const p of four) expect(drawersSeen.filter((id) => id === p.id)).toHaveLength(3);

    // Stored scores equal the SPEC table, recomputed from the stored guesses.
    const game = await world.db
      .selectFrom('games')
      .selectAll()
      .where('room_id', '=', roomId)
      .executeTakeFirstOrThrow();
    const turns = await world.db
      .selectFrom('turns')
      .selectAll()
      .where('game_id', '=', game.id)
      .orderBy('canvas_round')
      .execute();
    expect(turns).toHaveLength(12);
    const guesses = await world.db
      .selectFrom('guesses')
      .selectAll()
      .where('room_id', '=', roomId)
      .orderBy('id')
      .execute();
    const expected = new Map<string, number>(four.map((p) => [p.id, 0]));
    const drawTimeMs = 60_000;
    for (const turn of turns) {
      const correct = guesses.filter(
        (g) => g.canvas_round === turn.canvas_round && g.verdict === 'correct',
      );
      expect(correct).toHaveLength(3);
      const drawingStart = turn.deadline_at.getTime() - drawTimeMs;
      correct.forEach((guess, index) => {
        const elapsed = guess.at.getTime() - drawingStart;
        expect(guess.points).toBe(guessPoints(elapsed, drawTimeMs, index === 0));
        expected.set(guess.player_id, (expected.get(guess.player_id) ?? 0) + guess.points);
      });
      const solverTime = correct.map((g) =>
        guessPoints(g.at.getTime() - drawingStart, drawTimeMs, false),
      );
      const drawer = drawerPoints(solverTime, 3);
      expected.set(turn.drawer_id, (expected.get(turn.drawer_id) ?? 0) + drawer);
      expect((turn.gained as Record<string, number>)[turn.drawer_id]).toBe(drawer);
    }
    const scores = await world.db
      .selectFrom('game_scores')
      .selectAll()
      .where('game_id', '=', game.id)
      .execute();
    expect(Object.fromEntries(scores.map((s) => [s.player_id, s.score]))).toEqual(
      Object.fromEntries(expected),
    );
    const board = four[0]!.state!.scoreboard;
    for (const entry of board) expect(entry.score).toBe(expected.get(entry.id));
    expect(four[0]!.state!.podium[0]?.place).toBe(1);
  }, 240_000);

  it('scores 200 identical correct guesses once, and nothing for a guess 50 ms after the deadline', async () => {
    const { players: three, roomId } = await room(['Ana', 'Ben', 'Cleo']);
    await startGame(three[0]!, { rounds: 1, drawTimeSeconds: 30, afterFirstGuessSeconds: 5 });
    const { drawer, word, canvasRound } = await drawTurn(three);
    const [eager, late] = three.filter((p) => p !== drawer) as [HeadlessPlayer, HeadlessPlayer];
    for (let i = 0; i < 200; i++) eager.send({ type: 'guess/send', text: word });
    await eventually(() => expect(eager.last('guess/correct')?.canvasRound).toBe(canvasRound));
    const deadline = await eventually(() => {
      const state = late.state!;
      expect(state.deadline).not.toBeNull();
      expect(state.deadline! - Date.now()).toBeLessThanOrEqual(5_000);
      return state.deadline!;
    });
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline + 50 - Date.now())));
    late.send({ type: 'guess/send', text: word });
    await eventually(() => expect(late.state?.phase).not.toBe('drawing'), { timeoutMs: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const correct = await world.db
      .selectFrom('guesses')
      .select(['player_id', 'points'])
      .where('room_id', '=', roomId)
      .where('canvas_round', '=', canvasRound)
      .where('verdict', '=', 'correct')
      .execute();
    expect(correct.map((g) => g.player_id)).toEqual([eager.id]);
    expect(late.last('guess/correct')).toBeUndefined();
    const board = await eventually(() => {
      const entries = late.state!.scoreboard;
      expect(entries.find((e) => e.id === eager.id)?.score).toBe(correct[0]!.points);
      return entries;
    });
    expect(board.find((e) => e.id === late.id)?.score).toBe(0);
  }, 60_000);

  it('gives a player who reloads within 60 s the same seat and score', async () => {
    const { players: three, code } = await room(['Ana', 'Ben', 'Cleo']);
    await startGame(three[0]!, { rounds: 1, drawTimeSeconds: 30 });
    const { drawer, word } = await drawTurn(three);
    const solver =
      three.find((p) => p !== drawer && p !== three[0]) ?? three.find((p) => p !== drawer)!;
    solver.send({ type: 'guess/send', text: word });
    const score = await eventually(() => {
      const entry = solver.state!.scoreboard.find((e) => e.id === solver.id)!;
      expect(entry.score).toBeGreaterThan(0);
      return entry.score;
    });
    solver.close();
    await eventually(
      () => expect(drawer.state!.scoreboard.find((e) => e.id === solver.id)?.connected).toBe(false),
      {
        timeoutMs: 10_000,
      },
    );
    const back = new HeadlessPlayer(solver.seat, world.collab.ws);
    players.push(back);
    await eventually(() => {
      const entry = drawer.state!.scoreboard.find((e) => e.id === solver.id);
      expect(entry).toMatchObject({ connected: true, score });
    });
    expect(drawer.state!.scoreboard.filter((e) => e.id === solver.id)).toHaveLength(1);
    expect(code).toHaveLength(6);
  }, 60_000);

  it('tells a second tab of the drawer their choices, and of a solver the word, at once', async () => {
    // A second socket of a present player changes nobody's presence: only the new socket's
    // announcement to the referee brings the secrets there (a whisper sent while a socket
    // was down is lost the same way).
    const { players: three } = await room(['Ana', 'Ben', 'Cleo']);
    await startGame(three[0]!, { rounds: 1, drawTimeSeconds: 60 });
    const choosing = three[0]!.state!;
    const drawer = three.find((p) => choosing.drawerIds.includes(p.id))!;
    const offered = await eventually(() => {
      const whisper = drawer.last('word/choices');
      expect(whisper?.canvasRound).toBe(choosing.canvasRound);
      return whisper!;
    });
    const drawerTab = new HeadlessPlayer(drawer.seat, world.collab.ws);
    players.push(drawerTab);
    await eventually(() => expect(drawerTab.last('word/choices')).toEqual(offered));
    expect(drawerTab.whispers.some((w) => w.type === 'word/secret')).toBe(false);

    drawerTab.send({ type: 'word/choose', index: 1 });
    const word = offered.choices[1]!;
    await eventually(() => expect(drawer.last('word/secret')?.word).toBe(word));
    const solver = three.find((p) => p !== drawer)!;
    const guesser = three.find((p) => p !== drawer && p !== solver)!;
    solver.send({ type: 'guess/send', text: word });
    await eventually(() => expect(solver.last('guess/correct')?.word).toBe(word));
    const solverTab = new HeadlessPlayer(solver.seat, world.collab.ws);
    const guesserTab = new HeadlessPlayer(guesser.seat, world.collab.ws);
    players.push(solverTab, guesserTab);
    await eventually(() => expect(solverTab.last('word/secret')?.word).toBe(word));
    // The guesser's tab, opened with the solver's, is told nothing.
    await eventually(() => expect(guesserTab.state?.phase).toBe('drawing'));
    expect(guesserTab.whispers).toEqual([]);
  }, 60_000);
});
