import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { eventually } from '@scrawl/collab-server/testing';
import { screenshot } from './browser.js';
import { overflow, WIDTHS } from './overflow.js';
import { GAME_WAIT, createRoom, joinByInvite, openPerson } from './pages.js';
import { useScrawlBrowser } from './fixture.js';

const app = useScrawlBrowser('layout', { startAtOnce: true });

/** Whether an element is shown and lies wholly inside the first screen of the page. */
async function onFirstScreen(page: Page, testId: string): Promise<boolean> {
  const box = await page.getByTestId(testId).first().boundingBox();
  const size = page.viewportSize();
  if (!box || !size) return false;
  return (
    box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width && box.y + box.height <= size.height
  );
}

describe('layout from phone to desktop', () => {
  for (const viewport of WIDTHS) {
    const size = `${String(viewport.width)}x${String(viewport.height)}`;
    it(`scrolls no page sideways at ${size} and shows the board, tools and chat`, async () => {
      const host = await openPerson(app.browser, 'Ana', viewport);
      await host.page.goto(app.scrawl.url);
      await host.page.getByTestId('create-room').waitFor();
      expect(await overflow(host.page)).toEqual({ scroll: 0, outside: [] });
      await screenshot(host.page, `layout-${size}-home`);

      const invite = await createRoom(host, app.scrawl.url);
      const guest = await openPerson(app.browser, 'Ben with a rather long name', viewport);
      await guest.page.goto(invite);
      await guest.page.getByTestId('join-room').waitFor();
      expect(await overflow(guest.page)).toEqual({ scroll: 0, outside: [] });
      await joinByInvite(guest, invite);

      for (const person of [host, guest]) {
        const { page } = person;
        await eventually(
          async () => expect(await page.getByTestId('player').count()).toBe(2),
          GAME_WAIT,
        );
        await page.getByTestId('chat-input').waitFor();
        expect(await overflow(page)).toEqual({ scroll: 0, outside: [] });
        for (const part of ['board', 'toolbar', 'chat-log', 'chat-input']) {
          expect([part, await onFirstScreen(page, part)]).toEqual([part, true]);
        }
      }
      await screenshot(host.page, `layout-${size}-room-host`);
      await screenshot(guest.page, `layout-${size}-room-guest`);
      await host.context.close();
      await guest.context.close();
    }, 120_000);
  }
});
