import { describe, expect, it } from '@jest/globals';
import { buildReplay, readStrokes, seekReplay, type ReplayData } from '@scrawl/drawing-engine';
import type * as Y from 'yjs';
import { ROUND, syntheticRound } from '../bench/syntheticRound';
import { ReplayPlayhead, updatesUpTo } from './ReplayPlayhead';

const replay: ReplayData = buildReplay(syntheticRound(60, 30_000));
const end = replay.updates.at(-1)?.at ?? ROUND.startedAt;

function strokesOf(doc: Y.Doc) {
  return readStrokes(doc).map((s) => ({ id: s.id, points: s.points.length, done: s.done }));
}

function expected(at: number) {
  const doc = seekReplay(replay, at);
  const strokes = strokesOf(doc);
  doc.destroy();
  return strokes;
}

describe('ReplayPlayhead', () => {
  it('[RP1] shows what seekReplay shows at jumps forward and back', () => {
    const playhead = new ReplayPlayhead(replay);
    let seed = 11;
    for (let i = 0; i < 40; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const at = ROUND.startedAt + (seed % (end - ROUND.startedAt + 1));
      expect(strokesOf(playhead.docAt(at))).toEqual(expected(at));
    }
    playhead.dispose();
  });

  it('[RP1] shows what seekReplay shows while playing forward frame by frame', () => {
    const playhead = new ReplayPlayhead(replay);
    for (let at = ROUND.startedAt; at <= end; at += 97) {
      expect(strokesOf(playhead.docAt(at))).toEqual(expected(at));
    }
    expect(strokesOf(playhead.docAt(end))).toEqual(expected(end));
    playhead.dispose();
  });

  it('counts the updates up to a time', () => {
    expect(updatesUpTo(replay, ROUND.startedAt - 1)).toBe(0);
    expect(updatesUpTo(replay, end)).toBe(replay.updates.length);
    const middle = replay.updates[100]!.at;
    const count = updatesUpTo(replay, middle);
    expect(replay.updates[count - 1]!.at).toBeLessThanOrEqual(middle);
    expect(replay.updates[count]?.at ?? Infinity).toBeGreaterThan(middle);
  });
});
