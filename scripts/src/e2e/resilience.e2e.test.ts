import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { eventually } from '@scrawl/collab-server/testing';
import { screenshot } from './browser.js';
import {
  GAME_WAIT,
  createRoom,
  hooks,
  joinByInvite,
  openPerson,
  scribble,
  waitForPhase,
} from './pages.js';
import { useScrawlBrowser } from './fixture.js';
import { freePort } from './scrawlProcess.js';

const app = useScrawlBrowser('resilience');

async function connection(page: Page): Promise<string | null> {
  return page.getByTestId('connection-status').getAttribute('data-state');
}

describe('when the connection drops', () => {
  it('shows a banner, keeps drawing offline, and rejoins the same seat with the drawing merged', async () => {
    const port = String(await freePort());
    let scrawl = await app.start({ PORT: port });
    const ana = await openPerson(app.browser, 'Ana');
    const ben = await openPerson(app.browser, 'Ben');
    const invite = await createRoom(ana, scrawl.url);
    await joinByInvite(ben, invite);
    await waitForPhase([ana.page, ben.page], 'lobby');
    await eventually(async () => {
      expect(await connection(ana.page)).toBe('connected');
      expect(await ana.page.getByTestId('player').count()).toBe(2);
    }, GAME_WAIT);
    const { playerId } = await hooks(ana.page);

    scrawl.signal('SIGINT');
    await scrawl.exited;
    await eventually(
      async () => expect(await connection(ana.page)).toBe('reconnecting'),
      GAME_WAIT,
    );
    await scribble(ana.page);
    expect((await hooks(ana.page)).strokes).toBe(1);
    await screenshot(ana.page, 'resilience-offline-drawing');

    scrawl = await app.start({ PORT: port });
    await eventually(async () => {
      expect(await connection(ana.page)).toBe('connected');
      expect(await connection(ben.page)).toBe('connected');
      expect((await hooks(ben.page)).strokes).toBe(1);
    }, GAME_WAIT);
    expect((await hooks(ana.page)).playerId).toBe(playerId);
    await eventually(
      async () => expect(await ben.page.getByTestId('player').count()).toBe(2),
      GAME_WAIT,
    );
    await ana.context.close();
    await ben.context.close();
  }, 180_000);

  it('says when the browser is offline, and tries again at once when it is back online or the tab shows again', async () => {
    const port = String(await freePort());
    let scrawl = await app.start({ PORT: port });
    const ana = await openPerson(app.browser, 'Ana');
    await createRoom(ana, scrawl.url);
    await eventually(async () => expect(await connection(ana.page)).toBe('connected'), GAME_WAIT);
    // Listeners added now run after the app's: they see whether it started an attempt.
    await ana.page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      const note = (event: Event) => {
        const hooks = (window as { __scrawl?: { socketStatus(): string } }).__scrawl;
        seen.push(`${event.type}: ${hooks?.socketStatus() ?? 'no room page'}`);
      };
      window.addEventListener('online', note);
      document.addEventListener('visibilitychange', note);
    });
    const seen = () => ana.page.evaluate(() => (window as unknown as { seen: string[] }).seen);

    // Offline, with the server gone and back: every attempt fails at once and the backoff
    // grows (up to 5 s between attempts).
    await ana.context.setOffline(true);
    scrawl.signal('SIGINT');
    await scrawl.exited;
    await eventually(
      async () => expect(await connection(ana.page)).toBe('reconnecting'),
      GAME_WAIT,
    );
    scrawl = await app.start({ PORT: port });
    await ana.page.waitForTimeout(3000);
    await ana.page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await ana.page.waitForTimeout(500);
    expect(await connection(ana.page)).toBe('reconnecting');
    await expect(ana.page.getByTestId('connection-status').textContent()).resolves.toMatch(
      /^You are offline\. You can keep drawing/,
    );
    await screenshot(ana.page, 'resilience-offline-banner');

    await ana.context.setOffline(false);
    await eventually(async () => expect(await connection(ana.page)).toBe('connected'), GAME_WAIT);
    expect(await seen()).toEqual(['visibilitychange: connecting', 'online: connecting']);
    await screenshot(ana.page, 'resilience-back-online');
    await ana.context.close();
  }, 120_000);
});
