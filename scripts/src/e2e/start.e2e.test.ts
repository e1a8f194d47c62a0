import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { eventually } from '@scrawl/collab-server/testing';
import { DOCUMENT_ALIASES_PROTOCOL } from '@scrawl/protocol';
import { inkAround, screenshot } from './browser.js';
import {
  descendantsOf,
  freePort,
  isAlive,
  startScrawl,
  type ScrawlProcess,
} from './scrawlProcess.js';
import { useScrawlBrowser } from './fixture.js';
import { drawableBoard } from './pages.js';

const app = useScrawlBrowser('e2e');

async function stopWithCtrlC(running: ScrawlProcess): Promise<{ code: number | null; ms: number }> {
  const started = Date.now();
  running.signal('SIGINT');
  const code = await running.exited;
  return { code, ms: Date.now() - started };
}

/** The board's box, for pages that only look at it. */
async function boardBox(page: Page) {
  const box = await page.getByTestId('board').boundingBox();
  if (!box) throw new Error('the board is not visible');
  return box;
}

describe('npm start (the embedded default)', () => {
  it('stops with a message naming PORT when PORT is not a number', async () => {
    await expect(startScrawl({ PORT: 'abc', DATA_DIR: app.dataDir })).rejects.toThrow(
      /exited \(1\)[\s\S]*PORT must be an integer 1–65535/,
    );
  });

  it('lets two browser tabs draw together live, keeps the drawing across a restart, and leaves no process behind', async () => {
    // A fixed port across the restart keeps the page's origin, and with it the stored seat.
    const port = String(await freePort());
    let scrawl = await app.start({ PORT: port });
    const launcherPid = scrawl.child.pid ?? 0;
    const children = descendantsOf(launcherPid);
    expect(children.length).toBeGreaterThanOrEqual(2);

    const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const first = await context.newPage();
    // The subprotocol each of the page's WebSockets was granted (document aliases, expected).
    const granted: string[] = [];
    const cdp = await context.newCDPSession(first);
    await cdp.send('Network.enable');
    cdp.on('Network.webSocketHandshakeResponseReceived', ({ response }) => {
      const header = Object.entries(response.headers).find(
        ([name]) => name.toLowerCase() === 'sec-websocket-protocol',
      );
      granted.push(String(header?.[1] ?? ''));
    });
    await first.goto(scrawl.url);
    await first.getByTestId('name-input').fill('Ana');
    await first.getByTestId('create-room').click();
    await first.waitForURL(/\/r\/[A-Z0-9]{6}$/);
    const roomUrl = first.url();
    await expect(first.getByTestId('board').isVisible()).resolves.toBe(true);
    await eventually(() => expect([...new Set(granted)]).toEqual([DOCUMENT_ALIASES_PROTOCOL]));

    const otherContext = await app.browser.newContext({ viewport: { width: 1024, height: 768 } });
    const second = await otherContext.newPage();
    await second.goto(roomUrl);
    await second.getByTestId('name-input').fill('Ben');
    await second.getByTestId('join-room').click();
    await eventually(async () => expect(await second.getByTestId('player').count()).toBe(2), {
      timeoutMs: 15_000,
    });
    await eventually(async () => expect(await first.getByTestId('player').count()).toBe(2), {
      timeoutMs: 15_000,
    });

    // Draw a horizontal line across the middle of the first page's board, once it takes strokes.
    const box = await drawableBoard(first);
    const from = { x: box.width * 0.3, y: box.height * 0.5 };
    const to = { x: box.width * 0.6, y: box.height * 0.5 };
    const secondBox = await boardBox(second);
    const probe = { x: secondBox.width * 0.45, y: secondBox.height * 0.5 };
    expect(await inkAround(second, probe)).toBe(0);

    await first.mouse.move(box.x + from.x, box.y + from.y);
    await first.mouse.down();
    for (let step = 1; step <= 30; step++) {
      const t = step / 30;
      await first.mouse.move(box.x + from.x + (to.x - from.x) * t, box.y + from.y);
      await first.waitForTimeout(16);
    }
    // Still holding the button: the second page must already show the stroke.
    await eventually(async () => expect(await inkAround(second, probe)).toBeGreaterThan(10), {
      timeoutMs: 5000,
    });
    await screenshot(second, 'start-live-stroke-before-pointerup');
    await first.mouse.up();
    await eventually(async () =>
      expect(
        await first.evaluate(() =>
          (window as unknown as { __scrawl: { strokeCount(): number } }).__scrawl.strokeCount(),
        ),
      ).toBe(1),
    );
    await screenshot(first, 'start-drawer');

    const stopped = await stopWithCtrlC(scrawl);
    expect(stopped.code).toBe(0);
    expect(stopped.ms).toBeLessThan(5000);
    for (const pid of [launcherPid, ...children]) expect(isAlive(pid)).toBe(false);

    scrawl = await app.start({ PORT: port });
    const again = await context.newPage();
    await again.goto(roomUrl);
    await eventually(
      async () =>
        expect(
          await again.evaluate(() =>
            (window as unknown as { __scrawl: { strokeCount(): number } }).__scrawl.strokeCount(),
          ),
        ).toBe(1),
      { timeoutMs: 15_000 },
    );
    const againBox = await boardBox(again);
    await eventually(async () =>
      expect(
        await inkAround(again, { x: againBox.width * 0.45, y: againBox.height * 0.5 }),
      ).toBeGreaterThan(10),
    );
    await screenshot(again, 'start-after-restart');
    const finalStop = await stopWithCtrlC(scrawl);
    expect(finalStop.code).toBe(0);
    await context.close();
    await otherContext.close();
  }, 180_000);
});
