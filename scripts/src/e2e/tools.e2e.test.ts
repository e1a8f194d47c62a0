import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { eventually } from '@scrawl/collab-server/testing';
import { inkAround, screenshot } from './browser.js';
import { GAME_WAIT, createRoom, hooks, joinByInvite, openPerson } from './pages.js';
import { useScrawlBrowser } from './fixture.js';

const app = useScrawlBrowser('tools', { startAtOnce: true });

/** A point of the board as shares of its size, in page and in board-element pixels. */
async function at(page: Page, x: number, y: number) {
  const box = await page.getByTestId('board').boundingBox();
  if (!box) throw new Error('the board is not visible');
  const local = { x: box.width * x, y: box.height * y };
  return { page: { x: box.x + local.x, y: box.y + local.y }, local };
}

async function drag(page: Page, from: [number, number], to: [number, number]): Promise<void> {
  const start = await at(page, ...from);
  const end = await at(page, ...to);
  await page.mouse.move(start.page.x, start.page.y);
  await page.mouse.down();
  await page.mouse.move(end.page.x, end.page.y, { steps: 12 });
  await page.mouse.up();
}

async function strokes(page: Page, count: number): Promise<void> {
  await eventually(async () => expect((await hooks(page)).strokes).toBe(count), GAME_WAIT);
}

async function key(page: Page, combo: string): Promise<void> {
  await page.evaluate(() => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  });
  await page.keyboard.press(combo);
}

describe('drawing tools on the lobby board', () => {
  it('erases with the stroke eraser, undoes, switches tools by key and clears only own strokes', async () => {
    const ana = await openPerson(app.browser, 'Ana');
    const ben = await openPerson(app.browser, 'Ben');
    const invite = await createRoom(ana, app.scrawl.url);
    await joinByInvite(ben, invite);
    const { page } = ana;
    await drag(page, [0.3, 0.3], [0.7, 0.3]);
    await drag(page, [0.3, 0.7], [0.7, 0.7]);
    await strokes(page, 2);
    const upper = (await at(page, 0.5, 0.3)).local;
    expect(await inkAround(page, upper)).toBeGreaterThan(10);

    await key(page, 'e');
    await expect(page.getByTestId('tool-eraser').locator('input').isChecked()).resolves.toBe(true);
    await drag(page, [0.5, 0.15], [0.5, 0.45]);
    await strokes(page, 1);
    await eventually(async () => expect(await inkAround(page, upper)).toBe(0));

    await key(page, 'Control+z');
    await strokes(page, 2);
    await eventually(async () => expect(await inkAround(page, upper)).toBeGreaterThan(10));

    await key(page, 'b');
    await key(page, ']');
    await key(page, ']');
    await expect(page.getByTestId('tool-brush').locator('input').isChecked()).resolves.toBe(true);
    await expect(page.getByTestId('size-5').isChecked()).resolves.toBe(true);

    await drag(ben.page, [0.2, 0.5], [0.8, 0.5]);
    await strokes(page, 3);
    await page.getByTestId('clear').click();
    await screenshot(page, 'tools-clear-confirmation');
    await page.locator('dialog[open]').getByTestId('confirm').click();
    await strokes(page, 1);
    await strokes(ben.page, 1);

    await key(page, 'Control+z');
    await strokes(ben.page, 3);
    await ana.context.close();
    await ben.context.close();
  }, 120_000);

  it('ignores a palm’s touch while the pen draws, and takes touches again once the pen is away', async () => {
    const cleo = await openPerson(app.browser, 'Cleo');
    await cleo.context.close();
    const context = await app.browser.newContext({
      viewport: { width: 1280, height: 800 },
      hasTouch: true,
    });
    const page = await context.newPage();
    await createRoom({ name: 'Cleo', context, page }, app.scrawl.url);
    const cdp = await context.newCDPSession(page);
    const pen = async (
      type: 'mouseMoved' | 'mousePressed' | 'mouseReleased',
      x: number,
      y: number,
    ) => {
      const point = (await at(page, x, y)).page;
      await cdp.send('Input.dispatchMouseEvent', {
        type,
        ...point,
        button: 'left',
        buttons: type === 'mouseReleased' ? 0 : 1,
        clickCount: 1,
        pointerType: 'pen',
        force: 0.6,
      });
    };
    const touch = async (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) => {
      const point = (await at(page, x, y)).page;
      await cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: type === 'touchEnd' ? [] : [{ ...point, id: 7 }],
      });
    };
    const palmSpot = (await at(page, 0.5, 0.8)).local;

    await pen('mousePressed', 0.2, 0.3);
    for (let i = 1; i <= 10; i++) {
      await pen('mouseMoved', 0.2 + i * 0.05, 0.3);
      if (i === 3) await touch('touchStart', 0.3, 0.8);
      if (i > 3 && i < 8) await touch('touchMove', 0.3 + (i - 3) * 0.1, 0.8);
      if (i === 8) await touch('touchEnd', 0.7, 0.8);
    }
    await pen('mouseReleased', 0.7, 0.3);
    await strokes(page, 1);
    expect(await inkAround(page, palmSpot)).toBe(0);

    await page.waitForTimeout(1200);
    await touch('touchStart', 0.3, 0.8);
    for (let i = 1; i <= 6; i++) await touch('touchMove', 0.3 + i * 0.07, 0.8);
    await touch('touchEnd', 0.72, 0.8);
    await strokes(page, 2);
    await eventually(async () => expect(await inkAround(page, palmSpot)).toBeGreaterThan(10));
    await context.close();
  }, 120_000);
});
