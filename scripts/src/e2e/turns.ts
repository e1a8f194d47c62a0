import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';
import { eventually } from '@scrawl/collab-server/testing';
import { GAME_WAIT, drawableBoard, type Person } from './pages.js';

/** The player whose page offers words to choose: this turn's drawer. */
export async function drawerAmong(players: readonly Person[]): Promise<Person> {
  return eventually(async () => {
    for (const player of players) {
      if ((await player.page.getByTestId('word-option').count()) > 0) return player;
    }
    throw new Error('nobody is choosing a word yet');
  }, GAME_WAIT);
}

/**
 * The drawer picks a word; the test learns it from the drawer's page only. By default the
 * first choice; with `minLetters`, the first choice of at least that many letters (spaces
 * not counted), or the longest when none is that long.
 */
export async function chooseWord(drawer: Page, { minLetters = 0 } = {}): Promise<string> {
  const options = drawer.getByTestId('word-option');
  await options.first().waitFor({ timeout: GAME_WAIT.timeoutMs });
  const letters = (await options.allInnerTexts()).map((text) => text.replace(/\s/g, '').length);
  const enough = letters.findIndex((n) => n >= minLetters);
  const longest = letters.indexOf(Math.max(...letters));
  await options.nth(enough >= 0 ? enough : longest).click();
  const known = drawer.getByTestId('known-word');
  await known.waitFor({ timeout: GAME_WAIT.timeoutMs });
  return (await known.innerText()).trim();
}

/** The host sets the number of rounds and waits until the setting took. */
export async function setRounds(host: Page, rounds: number): Promise<void> {
  const field = host.getByTestId('setting-rounds');
  await field.fill(String(rounds));
  await field.blur();
  await eventually(async () => expect(Number(await field.inputValue())).toBe(rounds), GAME_WAIT);
}

/** One stroke with the mouse through board-relative points (0–1 of the board's box). */
async function stroke(page: Page, points: ReadonlyArray<readonly [number, number]>) {
  const box = await drawableBoard(page);
  const at = ([x, y]: readonly [number, number]) => [box.x + box.width * x, box.y + box.height * y];
  const [first, ...rest] = points.map(at);
  if (!first) return;
  await page.mouse.move(first[0]!, first[1]!);
  await page.mouse.down();
  for (const [x, y] of rest) await page.mouse.move(x!, y!, { steps: 4 });
  await page.mouse.up();
}

/**
 * Draws a small picture of several strokes in different sizes and colours, with pauses so
 * the replay has a timeline, then takes the pointer off the board (no cursor left on it).
 */
export async function drawPicture(page: Page): Promise<number> {
  const shapes: Array<{ size: number; color: string; points: Array<[number, number]> }> = [
    {
      size: 5,
      color: 'Black',
      points: [
        [0.2, 0.7],
        [0.35, 0.3],
        [0.5, 0.7],
        [0.65, 0.3],
        [0.8, 0.7],
      ],
    },
    {
      size: 4,
      color: 'Red',
      points: [
        [0.15, 0.2],
        [0.3, 0.15],
        [0.45, 0.2],
      ],
    },
    {
      size: 3,
      color: 'Blue',
      points: [
        [0.6, 0.85],
        [0.7, 0.8],
        [0.85, 0.85],
        [0.9, 0.6],
      ],
    },
    {
      size: 5,
      color: 'Green',
      points: [
        [0.75, 0.15],
        [0.78, 0.16],
      ],
    },
  ];
  for (const shape of shapes) {
    await page.getByTestId(`size-${String(shape.size)}`).check({ force: true });
    await page.locator('.palette').getByTitle(shape.color, { exact: true }).click();
    await stroke(page, shape.points);
    await page.waitForTimeout(400);
  }
  await page.mouse.move(2, 2);
  return shapes.length;
}
