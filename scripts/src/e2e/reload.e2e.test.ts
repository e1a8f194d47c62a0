import { describe, expect, it } from '@jest/globals';
import { eventually } from '@scrawl/collab-server/testing';
import { screenshot } from './browser.js';
import {
  GAME_WAIT,
  createRoom,
  hooks,
  joinByInvite,
  openPerson,
  phaseOf,
  say,
  scoreOn,
  scribble,
  waitForPhase,
  type Person,
} from './pages.js';
import { useScrawlBrowser } from './fixture.js';

const app = useScrawlBrowser('reload');

describe('reloading mid-turn', () => {
  it('brings a player back to the same seat with the same score while the turn goes on', async () => {
    const scrawl = await app.start();
    const people = [
      await openPerson(app.browser, 'Ana'),
      await openPerson(app.browser, 'Ben'),
      await openPerson(app.browser, 'Cleo'),
    ];
    const [ana, ben, cleo] = people as [Person, Person, Person];
    const invite = await createRoom(ana, scrawl.url);
    await joinByInvite(ben, invite);
    await joinByInvite(cleo, invite);
    await eventually(
      async () => expect(await ana.page.getByTestId('player').count()).toBe(3),
      GAME_WAIT,
    );
    await waitForPhase(
      people.map((p) => p.page),
      'lobby',
    );
    await ana.page.getByTestId('start-game').click();

    const drawer = await eventually(async () => {
      for (const person of people) {
        if ((await person.page.getByTestId('word-option').count()) > 0) return person;
      }
      throw new Error('nobody is choosing yet');
    }, GAME_WAIT);
    const [solver, other] = people.filter((p) => p !== drawer) as [Person, Person];
    await drawer.page.getByTestId('word-option').first().click();
    const word = (await drawer.page.getByTestId('known-word').innerText()).trim();
    await waitForPhase(
      people.map((p) => p.page),
      'drawing',
    );
    await scribble(drawer.page);
    await say(solver.page, word);
    await eventually(
      async () => expect(await solver.page.getByTestId('correct-note').count()).toBe(1),
      GAME_WAIT,
    );
    const { playerId } = await hooks(solver.page);
    const score = await eventually(async () => {
      const points = await scoreOn(other.page, playerId);
      expect(points).toBeGreaterThan(0);
      return points;
    }, GAME_WAIT);

    await solver.page.reload();
    await solver.page.getByTestId('board').waitFor();
    await eventually(async () => {
      expect((await hooks(solver.page)).playerId).toBe(playerId);
      expect(await phaseOf(solver.page)).toBe('drawing');
      expect(await scoreOn(solver.page, playerId)).toBe(score);
      expect((await hooks(solver.page)).strokes).toBeGreaterThan(0);
      await expect(solver.page.getByTestId('known-word').innerText()).resolves.toBe(word);
    }, GAME_WAIT);
    expect(await ana.page.getByTestId('player').count()).toBe(3);
    expect(await scoreOn(other.page, playerId)).toBe(score);
    await screenshot(solver.page, 'reload-01-back-in-seat');

    await say(other.page, word);
    await waitForPhase(
      people.map((p) => p.page),
      'turnEnd',
    );
    expect(await scoreOn(solver.page, playerId)).toBe(score);
    for (const person of people) await person.context.close();
  }, 180_000);
});
