import { describe, expect, it } from '@jest/globals';
import { buildReplay } from '@scrawl/drawing-engine';
import { ROUND, syntheticRound } from '../bench/syntheticRound';
import { strokeMoments } from './strokeMoments';

describe('strokeMoments', () => {
  it('stops where each stroke starts and ends, and where undo takes one back', () => {
    const strokes = 45;
    const replay = buildReplay(syntheticRound(strokes, 20_000));
    const moments = strokeMoments(replay, ROUND.startedAt);
    // A start and an end per stroke, plus the one undo (every 40th stroke).
    expect(moments).toHaveLength(strokes * 2 + 1);
    expect(moments).toEqual([...new Set(moments)].sort((a, b) => a - b));
    expect(moments[0]).toBeGreaterThanOrEqual(0);
    expect(moments[0]).toBeLessThan(500);
    expect(moments.at(-1)).toBeLessThanOrEqual(20_000 + 1_000);
  });

  it('has no moments in an empty replay', () => {
    expect(strokeMoments({ updates: [], keyframes: [] }, ROUND.startedAt)).toEqual([]);
  });
});
