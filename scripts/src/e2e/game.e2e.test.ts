import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { eventually } from '@scrawl/collab-server/testing';
import { CLOSE_MIN_LETTERS } from '@scrawl/referee';
import { screenshot } from './browser.js';
import {
  GAME_WAIT,
  createRoom,
  hooks,
  joinByInvite,
  oneEditAway,
  openPerson,
  say,
  scribble,
  waitForPhase,
  type Person,
} from './pages.js';
import { useScrawlBrowser } from './fixture.js';
import { chooseWord, drawerAmong } from './turns.js';

const app = useScrawlBrowser('game');

async function chatText(page: Page): Promise<string> {
  return page.getByTestId('chat-log').innerText();
}

describe('a whole game in the browser', () => {
  it('three players and a spectator play one round: choose, draw, wrong, close and correct guesses, turn ends, podium', async () => {
    const scrawl = await app.start();
    const ana = await openPerson(app.browser, 'Ana');
    const ben = await openPerson(app.browser, 'Ben', { width: 1024, height: 768 });
    const cleo = await openPerson(app.browser, 'Cleo', { width: 390, height: 844 });
    const dan = await openPerson(app.browser, 'Dan', { width: 1920, height: 1080 });
    // Dan's computer clock runs ten minutes fast; his countdowns must still be right.
    await dan.context.addInitScript(() => {
      const realNow = Date.now.bind(Date);
      Date.now = () => realNow() + 10 * 60_000;
    });
    const players = [ana, ben, cleo];
    const everyone = [...players, dan];

    const invite = await createRoom(ana, scrawl.url);
    expect(invite).toMatch(/\/r\/[A-Z0-9]{6}$/);
    await joinByInvite(ben, invite);
    await joinByInvite(cleo, invite);
    await joinByInvite(dan, invite, 'spectator');
    await eventually(async () => {
      expect(await ana.page.getByTestId('player').count()).toBe(3);
      expect(await ana.page.getByTestId('spectator').count()).toBe(1);
    }, GAME_WAIT);
    await waitForPhase(
      everyone.map((p) => p.page),
      'lobby',
    );
    await screenshot(ana.page, 'game-01-lobby-host');
    await screenshot(cleo.page, 'game-01-lobby-player-mobile');

    const rounds = ana.page.getByTestId('setting-rounds');
    await rounds.fill('1');
    await rounds.blur();
    await eventually(
      async () =>
        expect(await ben.page.getByTestId('settings-summary').innerText()).toMatch(/Rounds\s+1\b/),
      GAME_WAIT,
    );
    // Custom words: the others see how many, never the words (the host's field shows them).
    const words = 'apple, pear, plum, fig, kiwi, lime, date, grape, melon, peach';
    const customWords = ana.page.getByTestId('setting-customWords');
    await customWords.fill(words);
    await customWords.blur();
    await eventually(
      async () =>
        expect(await ben.page.getByTestId('settings-summary').innerText()).toMatch(
          /Custom words\s+10 words/,
        ),
      GAME_WAIT,
    );
    expect(await customWords.inputValue()).toBe(words);
    await screenshot(ben.page, 'game-02-settings-seen-by-player');

    const isPublic = ana.page.getByTestId('setting-public');
    await isPublic.click();
    await eventually(async () => expect(await isPublic.isChecked()).toBe(true), GAME_WAIT);
    const code = invite.split('/').pop() ?? '';
    const eve = await openPerson(app.browser, 'Eve');
    await eve.page.goto(scrawl.url);
    await eventually(
      async () =>
        expect(await eve.page.getByTestId('public-room').allInnerTexts()).toContainEqual(
          expect.stringMatching(new RegExp(`${code}[\\s\\S]*3 players`)),
        ),
      GAME_WAIT,
    );
    await screenshot(eve.page, 'game-02-public-room-list');
    await eve.context.close();
    await ana.page.getByTestId('start-game').click();

    for (let turn = 1; turn <= players.length; turn++) {
      await waitForPhase(
        everyone.map((p) => p.page),
        'choosing',
      );
      const drawer = await drawerAmong(players);
      const guessers = players.filter((p) => p !== drawer);
      if (turn === 1) {
        await screenshot(drawer.page, 'game-03-choosing-drawer');
        await screenshot(guessers[0]!.page, 'game-03-choosing-guesser');
      }
      // Turn 1 tries a close guess, which only words of CLOSE_MIN_LETTERS letters have.
      const word = await chooseWord(drawer.page, {
        minLetters: turn === 1 ? CLOSE_MIN_LETTERS : 0,
      });
      expect(word.length).toBeGreaterThan(0);
      await waitForPhase(
        everyone.map((p) => p.page),
        'drawing',
      );
      if (turn === 1) {
        const left = Number(
          await dan.page
            .getByTestId('game-bar')
            .getByTestId('countdown')
            .getAttribute('data-seconds'),
        );
        expect(left).toBeGreaterThan(60);
        expect(left).toBeLessThanOrEqual(81);
      }
      for (const watcher of [...guessers, dan]) {
        expect(await watcher.page.getByTestId('known-word').count()).toBe(0);
        await expect(watcher.page.getByTestId('hint').isVisible()).resolves.toBe(true);
      }
      await scribble(drawer.page);
      await eventually(
        async () => expect((await hooks(dan.page)).strokes).toBeGreaterThan(0),
        GAME_WAIT,
      );

      const [first, second] = guessers as [Person, Person];
      if (turn === 1) {
        await screenshot(drawer.page, 'game-04-drawing-drawer');
        await screenshot(dan.page, 'game-04-drawing-spectator');
        await say(first.page, 'xylophone zebra');
        await eventually(
          async () => expect(await chatText(second.page)).toContain('xylophone zebra'),
          GAME_WAIT,
        );
        const close = oneEditAway(word);
        await say(first.page, close);
        if (word.replace(/\s/g, '').length >= CLOSE_MIN_LETTERS) {
          await eventually(
            async () =>
              expect(await first.page.getByTestId('close-note').last().innerText()).toContain(
                close,
              ),
            GAME_WAIT,
          );
          await screenshot(first.page, 'game-05-close-guess');
        } else {
          // All three choices were short (rare): a near miss of a short word is a plain
          // wrong guess, which the others read.
          await eventually(
            async () => expect(await chatText(second.page)).toContain(close),
            GAME_WAIT,
          );
          expect(await first.page.getByTestId('close-note').count()).toBe(0);
        }
      }
      const solvedLines = drawer.page.getByTestId('solved-line');
      const solvedBefore = await solvedLines.count();
      await say(first.page, word.toUpperCase());
      await eventually(async () => {
        expect(await first.page.getByTestId('correct-note').last().innerText()).toContain(word);
        expect(await solvedLines.count()).toBe(solvedBefore + 1);
        expect(await solvedLines.last().innerText()).toContain(first.name);
      }, GAME_WAIT);
      expect(await chatText(second.page)).not.toContain(word.toUpperCase());
      expect(await second.page.getByTestId('known-word').count()).toBe(0);
      expect(await dan.page.getByTestId('known-word').count()).toBe(0);
      if (turn === 1) await screenshot(first.page, 'game-06-correct-guess');
      await say(second.page, word);

      await waitForPhase(
        everyone.map((p) => p.page),
        'turnEnd',
      );
      for (const person of everyone) {
        await expect(person.page.getByTestId('revealed-word').innerText()).resolves.toBe(word);
      }
      if (turn === 1) {
        await screenshot(dan.page, 'game-07-turn-end-spectator');
        await screenshot(drawer.page, 'game-07-turn-end-drawer');
      }
    }

    await waitForPhase(
      everyone.map((p) => p.page),
      'gameEnd',
    );
    for (const person of everyone) {
      await expect(person.page.getByTestId('podium-place').count()).resolves.toBe(3);
    }
    await expect(ana.page.getByTestId('play-again').isVisible()).resolves.toBe(true);
    await expect(ben.page.getByTestId('play-again').count()).resolves.toBe(0);
    await screenshot(ana.page, 'game-08-podium-host');
    await screenshot(cleo.page, 'game-08-podium-mobile');
    for (const person of everyone) await person.context.close();
  }, 300_000);
});
