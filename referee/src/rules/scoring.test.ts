import { describe, expect, it } from '@jest/globals';
import type { PlayerId } from '@scrawl/protocol';
import { drawerPoints, guessPoints, places, timePoints } from './scoring.js';

const DRAW_MS = 80_000;

describe('scoring', () => {
  // The table of SPEC.md, one case a line: seconds into an 80 s drawing, first solver?, points.
  it.each([
    [0, true, 350],
    [0, false, 300],
    [8, true, 325],
    [8, false, 275],
    [20, false, 238],
    [40, false, 175],
    [60, false, 113],
    [79, false, 53],
    [80, false, 50],
    [80, true, 100],
    [95, false, 50],
  ])('[R1][R2] a solve at %i s (first: %s) earns %i', (seconds, first, points) => {
    expect(guessPoints(seconds * 1000, DRAW_MS, first)).toBe(points);
  });

  it.each([
    [[275, 238], 3, 86],
    [[275, 238, 175], 3, 115],
    [[300, 300, 300], 3, 150],
    [[275], 1, 138],
    [[275], 3, 46],
    [[], 3, 0],
    [[53], 1, 27],
  ])('[R3] solvers with time points %j of %i eligible give the drawer %i', (solvers, n, points) => {
    expect(drawerPoints(solvers, n)).toBe(points);
  });

  it('[R2] the first solver earns at least 1.5× a solver at the last second', () => {
    for (let ms = 0; ms <= DRAW_MS; ms += 1000) {
      expect(guessPoints(ms, DRAW_MS, true)).toBeGreaterThanOrEqual(
        1.5 * guessPoints(DRAW_MS, DRAW_MS, false),
      );
    }
  });

  it('[R1] earlier solves never earn less, and points are integers', () => {
    for (let ms = 0; ms < DRAW_MS; ms += 137) {
      const now = timePoints(ms, DRAW_MS);
      expect(Number.isInteger(now)).toBe(true);
      expect(now).toBeGreaterThanOrEqual(timePoints(ms + 137, DRAW_MS));
    }
  });

  it('[R3] a two-player game ties only when both solved equally fast', () => {
    const game = (aSolvesAt: number, bSolvesAt: number) => {
      const b = guessPoints(bSolvesAt, DRAW_MS, true);
      const a = guessPoints(aSolvesAt, DRAW_MS, true);
      return {
        a: a + drawerPoints([timePoints(bSolvesAt, DRAW_MS)], 1),
        b: b + drawerPoints([timePoints(aSolvesAt, DRAW_MS)], 1),
      };
    };
    expect(game(10_000, 30_000)).toEqual({ a: 422, b: 391 });
    expect(game(30_000, 30_000).a).toBe(game(30_000, 30_000).b);
  });

  it('[P6] gives equal scores the same place', () => {
    const entries = [
      { id: 'a' as PlayerId, score: 10 },
      { id: 'b' as PlayerId, score: 30 },
      { id: 'c' as PlayerId, score: 10 },
      { id: 'd' as PlayerId, score: 5 },
    ];
    expect(places(entries).map((e) => [e.id, e.place])).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 2],
      ['d', 4],
    ]);
  });
});
