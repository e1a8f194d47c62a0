import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '@scrawl/collab-server/testing';
import type { HeadlessPlayer } from '../testing/gameHarness.js';
import { turnSecrecy } from '../testing/secrecy.js';
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
  it('never sends the word (or the choices) to a non-drawer before they solved it or the turn ended, over 20 turns', async () => {
    const { players, spectators } = await seatPlayers(
      world.collab.http,
      world.collab.ws,
      ['Ana', 'Ben', 'Cleo', 'Dev'],
      ['Sam'],
    );
    everyone.push(...players, ...spectators);
    await startGame(players[0]!, {
      rounds: 5,
      drawTimeSeconds: 30,
      wordChoices: 3,
      hints: 3,
      afterFirstGuessSeconds: 5,
    });
    const watched = [...players, ...spectators];
    let checkedFrames = 0;
    for (let turn = 0; turn < 20; turn++) {
      const firstFrame = new Map(watched.map((p) => [p, p.frames.length]));
      const { drawer, word, canvasRound } = await drawTurn(players);
      const choices = drawer.last('word/choices')!.choices;
      expect(choices).toContain(word);
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
      await new Promise((resolve) => setTimeout(resolve, 100));
      for (const player of watched) {
        if (player === drawer) continue;
        const { allowedAt, leaked } = turnSecrecy(player, firstFrame.get(player) ?? 0, choices);
        expect(allowedAt).toBeGreaterThanOrEqual(0);
        expect(leaked).toEqual([]);
        checkedFrames += allowedAt;
      }
    }
    expect(checkedFrames).toBeGreaterThan(100);
  }, 400_000);
});
