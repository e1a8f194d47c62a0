import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { eventually } from '@scrawl/collab-server/testing';
import { screenshot } from './browser.js';
import { launchBrowserWithMicrophone, writeToneWav } from './fakeMicrophone.js';
import {
  GAME_WAIT,
  createRoom,
  hooks,
  joinByInvite,
  openPerson,
  say,
  waitForPhase,
} from './pages.js';
import { useScrawlBrowser } from './fixture.js';
import { chooseWord, drawerAmong, setRounds } from './turns.js';
import { receivedOver, remoteMic, voiceStatus, waitForVoice } from './voicePages.js';

/** Long enough that a live microphone's packets clearly show (Opus sends 50 a second). */
const LISTEN_MS = 1500;
/** More audio bytes than this in LISTEN_MS means someone is being heard. */
const HEARD_BYTES = 2000;
/** Fewer than this means nothing is being sent (a stray packet in flight at most). */
const SILENT_BYTES = 400;

const app = useScrawlBrowser('voice', {
  launch: (dataDir) => {
    const tone = join(dataDir, 'tone.wav');
    writeToneWav(tone);
    return launchBrowserWithMicrophone(tone);
  },
});

describe('voice in the room, with a real livekit-server', () => {
  it('two players hear each other, speaking rings show, and the drawer is silenced while drawing', async () => {
    const scrawl = await app.start({ DATA_DIR: join(app.dataDir, 'data') });
    expect(scrawl.output()).toContain('Voice is on');
    const ana = await openPerson(app.browser, 'Ana');
    const ben = await openPerson(app.browser, 'Ben');
    const invite = await createRoom(ana, scrawl.url);
    await joinByInvite(ben, invite);
    const people = [ana, ben];
    const ids = new Map<string, string>();
    for (const person of people) {
      ids.set(person.name, (await hooks(person.page)).playerId);
      await waitForVoice(person.page, 'idle');
      await person.page.getByTestId('voice-join').click();
    }
    for (const person of people) await waitForVoice(person.page, 'live');

    for (const [listener, speaker] of [
      [ana, ben],
      [ben, ana],
    ] as const) {
      const speakerId = ids.get(speaker.name)!;
      await eventually(async () => {
        expect(await remoteMic(listener.page, speakerId)).toMatchObject({
          tracks: 1,
          muted: false,
        });
        expect(await receivedOver(listener.page, LISTEN_MS)).toBeGreaterThan(HEARD_BYTES);
      }, GAME_WAIT);
      const row = listener.page.locator(`[data-testid="player"][data-player-id="${speakerId}"]`);
      await eventually(
        async () => expect(await row.getAttribute('data-speaking')).toBe('true'),
        GAME_WAIT,
      );
    }
    await screenshot(ana.page, 'voice-01-both-speaking');

    await setRounds(ana.page, 1);
    await ana.page.getByTestId('start-game').click();
    await waitForPhase([ana.page, ben.page], 'choosing');
    const drawer = await drawerAmong(people);
    const listener = drawer === ana ? ben : ana;
    const drawerId = ids.get(drawer.name)!;
    const word = await chooseWord(drawer.page);
    await waitForPhase([ana.page, ben.page], 'drawing');

    await waitForVoice(drawer.page, 'muted-for-drawing');
    expect((await voiceStatus(drawer.page)).text).toBe('Muted for drawing');
    await eventually(async () => {
      const mic = await remoteMic(listener.page, drawerId);
      expect(mic?.tracks ?? 0).toBe(0);
      expect(await receivedOver(listener.page, LISTEN_MS)).toBeLessThan(SILENT_BYTES);
    }, GAME_WAIT);
    await screenshot(drawer.page, 'voice-02-drawer-muted-for-drawing');

    await say(listener.page, word);
    await waitForPhase([ana.page, ben.page], 'turnEnd');
    await waitForVoice(drawer.page, 'live');
    await eventually(async () => {
      expect(await remoteMic(listener.page, drawerId)).toMatchObject({ tracks: 1, muted: false });
      expect(await receivedOver(listener.page, LISTEN_MS)).toBeGreaterThan(HEARD_BYTES);
    }, GAME_WAIT);
    await screenshot(listener.page, 'voice-03-drawer-heard-again');

    await drawer.page.getByTestId('voice-leave').click();
    await waitForVoice(drawer.page, 'idle');
    for (const person of people) await person.context.close();
  }, 180_000);
});
