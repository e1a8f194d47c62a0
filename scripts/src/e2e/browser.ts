import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Where browser tests leave screenshots for people to look at. */
export const ARTIFACTS = fileURLToPath(new URL('../../../test-artifacts/', import.meta.url));

/** Chromium from Debian, with the flags this closed network needs. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Saves a screenshot under test-artifacts/. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/**
 * Counts inked pixels (neither transparent nor near-white) in a square around a point of
 * the board element, over every canvas Konva drew into.
 */
export async function inkAround(
  page: Page,
  point: { x: number; y: number },
  radius = 12,
): Promise<number> {
  return page.evaluate(
    ({ point, radius }) => {
      const board = document.querySelector('[data-testid="board"]');
      if (!board) throw new Error('no board on the page');
      const boardBox = board.getBoundingClientRect();
      let inked = 0;
      for (const canvas of Array.from(board.querySelectorAll('canvas'))) {
        const box = canvas.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        const ratio = canvas.width / box.width;
        const cx = (boardBox.left + point.x - box.left) * ratio;
        const cy = (boardBox.top + point.y - box.top) * ratio;
        const r = Math.max(1, Math.round(radius * ratio));
        const context = canvas.getContext('2d');
        if (!context) continue;
        const x0 = Math.max(0, Math.round(cx - r));
        const y0 = Math.max(0, Math.round(cy - r));
        const w = Math.min(canvas.width - x0, 2 * r);
        const h = Math.min(canvas.height - y0, 2 * r);
        if (w <= 0 || h <= 0) continue;
        const data = context.getImageData(x0, y0, w, h).data;
        for (let i = 0; i < data.length; i += 4) {
          const [red, green, blue, alpha] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
          if (alpha > 32 && (red < 200 || green < 200 || blue < 200)) inked++;
        }
      }
      return inked;
    },
    { point, radius },
  );
}

/**
 * The height in CSS pixels of the ink in one column of the board element (at `x` board-element
 * pixels from its left edge): how thick a horizontal stroke is drawn there.
 */
export async function inkThickness(page: Page, x: number): Promise<number> {
  return page.evaluate((x) => {
    const board = document.querySelector('[data-testid="board"]');
    if (!board) throw new Error('no board on the page');
    const boardBox = board.getBoundingClientRect();
    let thickest = 0;
    for (const canvas of Array.from(board.querySelectorAll('canvas'))) {
      const box = canvas.getBoundingClientRect();
      const context = canvas.getContext('2d');
      if (box.width === 0 || !context) continue;
      const ratio = canvas.width / box.width;
      const column = Math.round((boardBox.left + x - box.left) * ratio);
      if (column < 0 || column >= canvas.width) continue;
      const data = context.getImageData(column, 0, 1, canvas.height).data;
      let inked = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [red, green, blue, alpha] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
        if (alpha > 32 && red < 128 && green < 128 && blue < 128) inked++;
      }
      thickest = Math.max(thickest, inked / ratio);
    }
    return thickest;
  }, x);
}
