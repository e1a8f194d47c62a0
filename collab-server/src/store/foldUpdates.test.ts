import { describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { StrokeWriter, readStrokes } from '@scrawl/drawing-engine';
import { foldUpdates, mergeStored } from './foldUpdates.js';

/** A state of `before` strokes and the log of `after` more, one update per flush. */
function storedCanvas(before: number, after: number): Uint8Array[] {
  const doc = new Y.Doc();
  const log: Uint8Array[] = [];
  let state: Uint8Array | null = null;
  doc.on('update', (update: Uint8Array) => {
    if (state) log.push(update);
  });
  for (let i = 0; i < before + after; i++) {
    if (i === before) state = Y.encodeStateAsUpdate(doc);
    const writer = new StrokeWriter(
      doc,
      { id: `s${String(i)}`, author: 'ana', tool: 'brush', color: '#000000', width: 4 },
      'test',
    );
    for (let p = 0; p < 12; p++) {
      writer.add({ x: i + p, y: p, pressure: 0.5, t: p * 16 });
      writer.flush();
    }
    writer.finish();
  }
  return [state ?? Y.encodeStateAsUpdate(doc), ...log];
}

const contentOf = (update: Uint8Array) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return readStrokes(doc);
};

describe('mergeStored', () => {
  it('gives nothing for nothing, and a copy of a lone part', () => {
    expect(mergeStored([])).toBeNull();
    const [state] = storedCanvas(3, 0);
    const merged = mergeStored([state!]);
    expect(merged).toEqual(state);
    expect(merged).not.toBe(state);
  });

  it('merges a state and a log of thousands of updates into the document they make', () => {
    const parts = storedCanvas(20, 200);
    expect(parts.length).toBeGreaterThan(2000);
    const merged = mergeStored(parts)!;
    const strokes = contentOf(merged);
    expect(strokes).toHaveLength(220);
    expect(strokes).toEqual(contentOf(foldUpdates(parts)));
    expect(strokes.every((stroke) => stroke.done)).toBe(true);
  });

  it('merges a log alone (a round canvas keeps no state)', () => {
    const [, ...log] = storedCanvas(0, 40);
    expect(contentOf(mergeStored(log)!)).toEqual(contentOf(foldUpdates(log)));
  });
});
