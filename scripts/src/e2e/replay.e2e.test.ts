import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { eventually } from '@scrawl/collab-server/testing';
import { boardPixels, inkedShare, pixelDifference } from './boardPixels.js';
import { screenshot } from './browser.js';
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
import { chooseWord, drawPicture, drawerAmong, setRounds } from './turns.js';

const app = useScrawlBrowser('replay');

interface ReplayState {
  t: number;
  duration: number;
  playing: boolean;
  strokes: number;
}

/** What the web app's replay page exposes for tests (web/src/replay/useReplayTestHooks.ts). */
interface ReplayHooks {
  t(): number;
  readonly duration: number;
  playing(): boolean;
  strokeCount(): number;
}

async function replayState(page: Page): Promise<ReplayState> {
  return page.evaluate(() => {
    const replay = (window as { __scrawlReplay?: ReplayHooks }).__scrawlReplay;
    if (!replay) throw new Error('no replay open');
    return {
      t: replay.t(),
      duration: replay.duration,
      playing: replay.playing(),
      strokes: replay.strokeCount(),
    };
  });
}

/** Clicks the scrub bar at a share (0–1) of its width, as a person scrubbing would. */
async function scrubTo(page: Page, share: number): Promise<void> {
  const box = await page.getByTestId('replay-scrub').boundingBox();
  if (!box) throw new Error('no scrub bar');
  await page.mouse.click(box.x + box.width * share, box.y + box.height / 2);
}

describe('the replay of a finished turn', () => {
  it('plays at 4×, scrubs both ways, steps by stroke, and ends on the live final canvas', async () => {
    const scrawl = await app.start();
    const ana = await openPerson(app.browser, 'Ana');
    const ben = await openPerson(app.browser, 'Ben');
    const sam = await openPerson(app.browser, 'Sam');
    const invite = await createRoom(ana, scrawl.url);
    const code = invite.split('/').pop() ?? '';
    await joinByInvite(ben, invite);
    await joinByInvite(sam, invite, 'spectator');
    await waitForPhase([ana.page, ben.page, sam.page], 'lobby');
    await setRounds(ana.page, 1);
    await ana.page.getByTestId('start-game').click();

    await waitForPhase([ana.page, ben.page, sam.page], 'choosing');
    const drawer = await drawerAmong([ana, ben]);
    const guesser = drawer === ana ? ben : ana;
    const word = await chooseWord(drawer.page);
    await waitForPhase([ana.page, ben.page, sam.page], 'drawing');
    const canvasRound = await sam.page.evaluate(
      () => (window as { __scrawl?: { canvasRound(): number } }).__scrawl?.canvasRound() ?? -1,
    );
    const drawn = await drawPicture(drawer.page);
    await eventually(async () => expect((await hooks(sam.page)).strokes).toBe(drawn), GAME_WAIT);
    await say(guesser.page, word);
    await waitForPhase([sam.page], 'turnEnd');
    const live = await boardPixels(sam.page);
    expect(inkedShare(live)).toBeGreaterThan(0.02);
    await screenshot(sam.page, 'replay-01-live-final-canvas');

    // The spectator opens the replay of the turn (a private room: their seat lets them in).
    const viewer = await sam.context.newPage();
    await viewer.goto(`${scrawl.url}/r/${code}/replay/${String(canvasRound)}`);
    await viewer.getByTestId('replay-page').and(viewer.locator('[data-state="ready"]')).waitFor({
      timeout: GAME_WAIT.timeoutMs,
    });
    await expect(viewer.getByTestId('replay-word').innerText()).resolves.toBe(word);
    const start = await replayState(viewer);
    expect(start).toMatchObject({ t: 0, playing: false, strokes: 0 });
    expect(start.duration).toBeGreaterThan(1000);
    expect(await viewer.getByTestId('marker-correct').count()).toBe(1);

    await viewer.getByTestId('speed-4').check({ force: true });
    await viewer.getByTestId('replay-play').click();
    const seen = new Set<number>();
    await eventually(async () => {
      const state = await replayState(viewer);
      seen.add(state.strokes);
      expect(state.playing).toBe(false);
      expect(state.t).toBe(state.duration);
    }, GAME_WAIT);
    expect(seen.size).toBeGreaterThan(1);
    expect((await replayState(viewer)).strokes).toBe(drawn);
    await screenshot(viewer, 'replay-02-played-to-the-end');

    await scrubTo(viewer, 0.02);
    const back = await replayState(viewer);
    expect(back.t).toBeLessThan(back.duration * 0.1);
    expect(back.strokes).toBeLessThan(drawn);
    const early = await boardPixels(viewer);
    expect(pixelDifference(early, live)).toBeGreaterThan(0.01);

    await viewer.keyboard.press('Shift+ArrowRight');
    await viewer.keyboard.press('Shift+ArrowRight');
    const stepped = await replayState(viewer);
    expect(stepped.t).toBeGreaterThan(back.t);
    await expect(viewer.getByTestId('replay-share-link').inputValue()).resolves.toMatch(
      new RegExp(
        `/r/${code}/replay/${String(canvasRound)}\\?t=${String(Math.floor(stepped.t / 1000))}$`,
      ),
    );
    await screenshot(viewer, 'replay-03-stepped-back-in-time');

    await scrubTo(viewer, 0.5);
    await viewer.keyboard.press('End');
    const end = await replayState(viewer);
    expect(end.t).toBe(end.duration);
    expect(end.strokes).toBe(drawn);
    const final = await boardPixels(viewer);
    const difference = pixelDifference(final, live);
    console.log(
      `replay's final frame against the live canvas: ${(difference * 100).toFixed(3)}% of pixels differ`,
    );
    expect(difference).toBeLessThan(0.01);
    await expect(viewer.getByTestId('replay-log').innerText()).resolves.toContain(word);

    // Space presses a focused button (the copy button copies, nothing plays); elsewhere, as
    // on the scrub bar, it plays (from the start again, as the replay was at its end).
    await viewer.getByTestId('copy-share').focus();
    await viewer.keyboard.press(' ');
    expect(await replayState(viewer)).toMatchObject({ playing: false, t: end.duration });
    await viewer.getByTestId('replay-scrub').focus();
    await viewer.keyboard.press(' ');
    expect((await replayState(viewer)).playing).toBe(true);
    await viewer.keyboard.press(' ');
    expect((await replayState(viewer)).playing).toBe(false);

    // Someone without a seat in this private room is refused, in words.
    const stranger = await openPerson(app.browser, 'Stranger');
    await stranger.page.goto(`${scrawl.url}/r/${code}/replay/${String(canvasRound)}`);
    await expect(stranger.page.getByTestId('replay-problem').innerText()).resolves.toContain(
      'This room is private: only its players can watch its replays.',
    );
    await screenshot(stranger.page, 'replay-04-private-refused');

    for (const person of [ana, ben, sam, stranger]) await person.context.close();
  }, 240_000);
});
