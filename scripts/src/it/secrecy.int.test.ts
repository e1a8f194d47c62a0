import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '@scrawl/collab-server/testing';
import { audit, watchRoom, type PlayedTurn } from '../chaos/secrecy/audit.js';
import { isSchemaConstant } from '../chaos/secrecy/wordSearch.js';
import type { HeadlessPlayer } from '../testing/gameHarness.js';
import {
  drawTurn,
  seatPlayers,
  startGame,
  startGameWorld,
  type GameWorld,
} from '../testing/gameHarness.js';

let world: GameWorld;
const everyone: HeadlessPlayer[] = [];

beforeAll(async () => {
  world = await startGameWorld();
});
afterEach(() => {
  for (const player of everyone.splice(0)) player.close();
});
afterAll(async () => {
  await world.close();
});

describe('secrecy', () => {
  // Frames are searched as the chaos tier's secrecy scenario searches them (its word search
  // decodes every frame: "sing" in the phase "choosing" is no leak, "sing" anywhere else is).
  it('never sends the word (or the choices) to a non-drawer before they solved it or the turn ended, over 20 turns', async () => {
    const { players, spectators } = await seatPlayers(
      world.collab.http,
      world.collab.ws,
      ['Ana', 'Ben', 'Cleo', 'Dev'],
      ['Sam'],
      { keepBytes: true },
    );
    everyone.push(...players, ...spectators);
    await startGame(players[0]!, {
      rounds: 5,
      drawTimeSeconds: 30,
      wordChoices: 3,
      hints: 3,
      afterFirstGuessSeconds: 5,
    });
    const played: PlayedTurn[] = [];
    for (let turn = 0; turn < 20; turn++) {
      // A word that is also a schema value (`brush`) cannot be searched for: never take it.
      const { drawer, word, canvasRound } = await drawTurn(players, (choices) =>
        Math.max(
          0,
          choices.findIndex((choice) => !isSchemaConstant(choice)),
        ),
      );
      const choices = drawer.last('word/choices')!.choices;
      expect(choices).toContain(word);
      played.push({ room: 0, canvasRound, drawerId: drawer.id, word, choices });
      const guessers = players.filter((p) => p !== drawer);
      // Two solve (at different times), one never guesses; the spectator only watches.
      guessers[0]!.send({ type: 'guess/send', text: word });
      await eventually(() =>
        expect(guessers[0]!.last('guess/correct')?.canvasRound).toBe(canvasRound),
      );
      guessers[1]!.send({ type: 'guess/send', text: word });
      await eventually(() =>
        expect(guessers[1]!.last('guess/correct')?.canvasRound).toBe(canvasRound),
      );
      await eventually(() => expect(drawer.state?.phase).toMatch(/turnEnd|gameEnd/), {
        timeoutMs: 15_000,
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    const tally = audit(played, watchRoom(0, [...players, ...spectators]));
    expect(tally.examples).toEqual([]);
    expect(tally.wordLeaks).toBe(0);
    expect(tally.choiceLeaks).toBe(0);
    // The controls: every drawer was told the word, two solvers a turn were too, and every
    // non-drawer's turn end (three players and the spectator) showed it.
    expect(tally.drawerMisses).toEqual([]);
    expect(tally.drawerSaw).toBe(20);
    expect(tally.solves).toBe(40);
    expect(tally.solversSaw).toBe(40);
    expect(tally.revealsCarried).toBe(80);
    expect(tally.framesInspected).toBeGreaterThan(100);
  }, 400_000);
});
