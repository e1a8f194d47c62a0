import { describe, expect, it } from '@jest/globals';
import { DEFAULT_SETTINGS } from '@scrawl/protocol';
import { hintCount, hintSlots, hintTimes, letterIndices } from './hints.js';

const settings = (hints: number, drawTimeSeconds = 80) => ({
  ...DEFAULT_SETTINGS,
  hints,
  drawTimeSeconds,
});

describe('hints', () => {
  it.each([
    ['cat', 2, 1],
    ['cat', 0, 0],
    ['a', 5, 0],
    ['ox', 5, 1],
    ['elephant', 2, 2],
    ['elephant', 5, 4],
    ['hot dog', 5, 3],
    ['yo-yo', 5, 2],
  ])('[H1] %j with %i hints reveals %i letters', (word, hints, count) => {
    expect(hintCount(word, hints)).toBe(count);
  });

  it('[H2] spreads hints evenly over the drawing time', () => {
    expect(hintTimes(1000, 'elephant', settings(3, 80))).toEqual([21_000, 41_000, 61_000]);
    expect(hintTimes(0, 'elephant', settings(2, 30))).toEqual([10_000, 20_000]);
    expect(hintTimes(0, 'elephant', settings(0, 30))).toEqual([]);
  });

  it('[H4] shows spaces, hyphens and apostrophes, and only revealed letters', () => {
    expect(hintSlots('hot dog', [])).toEqual([null, null, null, ' ', null, null, null]);
    expect(hintSlots('yo-yo', [1])).toEqual([null, 'o', '-', null, null]);
    expect(hintSlots("jack-o'-lantern", [])).toContain("'");
    expect(letterIndices('Eis-Bär')).toEqual([0, 1, 2, 4, 5, 6]);
  });
});
