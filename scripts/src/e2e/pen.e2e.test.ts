import { describe, expect, it } from '@jest/globals';
import { eventually } from '@scrawl/collab-server/testing';
import { inkThickness, screenshot } from './browser.js';
import { createRoom, drawableBoard, hooks, openPerson } from './pages.js';
import { useScrawlBrowser } from './fixture.js';

const app = useScrawlBrowser('pen');

describe('pen pressure', () => {
  it('draws a stroke wider at its end than at its start when the pen presses harder', async () => {
    const scrawl = await app.start();
    const ana = await openPerson(app.browser, 'Ana');
    await createRoom(ana, scrawl.url);
    const { page } = ana;
    await page.getByTestId('size-5').check({ force: true });
    const box = await drawableBoard(page);

    // A real pen through the browser's input pipeline: pointerType "pen", force = pressure.
    const cdp = await page.context().newCDPSession(page);
    const y = box.y + box.height / 2;
    const x0 = box.x + box.width * 0.2;
    const x1 = box.x + box.width * 0.8;
    const steps = 40;
    const pen = (type: 'mouseMoved' | 'mousePressed' | 'mouseReleased', x: number, force: number) =>
      cdp.send('Input.dispatchMouseEvent', {
        type,
        x,
        y,
        button: 'left',
        buttons: type === 'mouseReleased' ? 0 : 1,
        clickCount: 1,
        pointerType: 'pen',
        force,
      });
    await pen('mouseMoved', x0, 0);
    await pen('mousePressed', x0, 0.05);
    for (let step = 1; step <= steps; step++) {
      await pen('mouseMoved', x0 + ((x1 - x0) * step) / steps, 0.05 + (0.95 * step) / steps);
      await page.waitForTimeout(8);
    }
    await pen('mouseReleased', x1, 1);
    await eventually(async () => expect((await hooks(page)).strokes).toBe(1));

    const near = (share: number) => box.width * (0.2 + 0.6 * share);
    await eventually(async () => {
      const start = await inkThickness(page, near(0.1));
      const end = await inkThickness(page, near(0.9));
      console.log(
        `pen stroke: ${String(start)} px thick near its start, ${String(end)} px near its end`,
      );
      expect(start).toBeGreaterThan(0);
      expect(end).toBeGreaterThan(start * 1.5);
    });
    await screenshot(page, 'pen-pressure-stroke');
    await ana.context.close();
  }, 120_000);
});
