import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { rmSync } from 'node:fs';
import { eventually } from '@scrawl/collab-server/testing';
import { screenshot } from './browser.js';
import {
  GAME_WAIT,
  createRoom,
  hooks,
  joinByInvite,
  openPerson,
  say,
  scribble,
  waitForPhase,
} from './pages.js';
import { useScrawlBrowser } from './fixture.js';
import { chooseWord, drawerAmong, setRounds } from './turns.js';
import { voiceStatus } from './voicePages.js';
import { voiceOffEnv } from './voiceOff.js';

const app = useScrawlBrowser('voice-off');
let env: Record<string, string>;

beforeAll(() => {
  env = voiceOffEnv();
});

afterAll(() => {
  if (env.HOME) rmSync(env.HOME, { recursive: true, force: true });
});

describe('without a LiveKit server', () => {
  it('says "Voice is off" and a whole game still plays to the podium', async () => {
    const scrawl = await app.start(env);
    expect(scrawl.output()).toContain('Voice is off');
    const ana = await openPerson(app.browser, 'Ana');
    const ben = await openPerson(app.browser, 'Ben', { width: 390, height: 844 });
    const dan = await openPerson(app.browser, 'Dan');
    const invite = await createRoom(ana, scrawl.url);
    await joinByInvite(ben, invite);
    await joinByInvite(dan, invite, 'spectator');
    const players = [ana, ben];
    const everyone = [ana.page, ben.page, dan.page];
    for (const page of everyone) {
      await eventually(
        async () => expect(await voiceStatus(page)).toEqual({ text: 'Voice is off', state: 'off' }),
        GAME_WAIT,
      );
      expect(await page.getByTestId('voice-join').count()).toBe(0);
    }
    await screenshot(ben.page, 'voice-off-01-lobby-mobile');

    await setRounds(ana.page, 1);
    await ana.page.getByTestId('start-game').click();
    for (let turn = 1; turn <= players.length; turn++) {
      await waitForPhase(everyone, 'choosing');
      const drawer = await drawerAmong(players);
      const guesser = drawer === ana ? ben : ana;
      const word = await chooseWord(drawer.page);
      await waitForPhase(everyone, 'drawing');
      await scribble(drawer.page);
      await eventually(
        async () => expect((await hooks(dan.page)).strokes).toBeGreaterThan(0),
        GAME_WAIT,
      );
      await say(guesser.page, word);
      await waitForPhase(everyone, 'turnEnd');
      for (const page of everyone) {
        await expect(page.getByTestId('revealed-word').innerText()).resolves.toBe(word);
      }
    }
    await waitForPhase(everyone, 'gameEnd');
    for (const page of everyone) {
      await expect(page.getByTestId('podium-place').count()).resolves.toBe(2);
      expect((await voiceStatus(page)).text).toBe('Voice is off');
    }
    await screenshot(ana.page, 'voice-off-02-podium');
    for (const person of [ana, ben, dan]) await person.context.close();
  }, 240_000);
});
