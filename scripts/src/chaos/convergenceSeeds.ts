import type { FuzzOptions } from './convergenceFuzz.js';

/**
 * Fuzz cases that once failed, kept forever as regression tests (run by
 * convergenceFuzz.test.ts and by every chaos run). Each says what it found.
 */
export const PINNED_SEEDS: readonly (FuzzOptions & { seed: number; found: string })[] = [
  {
    seed: 1,
    peers: 2,
    operations: 60,
    found:
      'peers compared by raw encodeStateAsUpdate differ after undo/redo: the undoer keeps the items it deleted for redo where others collect them; compared as loaded into a fresh document they are equal',
  },
  {
    seed: 41,
    peers: 4,
    operations: 400,
    found:
      "undoing a clear that also removed other players' strokes re-created them, so concurrent clears undone on two peers left a stroke twice; clearing now removes others' strokes untracked, as the web does",
  },
  {
    seed: 42,
    peers: 4,
    operations: 400,
    found: 'as seed 41: a stroke twice after concurrent clears were undone',
  },
];
