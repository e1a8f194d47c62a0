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
});
