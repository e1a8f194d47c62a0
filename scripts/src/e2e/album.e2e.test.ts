import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { eventually } from '@scrawl/collab-server/testing';
import { screenshot } from './browser.js';
import { overflow, WIDTHS } from './overflow.js';
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

const app = useScrawlBrowser('album');

/** What one album card shows. */
async function cards(page: Page, scope: string) {
  const found = page.getByTestId(scope).getByTestId('album-card');
  return found.evaluateAll((elements) =>
    elements.map((card) => ({
      word: card.querySelector('[data-testid="album-word"]')?.textContent ?? '',
      drawer: card.querySelector('[data-testid="album-drawer"]')?.textContent ?? '',
      strokes: Number(
        card.querySelector('[data-testid="album-thumb"]')?.getAttribute('data-strokes'),
      ),
    })),
  );
}

/** Downloads through a button and returns the file's name and bytes. */
async function download(page: Page, button: ReturnType<Page['getByTestId']>) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

/** The page scrolls not sideways and nothing pokes out, from a phone to a wide desktop. */
async function fitsEveryWidth(page: Page, name: string): Promise<void> {
  for (const viewport of WIDTHS) {
    await page.setViewportSize(viewport);
    // The board follows the window's new size on its next layout.
    await eventually(async () => expect(await overflow(page)).toEqual({ scroll: 0, outside: [] }), {
      timeoutMs: 5000,
      intervalMs: 100,
    });
    await screenshot(page, `${name}-${String(viewport.width)}`);
  }
}

describe('the album of a game', () => {
  it('shows every drawing at the podium and on its page, with replays and PNG and SVG downloads', async () => {
    const scrawl = await app.start();
    const ana = await openPerson(app.browser, 'Ana');
    const ben = await openPerson(app.browser, 'Ben', { width: 390, height: 844 });
    const invite = await createRoom(ana, scrawl.url);
    const code = invite.split('/').pop() ?? '';
    await joinByInvite(ben, invite);
    const players = [ana, ben];
    const pages = players.map((p) => p.page);
    await waitForPhase(pages, 'lobby');
    await setRounds(ana.page, 1);
    await ana.page.getByTestId('start-game').click();

    const turns: Array<{ word: string; drawer: string; strokes: number }> = [];
    for (let turn = 1; turn <= players.length; turn++) {
      await waitForPhase(pages, 'choosing');
      const drawer = await drawerAmong(players);
      const guesser = drawer === ana ? ben : ana;
      const word = await chooseWord(drawer.page);
      await waitForPhase(pages, 'drawing');
      const strokes = await drawPicture(drawer.page);
      await eventually(
        async () => expect((await hooks(guesser.page)).strokes).toBe(strokes),
        GAME_WAIT,
      );
      await say(guesser.page, word);
      await waitForPhase(pages, 'turnEnd');
      turns.push({ word, drawer: `drawn by ${drawer.name}`, strokes });
    }

    await waitForPhase(pages, 'gameEnd');
    for (const page of pages) {
      await eventually(
        async () => expect(await cards(page, 'game-album')).toEqual(turns),
        GAME_WAIT,
      );
    }
    await screenshot(ana.page, 'album-01-podium');
    await screenshot(ben.page, 'album-01-podium-mobile');

    const album = await ana.context.newPage();
    await album.goto(`${scrawl.url}/r/${code}/album`);
    await eventually(
      async () => expect(await cards(album, 'album-page')).toEqual(turns),
      GAME_WAIT,
    );
    await screenshot(album, 'album-02-page');
    await fitsEveryWidth(album, 'album-03-page');

    const first = album.getByTestId('album-card').first();
    const png = await download(album, first.getByTestId('export-png'));
    expect(png.name).toMatch(new RegExp(`^scrawl-${code}-\\d+-[a-z0-9-]+\\.png$`));
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)]).toEqual([1600, 1000]);
    const svg = await download(album, first.getByTestId('export-svg'));
    expect(svg.name).toBe(png.name.replace(/\.png$/, '.svg'));
    const text = svg.bytes.toString('utf8');
    expect(text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 1600 1000"/);
    expect(text.match(/<path /g)?.length).toBe(turns[0]!.strokes);

    await first.getByTestId('album-replay').click();
    await album.getByTestId('replay-page').and(album.locator('[data-state="ready"]')).waitFor();
    await expect(album.getByTestId('replay-word').innerText()).resolves.toBe(turns[0]!.word);
    await fitsEveryWidth(album, 'album-04-replay');
    for (const person of players) await person.context.close();
  }, 240_000);
});
