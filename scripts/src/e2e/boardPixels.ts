import type { Page } from 'playwright-core';

/** Boards are compared at this size: the board's 16:10, small enough to move quickly. */
export const COMPARE_WIDTH = 800;
export const COMPARE_HEIGHT = 500;
/** A pixel counts as different when a colour channel differs by more than this (of 255). */
const CHANNEL_TOLERANCE = 64;

/** How long the board may keep changing before a capture gives up waiting for it to settle. */
const SETTLE_TIMEOUT_MS = 5000;
/** Time between two captures that must agree for the board to count as settled. */
const SETTLE_GAP_MS = 60;

/**
 * The board as painted once it stops changing: two captures `SETTLE_GAP_MS` apart that agree
 * (at most `SETTLE_TIMEOUT_MS`). What the page's state says (a replay's time, a stroke count)
 * is ahead of the canvas: React renders and Konva paints on later frames, and a capture taken
 * in between showed the frame before a scrub (CI, replay.e2e).
 */
export async function boardPixels(page: Page): Promise<Buffer> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  let last = await captureBoard(page);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_GAP_MS));
    const next = await captureBoard(page);
    if (next.equals(last) || Date.now() > deadline) return next;
    last = next;
  }
}

/**
 * The board as shown on a page now: every canvas Konva drew into the board element, cropped
 * to the board's letterboxed rectangle (the app's fitBoard) and scaled to a common size, so
 * boards of different sizes compare. RGBA bytes.
 */
async function captureBoard(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(
    ({ width, height }) => {
      const board = document.querySelector('[data-testid="board"]');
      if (!board) throw new Error('no board on the page');
      const box = board.getBoundingClientRect();
      // As the app's useElementSize and fitBoard place the board (1600 × 1000 units).
      const w = Math.floor(box.width);
      const h = Math.floor(box.height);
      const scale = Math.min(w / 1600, h / 1000);
      const left = box.left + (w - 1600 * scale) / 2;
      const top = box.top + (h - 1000 * scale) / 2;
      const out = document.createElement('canvas');
      out.width = width;
      out.height = height;
      const context = out.getContext('2d');
      if (!context) throw new Error('no 2D context');
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, width, height);
      context.imageSmoothingQuality = 'high';
      for (const canvas of Array.from(board.querySelectorAll('canvas'))) {
        const frame = canvas.getBoundingClientRect();
        if (frame.width === 0) continue;
        const ratio = canvas.width / frame.width;
        context.drawImage(
          canvas,
          (left - frame.left) * ratio,
          (top - frame.top) * ratio,
          1600 * scale * ratio,
          1000 * scale * ratio,
          0,
          0,
          width,
          height,
        );
      }
      const bytes = context.getImageData(0, 0, width, height).data;
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) {
        binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      }
      return btoa(binary);
    },
    { width: COMPARE_WIDTH, height: COMPARE_HEIGHT },
  );
  return Buffer.from(base64, 'base64');
}

/** The share of pixels (0–1) that differ between two captures of the same size. */
export function pixelDifference(a: Buffer, b: Buffer): number {
  if (a.length !== b.length) throw new Error('captures of different sizes');
  let different = 0;
  for (let i = 0; i < a.length; i += 4) {
    for (let channel = 0; channel < 3; channel++) {
      if (Math.abs(a[i + channel]! - b[i + channel]!) > CHANNEL_TOLERANCE) {
        different++;
        break;
      }
    }
  }
  return different / (a.length / 4);
}

/** The share of pixels (0–1) that are not white paper: how much is drawn. */
export function inkedShare(pixels: Buffer): number {
  let inked = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    if (pixels[i]! < 200 || pixels[i + 1]! < 200 || pixels[i + 2]! < 200) inked++;
  }
  return inked / (pixels.length / 4);
}
