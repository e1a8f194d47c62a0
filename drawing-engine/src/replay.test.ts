import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import * as Y from 'yjs';
import { clearBoard, getStrokes, readStrokes } from './canvasDoc.js';
import { createStrokeUndo } from './createStrokeUndo.js';
import { buildReplay, seekReplay, type TimedUpdate } from './replay.js';
import { decodeReplay, encodeReplay } from './replayCodec.js';
import { StrokeWriter } from './StrokeWriter.js';

const ORIGIN = { source: 'replay-test' };
type Op =
  | { kind: 'draw'; points: number }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'clear' }
  | { kind: 'wait'; ms: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('draw' as const),
      points: fc.integer({ min: 1, max: 12 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'undo' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'redo' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'clear' as const }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('wait' as const),
      ms: fc.integer({ min: 0, max: 4000 }),
    }),
  },
);

/** Plays operations on a document, recording each update with a clock that moves 16 ms a frame. */
function record(ops: readonly Op[]): TimedUpdate[] {
  const doc = new Y.Doc();
  const undo = createStrokeUndo(doc, ORIGIN);
  const log: TimedUpdate[] = [];
  let now = 1_700_000_000_000;
  doc.on('update', (update: Uint8Array) => log.push({ at: now, update }));
  let id = 0;
  for (const op of ops) {
    if (op.kind === 'wait') now += op.ms;
    else if (op.kind === 'undo') undo.undo();
    else if (op.kind === 'redo') undo.redo();
    else if (op.kind === 'clear') clearBoard(doc, ORIGIN);
    else {
      const writer = new StrokeWriter(
        doc,
        { id: `s${id++}`, author: 'p', tool: 'brush', color: '#123456', width: 4 },
        ORIGIN,
      );
      for (let i = 0; i < op.points; i++) {
        writer.add({ x: 10 + i, y: 20 + id, pressure: 0.5, t: i * 16 });
        writer.flush();
        now += 16;
      }
      writer.finish();
    }
  }
  return log;
}

/** The reference: every update with a time ≤ at, applied from scratch. */
function reference(log: readonly TimedUpdate[], at: number): Y.Doc {
  const doc = new Y.Doc();
  for (const entry of log) if (entry.at <= at) Y.applyUpdate(doc, entry.update);
  return doc;
}

describe('replay', () => {
  it('[RP1] seeking to any time gives the document as watchers had it then, undo and clear included', () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { minLength: 1, maxLength: 40 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }),
        (ops, fractions) => {
          const log = record(ops);
          if (log.length === 0) return;
          const replay = buildReplay(log, 1000);
          const first = log[0]!.at;
          const last = log.at(-1)!.at;
          for (const fraction of [0, 1, ...fractions]) {
            const at = Math.round(first + (last - first) * fraction);
            expect(readStrokes(seekReplay(replay, at))).toEqual(readStrokes(reference(log, at)));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('[RP2] keeps a keyframe right after a clear, so seeking past it replays nothing it removed', () => {
    const log = record([
      { kind: 'draw', points: 5 },
      { kind: 'wait', ms: 100 },
      { kind: 'clear' },
      { kind: 'wait', ms: 100 },
      { kind: 'draw', points: 3 },
    ]);
    const replay = buildReplay(log, 60_000);
    const clearAt = log.find((entry, i) => {
      const doc = reference(log.slice(0, i + 1), Infinity);
      return getStrokes(doc).length === 0 && i > 0;
    })!.at;
    expect(replay.keyframes.map((k) => k.at)).toContain(clearAt);
    expect(readStrokes(seekReplay(replay, clearAt))).toEqual([]);
  });

  it('[RP3] survives its binary container byte for byte', () => {
    const log = record([
      { kind: 'draw', points: 6 },
      { kind: 'wait', ms: 7000 },
      { kind: 'draw', points: 4 },
      { kind: 'undo' },
    ]);
    const replay = buildReplay(log, 1000);
    const decoded = decodeReplay(encodeReplay(replay));
    expect(decoded.updates.map((u) => [u.at, Array.from(u.update)])).toEqual(
      replay.updates.map((u) => [u.at, Array.from(u.update)]),
    );
    expect(decoded.keyframes.map((k) => [k.at, k.upTo, Array.from(k.state)])).toEqual(
      replay.keyframes.map((k) => [k.at, k.upTo, Array.from(k.state)]),
    );
  });

  it('[RP3] refuses another format or a container cut short', () => {
    const bytes = encodeReplay(buildReplay(record([{ kind: 'draw', points: 3 }])));
    expect(() => decodeReplay(Uint8Array.of(9))).toThrow(/format 9/);
    expect(() => decodeReplay(bytes.slice(0, bytes.length - 2))).toThrow(RangeError);
  });
});
