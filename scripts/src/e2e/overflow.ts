import type { Page } from 'playwright-core';

/** The narrowest phone and the widest desktop window every page must fit. */
export const WIDTHS = [
  { width: 360, height: 740 },
  { width: 1920, height: 1080 },
] as const;

/** How far the page is wider than the window, and any visible element poking out at the right. */
export async function overflow(page: Page): Promise<{ scroll: number; outside: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const outside: string[] = [];
    for (const element of Array.from(document.querySelectorAll('body *'))) {
      const box = element.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue;
      if (box.right > width + 0.5 || box.left < -0.5) {
        const id = element.getAttribute('data-testid') ?? element.className.toString();
        outside.push(
          `${element.tagName.toLowerCase()}.${id} ${String(box.left)}–${String(box.right)}`,
        );
      }
    }
    const scroll =
      Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - width;
    return { scroll, outside };
  });
}
