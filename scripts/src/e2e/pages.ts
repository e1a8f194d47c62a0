import type { Browser, BrowserContext, Page } from 'playwright-core';
import { eventually } from '@scrawl/collab-server/testing';

/** Generous waits: a turn needs the referee, the server and a browser to agree. */
export const GAME_WAIT = { timeoutMs: 30_000, intervalMs: 100 };

/** A browser context with one page, as one person at one device. */
export interface Person {
  readonly name: string;
  readonly context: BrowserContext;
  readonly page: Page;
}

/** Opens a fresh browser context (its own storage: its own seat) at a size. */
export async function openPerson(
  browser: Browser,
  name: string,
  viewport = { width: 1280, height: 800 },
): Promise<Person> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    console.error(`[${name}] page error: ${error.message}`);
  });
  return { name, context, page };
}

/**
 * On the start page: types a name, creates a room, and returns its invite link from the UI once
 * the creator's board takes strokes.
 */
export async function createRoom(person: Person, url: string): Promise<string> {
  const { page } = person;
  await page.goto(url);
  await page.getByTestId('name-input').fill(person.name);
  await page.getByTestId('create-room').click();
  await page.waitForURL(/\/r\/[A-Z0-9]{6}$/);
  const invite = page.getByTestId('invite-link');
  await invite.waitFor();
  await drawableBoard(page);
  return invite.inputValue();
}

/**
 * The board's box once this page may draw on it. Input is dropped until the server has
 * granted write access and the board has measured itself (its canvas is then painted), and
 * under load that can come after the room page shows.
 */
export async function drawableBoard(page: Page) {
  const board = page.locator('[data-testid="board"][data-access="write"]');
  await board.locator('canvas').first().waitFor({ timeout: GAME_WAIT.timeoutMs });
  const box = await board.boundingBox();
  if (!box) throw new Error('the board is not visible');
  return box;
}

/** Opens an invite link and joins as a player or a spectator. */
export async function joinByInvite(
  person: Person,
  invite: string,
  role: 'player' | 'spectator' = 'player',
): Promise<void> {
  const { page } = person;
  await page.goto(invite);
  await page.getByTestId('name-input').fill(person.name);
  await page.getByTestId(`join-as-${role}`).check({ force: true });
  await page.getByTestId('join-room').click();
  await page.getByTestId('board').waitFor();
}

/** What `window.__scrawl` says about a room page. */
export async function hooks(page: Page): Promise<{ playerId: string; strokes: number }> {
  return page.evaluate(() => {
    const scrawl = (window as { __scrawl?: { playerId: string; strokeCount(): number } }).__scrawl;
    if (!scrawl) throw new Error('no room page');
    return { playerId: scrawl.playerId, strokes: scrawl.strokeCount() };
  });
}

/** Types a line into the chat (or guess) box and sends it with Enter. */
export async function say(page: Page, text: string): Promise<void> {
  const input = page.getByTestId('chat-input');
  await input.fill(text);
  await input.press('Enter');
}

/** Draws a zigzag across the middle of the board with the mouse. */
export async function scribble(page: Page, steps = 24): Promise<void> {
  const box = await drawableBoard(page);
  const x0 = box.x + box.width * 0.25;
  const y0 = box.y + box.height * 0.5;
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  for (let step = 1; step <= steps; step++) {
    const x = x0 + (box.width * 0.5 * step) / steps;
    const y = y0 + (step % 2 === 0 ? -1 : 1) * box.height * 0.15;
    await page.mouse.move(x, y, { steps: 2 });
  }
  await page.mouse.up();
}

/** The phase a room page shows (from the game bar), or 'none' before the game state. */
export async function phaseOf(page: Page): Promise<string> {
  return (await page.getByTestId('game-bar').getAttribute('data-phase')) ?? 'none';
}

/** Waits until every page shows a phase. */
export async function waitForPhase(pages: readonly Page[], phase: string): Promise<void> {
  await eventually(async () => {
    for (const page of pages) {
      if ((await phaseOf(page)) !== phase) throw new Error(`not yet ${phase}`);
    }
  }, GAME_WAIT);
}

/** A player's score as a page's player list shows it. */
export async function scoreOn(page: Page, playerId: string): Promise<number> {
  const row = page.locator(`[data-testid="player"][data-player-id="${playerId}"]`);
  return Number(await row.getAttribute('data-score'));
}

/** A word with its last letter changed: one edit away, so the referee calls it close. */
export function oneEditAway(word: string): string {
  const last = word.at(-1) ?? 'a';
  return word.slice(0, -1) + (last === 'q' ? 'x' : 'q');
}
