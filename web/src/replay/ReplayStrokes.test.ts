import { describe, expect, it } from '@jest/globals';
import { buildReplay, readStrokes, seekReplay } from '@scrawl/drawing-engine';
import { ROUND, syntheticRound } from '../bench/syntheticRound';
import { ReplayStrokes } from './ReplayStrokes';

const replay = buildReplay(syntheticRound(30, 15_000));
const end = replay.updates.at(-1)?.at ?? ROUND.startedAt;

describe('ReplayStrokes', () => {
  it('reads the strokes of a replay document in order', () => {
    const doc = seekReplay(replay, end);
    const read = new ReplayStrokes().read(doc);
    expect(read.map((s) => s.key)).toEqual(readStrokes(doc).map((s) => s.id));
    expect(read.every((s) => s.done && s.spine.length > 0)).toBe(true);
    doc.destroy();
  });

  it('keeps a finished stroke as the same entry from one seek to the next', () => {
    const reader = new ReplayStrokes();
    const early = seekReplay(replay, ROUND.startedAt + 7_000);
    const late = seekReplay(replay, end);
    const before = reader.read(early).filter((s) => s.done);
    const after = reader.read(late);
    expect(before.length).toBeGreaterThan(3);
    for (const stroke of before) {
      const same = after.find((s) => s.key === stroke.key);
      if (same) expect(same).toBe(stroke);
    }
    early.destroy();
    late.destroy();
  });

  it('gives a stroke being drawn a new entry as its points grow', () => {
    const reader = new ReplayStrokes();
    const times = replay.updates.map((u) => u.at);
    const live = times.map((at) => {
      const doc = seekReplay(replay, at);
      const entry = reader.read(doc).find((s) => !s.done);
      doc.destroy();
      return entry;
    });
    const growing = live.filter((entry) => entry !== undefined);
    expect(growing.length).toBeGreaterThan(10);
    expect(new Set(growing).size).toBeGreaterThan(10);
  });
});
