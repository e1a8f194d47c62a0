import assert from 'node:assert/strict';
import { eventually } from '@scrawl/collab-server/testing';
import type { Language } from '@scrawl/protocol';
import { WORD_LISTS } from '@scrawl/referee';
import { closeTo, drawTurn, seatPlayers, type HeadlessPlayer } from '../../testing/gameHarness.js';
import { sleep, type ScenarioContext } from '../context.js';
import { DrawingClient } from '../load/DrawingClient.js';
import type { Random } from '../random.js';
import type { PlayedTurn } from './audit.js';
import { fold, isSchemaConstant, secretOf, tokens } from './wordSearch.js';

/** The draw time of every turn (the shortest the settings allow). */
export const DRAW_SECONDS = 30;
/** When the first guesser solves, after drawing began; the others follow within seconds. */
const FIRST_SOLVE_MS: readonly [number, number] = [2000, 12_000];
const NEXT_SOLVE_MS: readonly [number, number] = [500, 3500];
/** Between two lines of one player: the referee allows 5 per 3 s. */
const LINE_MS: readonly [number, number] = [1000, 2200];

/** One room of the scenario, seated and started. */
export interface SecrecyRoom {
  index: number;
  language: Language;
  players: HeadlessPlayer[];
  spectators: HeadlessPlayer[];
}

/**
 * Seats rooms of players (R0P0, R0P1, …; the first hosts) and spectators (R0S0, …), every
 * frame their sockets receive kept as bytes for the audit; closed after the scenario.
 */
export async function seatRooms(
  defer: ScenarioContext['defer'],
  http: string,
  url: string,
  counts: { rooms: number; players: number; spectators: number },
): Promise<Awaited<ReturnType<typeof seatPlayers>>[]> {
  const seated = [];
  for (let r = 0; r < counts.rooms; r++) {
    const names = Array.from({ length: counts.players }, (_, i) => `R${r}P${i}`);
    const watching = Array.from({ length: counts.spectators }, (_, i) => `R${r}S${i}`);
    const room = await seatPlayers(http, url, names, watching, { keepBytes: true });
    defer(() => [...room.players, ...room.spectators].forEach((p) => p.close()));
    seated.push(room);
  }
  return seated;
}

/** What the players sent, for the figures. */
export interface Sent {
  wrong: number;
  close: number;
  /** Guesses holding the word inside another ("xicecreamx"), which the referee shows nobody. */
  hidden: number;
  solves: number;
  /** Lines a solver sent naming the word: only the drawer and the other solvers may see them. */
  solverLines: number;
  /** Lines the drawer or a spectator sent naming the word, which the referee refuses. */
  refused: number;
  /** Chosen words with a space, a hyphen or a letter beyond ASCII. */
  unusualWords: number;
}

export const noneSent = (): Sent => ({
  wrong: 0,
  close: 0,
  hidden: 0,
  solves: 0,
  solverLines: 0,
  refused: 0,
  unusualWords: 0,
});

const UNUSUAL = /[\s-]|[^\p{ASCII}]/u;

/**
 * Plays `turns` turns of a room's started game as people do: the drawer picks a word (one
 * with a space, hyphen or umlaut when offered, so every folded form gets searched) and
 * draws stroke after stroke on its own socket as the web app does; guessers send wrong,
 * close and hidden guesses until some of them solve at random times (hints are revealed
 * meanwhile), then tell the word to whoever may read it; the drawer and the spectators try
 * to say it and are refused. Every turn runs until the referee ends it.
 */
export async function playTurns(
  room: SecrecyRoom,
  options: { turns: number; url: string; random: Random; sent: Sent },
): Promise<PlayedTurn[]> {
  const { sent } = options;
  const played: PlayedTurn[] = [];
  for (let turn = 0; turn < options.turns; turn++) {
    // Each actor has its own source, so what it does never depends on the others' timing.
    const random = options.random.fork(turn + 1);
    const { drawer, word, canvasRound } = await drawTurn(room.players, (choices) =>
      pickWord(choices, random),
    );
    const choices = drawer.last('word/choices')?.choices ?? [word];
    if (UNUSUAL.test(word)) sent.unusualWords++;
    const pen = new DrawingClient(drawer.seat, options.url, random.fork(0), {
      round: canvasRound,
    });
    pen.startDrawing();
    const guessers = room.players.filter((p) => p !== drawer);
    await Promise.all([...guessers, ...room.spectators].map((p) => p.openCanvas(canvasRound)));
    const live = () => {
      const state = drawer.state;
      return state?.canvasRound === canvasRound && state.phase === 'drawing';
    };
    const began = Date.now();
    const innocent = innocentWords(room.language, choices);

    // At least one guesser solves and at least one never does.
    const solvers = shuffle(guessers, random).slice(0, random.int(1, guessers.length - 1));
    let solveAt = random.int(...FIRST_SOLVE_MS);
    const solveTimes = new Map(
      solvers.map((p) => {
        const at = solveAt;
        solveAt += random.int(...NEXT_SOLVE_MS);
        return [p, at] as const;
      }),
    );

    const guess = async (player: HeadlessPlayer, index: number) => {
      const own = random.fork(index + 1);
      const line = () => own.pick(innocent);
      const at = solveTimes.get(player);
      let solved = false;
      await sleep(own.int(200, 1200));
      while (live()) {
        if (!solved && at !== undefined && Date.now() - began >= at) {
          player.send({ type: 'guess/send', text: variant(word, own) });
          solved = true;
          sent.solves++;
          await sleep(own.int(...LINE_MS));
          if (!live()) break;
          player.send({ type: 'chat/send', text: `it was ${word}, easy` });
          sent.solverLines++;
        } else if (!solved) {
          const close = closeTo(word);
          const roll = own.next();
          if (close && roll < 0.15) {
            player.send({ type: 'guess/send', text: close });
            sent.close++;
          } else if (roll < 0.25) {
            player.send({ type: 'guess/send', text: `x${word}x` });
            sent.hidden++;
          } else {
            player.send({ type: 'guess/send', text: line() });
            sent.wrong++;
          }
        } else player.send({ type: 'chat/send', text: line() });
        await sleep(own.int(...LINE_MS));
      }
    };
    const blurt = async (player: HeadlessPlayer, text: string, index: number) => {
      const own = random.fork(index + 1);
      await sleep(own.int(500, 3000));
      if (!live()) return;
      player.send({ type: 'chat/send', text });
      sent.refused++;
      while (live()) {
        await sleep(own.int(LINE_MS[0] * 2, LINE_MS[1] * 2));
        if (live()) player.send({ type: 'chat/send', text: own.pick(innocent) });
      }
    };
    const actors = Promise.all([
      ...guessers.map(guess),
      blurt(drawer, `it is ${word}`, guessers.length),
      ...room.spectators.map((s, i) => blurt(s, `${word}?`, guessers.length + 1 + i)),
    ]);
    try {
      await eventually(() => assert.ok(!live(), `turn ${canvasRound} is still drawn`), {
        timeoutMs: (DRAW_SECONDS + 15) * 1000,
        intervalMs: 100,
      });
      await actors;
    } finally {
      pen.close();
    }
    played.push({ room: room.index, canvasRound, drawerId: drawer.id, word, choices });
  }
  const last = played.at(-1)?.canvasRound;
  await eventually(
    () => {
      for (const p of [...room.players, ...room.spectators]) {
        const state = p.state;
        assert.ok(state && (state.canvasRound !== last || state.phase !== 'drawing'));
      }
    },
    { timeoutMs: 10_000 },
  );
  return played;
}

/** A choice with a space, hyphen or umlaut when there is one; otherwise any searchable one. */
function pickWord(choices: readonly string[], random: Random): number {
  // A word that is also a schema value (`brush`) cannot be searched for: never take it.
  const searchable = choices.flatMap((word, i) => (isSchemaConstant(word) ? [] : [i]));
  const unusual = searchable.filter((i) => UNUSUAL.test(choices[i]!));
  if (unusual.length > 0) return random.pick(unusual);
  return searchable.length > 0 ? random.pick(searchable) : random.int(0, choices.length - 1);
}

/** The word as a guesser might type it: as shown, shouted, without accents, without spaces. */
function variant(word: string, random: Random): string {
  return random.pick([word, word.toUpperCase(), fold(word), word.replace(/[\s-]+/g, '')]);
}

/** Words of the room's list that hold none of the turn's choices (so they are public lines). */
function innocentWords(language: Language, choices: readonly string[]): string[] {
  const keys = choices.map((choice) => secretOf(choice).key);
  return WORD_LISTS[language].filter((word) => {
    const letters = tokens(word).join('');
    return keys.every((key) => !letters.includes(key));
  });
}

function shuffle<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
