import { describe, expect, it } from '@jest/globals';
import { dequantizePoint, quantizePoint } from './point.js';

describe('point quantisation', () => {
  it.each([
    [
      { x: 10.1, y: 20.13, pressure: 0.5, t: 16.4 },
      { x: 40, y: 81, p: 128, t: 16 },
    ],
    [
      { x: -5, y: 2000, pressure: 2, t: -1 },
      { x: 0, y: 4000, p: 255, t: 0 },
    ],
    [
      { x: NaN, y: Infinity, pressure: NaN, t: 1e12 },
      { x: 0, y: 4000, p: 0, t: 600_000 },
    ],
  ])('[P1] stores %o as %o', (input, stored) => {
    expect(quantizePoint(input)).toEqual(stored);
  });

  it('[P1] turns a stored point back into board units', () => {
    expect(dequantizePoint({ x: 41, y: 2, p: 255, t: 7 })).toEqual({
      x: 10.25,
      y: 0.5,
      pressure: 1,
      t: 7,
    });
  });
});
