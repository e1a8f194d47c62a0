import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { eventually } from '@scrawl/collab-server/testing';
import { screenshot } from './browser.js';
import { createRoom, hooks, openPerson } from './pages.js';
import { useScrawlBrowser } from './fixture.js';
import { seedStrokes } from './seedStrokes.js';

const STROKES = 2000;
/** The acceptance bound: the median frame while drawing stays under this. */
const MEDIAN_FRAME_MS = 20;

const app = useScrawlBrowser('frames');

/** Starts recording the time between animation frames in the page. */
async function startFrameClock(page: Page): Promise<void> {
  await page.evaluate(() => {
    const frames: number[] = [];
    let last = performance.now();
    let running = true;
    const tick = (now: number) => {
      frames.push(now - last);
      last = now;
      if (running) requestAnimationFrame(tick);
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(tick);
    });
    Object.assign(window, {
      stopFrameClock: () => {
        running = false;
        return frames;
      },
    });
  });
}

async function stopFrameClock(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    (window as unknown as { stopFrameClock(): number[] }).stopFrameClock(),
  );
}

function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? NaN;
}

describe('drawing on a full board', () => {
  it(`keeps the median frame under ${String(MEDIAN_FRAME_MS)} ms while drawing with ${String(STROKES)} strokes on the board`, async () => {
    const scrawl = await app.start();
    const ana = await openPerson(app.browser, 'Ana');
    const invite = await createRoom(ana, scrawl.url);
    const code = invite.split('/').pop() ?? '';
    await seedStrokes(scrawl.url, code, STROKES);
    const { page } = ana;
    await eventually(async () => expect((await hooks(page)).strokes).toBe(STROKES), {
      timeoutMs: 30_000,
    });

    const box = await page.getByTestId('board').boundingBox();
    if (!box) throw new Error('the board is not visible');
    await startFrameClock(page);
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.3);
    await page.mouse.down();
    for (let step = 1; step <= 150; step++) {
      const t = step / 150;
      await page.mouse.move(
        box.x + box.width * (0.2 + 0.6 * t),
        box.y + box.height * (0.3 + 0.4 * Math.sin(t * Math.PI * 4) ** 2),
      );
      await page.waitForTimeout(8);
    }
    await page.mouse.up();
    const frames = (await stopFrameClock(page)).sort((a, b) => a - b);
    await eventually(async () => expect((await hooks(page)).strokes).toBe(STROKES + 1));

    const median = percentile(frames, 0.5);
    console.log(
      `${String(STROKES)} strokes on the board, drawing one more: ${String(frames.length)} frames, ` +
        `median ${median.toFixed(1)} ms, p95 ${percentile(frames, 0.95).toFixed(1)} ms, ` +
        `worst ${(frames.at(-1) ?? NaN).toFixed(1)} ms`,
    );
    await screenshot(page, 'frames-2000-strokes');
    expect(frames.length).toBeGreaterThan(30);
    expect(median).toBeLessThan(MEDIAN_FRAME_MS);
    await ana.context.close();
  }, 180_000);
});
