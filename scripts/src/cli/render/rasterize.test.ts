import { describe, expect, it } from '@jest/globals';
import { quantizePoint, type StrokeView } from '@scrawl/drawing-engine';
import { rasterize } from './rasterize.js';

const line = (color: string, width: number, y = 100): StrokeView => ({
  id: 'l',
  author: 'a',
  tool: 'brush',
  color,
  width,
  done: true,
  points: [0, 1, 2, 3, 4].map((i) =>
    quantizePoint({ x: 100 + i * 50, y, pressure: 0.5, t: i * 16 }),
  ),
});

const pixel = (image: ReturnType<typeof rasterize>, x: number, y: number) => [
  ...image.rgb.subarray((y * image.width + x) * 3, (y * image.width + x) * 3 + 3),
];

describe('rasterize', () => {
  it('paints the board white at one pixel per board unit', () => {
    const image = rasterize([]);
    expect([image.width, image.height]).toEqual([1600, 1000]);
    expect(image.rgb.every((value) => value === 255)).toBe(true);
  });

  it('fills a stroke in its colour, as wide as its width, with a soft edge and nothing beyond', () => {
    const image = rasterize([line('#1f6feb', 20)]);
    expect(pixel(image, 200, 100)).toEqual([0x1f, 0x6f, 0xeb]);
    const column = Array.from({ length: 60 }, (_, i) => pixel(image, 200, 70 + i)[0]!);
    const inked = column.filter((red) => red < 255).length;
    expect(inked).toBeGreaterThanOrEqual(20);
    expect(inked).toBeLessThanOrEqual(22);
    expect(column.some((red) => red > 0x1f && red < 255)).toBe(true);
    expect(pixel(image, 200, 130)).toEqual([255, 255, 255]);
    expect(pixel(image, 92, 100)[0]).toBeLessThan(255);
    expect(pixel(image, 85, 100)).toEqual([255, 255, 255]);
  });

  it('draws later strokes over earlier ones, a malformed colour in black, at any scale', () => {
    const image = rasterize([line('#ff0000', 20), line('not a colour', 10)], 0.5);
    expect([image.width, image.height]).toEqual([800, 500]);
    expect(pixel(image, 100, 50)).toEqual([0, 0, 0]);
    expect(pixel(image, 100, 54)).toEqual([255, 0, 0]);
  });
});
