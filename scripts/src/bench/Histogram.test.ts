import { describe, expect, test } from '@jest/globals';
import { Histogram } from './Histogram.js';

describe('Histogram', () => {
  test('reads percentiles within 1 % of the exact values', () => {
    const histogram = new Histogram();
    for (let i = 1; i <= 10_000; i++) histogram.record(i / 100);
    expect(histogram.quantile(0.5)).toBeCloseTo(50, -0.3);
    expect(Math.abs(histogram.quantile(0.99) - 99) / 99).toBeLessThan(0.011);
    expect(histogram.quantile(1)).toBe(100);
    expect(histogram.count).toBe(10_000);
  });

  test('weights a value by its count and merges across instances', () => {
    const a = new Histogram();
    const b = new Histogram();
    a.record(1, 99);
    b.record(40, 1);
    a.merge(b.toJSON());
    expect(a.count).toBe(100);
    expect(a.quantile(0.5)).toBeLessThan(1.011);
    expect(a.quantile(0.995)).toBeGreaterThan(39);
    expect(a.mean).toBeCloseTo(1.39, 5);
  });

  test('ignores non-finite values and clamps negative ones to zero', () => {
    const histogram = new Histogram();
    histogram.record(Number.NaN);
    histogram.record(-3);
    expect(histogram.count).toBe(1);
    expect(histogram.quantile(1)).toBe(0);
  });
});
