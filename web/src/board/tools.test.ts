import { describe, expect, it } from '@jest/globals';
import { BRUSH_COLORS, BRUSH_SIZES, colorName, stepSize } from './tools';

describe('tools', () => {
  it('offers five sizes and sixteen distinct, named colours', () => {
    expect(BRUSH_SIZES).toHaveLength(5);
    expect(new Set(BRUSH_COLORS.map((c) => c.value)).size).toBe(16);
    expect(new Set(BRUSH_COLORS.map((c) => c.name)).size).toBe(16);
  });

  it.each([
    [4, 1, 8],
    [8, -1, 4],
    [4, -1, 4],
    [40, 1, 40],
    [10, 1, 24],
    [99, -1, 24],
  ] as const)('steps from %i by %i to %i', (width, direction, next) => {
    expect(stepSize(width, direction)).toBe(next);
  });

  it('names palette colours and describes custom ones', () => {
    expect(colorName('#E03131')).toBe('Red');
    expect(colorName('#123456')).toBe('Custom colour #123456');
  });
});
