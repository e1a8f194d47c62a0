import { describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { StrokeWriter, beginStroke } from '@scrawl/drawing-engine';
import { DocumentChecker } from './DocumentChecker.js';

function updatesOf(write: (doc: Y.Doc) => void): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  write(doc);
  return updates;
}

const meta = { id: 's1', author: 'ana', tool: 'brush' as const, color: '#222222', width: 6 };

describe('DocumentChecker', () => {
  it('finds nothing wrong with a stroke drawn live', () => {
    const checker = new DocumentChecker('canvas');
    const updates = updatesOf((doc) => {
      const writer = new StrokeWriter(doc, meta, null);
      writer.add({ x: 1, y: 1, pressure: 0.5, t: 0 });
      writer.flush();
      writer.add({ x: 2, y: 2, pressure: 0.5, t: 16 });
      writer.finish();
    });
    expect(updates.flatMap((u) => checker.check(u))).toEqual([]);
    expect(checker.finish()).toEqual([]);
  });

  it.each([
    [
      'bytes that are no Yjs update',
      () => [Uint8Array.of(0xff, 0x01)],
      /not a readable Yjs update/,
    ],
    [
      'point data that does not decode',
      () => updatesOf((doc) => beginStroke(doc, meta, Uint8Array.of(9, 0, 0), null)),
      /stroke s1 has point data that does not decode: unknown stroke format version 9/,
    ],
    [
      'a colour that is not #rrggbb',
      () =>
        updatesOf((doc) =>
          beginStroke(doc, { ...meta, color: 'red' }, Uint8Array.of(1, 0, 0), null),
        ),
      /stroke s1 has colour "red"/,
    ],
    [
      'a root type outside the schema',
      () => updatesOf((doc) => doc.getMap('secrets').set('word', 'apple')),
      /writes root type "secrets"/,
    ],
  ])('reports %s at the update that brings it in', (_, updates, problem) => {
    const checker = new DocumentChecker('canvas');
    const found = updates().flatMap((u) => checker.check(u));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(problem);
  });

  it('reports updates that refer to content the log does not hold', () => {
    const updates = updatesOf((doc) => {
      doc.getArray('strokes').push([1]);
      doc.getArray('strokes').push([2]);
    });
    const checker = new DocumentChecker('canvas');
    checker.check(updates[1]!);
    expect(checker.finish()).toEqual([
      'refers to content no stored update holds (updates are missing)',
    ]);
  });
});
