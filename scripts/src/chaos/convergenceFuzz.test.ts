import { describe, expect, it } from '@jest/globals';
import { fuzzConvergence } from './convergenceFuzz.js';
import { PINNED_SEEDS } from './convergenceSeeds.js';

describe('convergence fuzz', () => {
  it.each(PINNED_SEEDS.map((pinned) => [pinned.seed, pinned] as const))(
    'converges on pinned seed %i',
    (_seed, pinned) => {
      expect(fuzzConvergence(pinned.seed, pinned).problem).toBeNull();
    },
  );

  it.each(Array.from({ length: 10 }, (_, i) => [i + 100] as const))(
    'converges byte-equal with four peers on seed %i',
    (seed) => {
      const result = fuzzConvergence(seed, { peers: 4, operations: 300 });
      expect(result.problem).toBeNull();
      expect(result.counts.undo + result.counts.clear).toBeGreaterThan(0);
    },
  );

  it('is deterministic for a seed', () => {
    const a = fuzzConvergence(7, { peers: 3, operations: 200 });
    const b = fuzzConvergence(7, { peers: 3, operations: 200 });
    expect(a).toEqual(b);
  });
});
