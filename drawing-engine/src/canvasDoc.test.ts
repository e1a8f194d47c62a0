import { describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { clearBoard, getStrokes, readStrokes, STROKE_FIELDS } from './canvasDoc.js';
import { StrokeWriter } from './StrokeWriter.js';

const LOCAL = { source: 'test' };
const meta = { id: 's1', author: 'p1', tool: 'brush', color: '#112233', width: 6 } as const;

function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

describe('canvas document', () => {
  it('[S1] stores a stroke as a map with exactly the schema fields under strokes', () => {
    const doc = new Y.Doc();
    const writer = new StrokeWriter(doc, meta, LOCAL);
    writer.add({ x: 10, y: 10, pressure: 0.5, t: 0 });
    writer.flush();
    const stroke = doc.getArray<Y.Map<unknown>>('strokes').get(0);
    expect([...stroke.keys()].sort()).toEqual(['author', 'chunks', 'color', 'id', 'tool', 'width']);
    expect(stroke.get('tool')).toBe('brush');
    const chunks = stroke.get('chunks') as Y.Array<unknown>;
    expect(chunks.get(0)).toBeInstanceOf(Uint8Array);
    writer.finish();
    expect(stroke.get('done')).toBe(true);
    expect([...stroke.keys()].sort()).toEqual(Object.values(STROKE_FIELDS).sort());
  });

  it('[S2] shows a stroke to peers while it is drawn, one chunk per flush', () => {
    const drawer = new Y.Doc();
    const watcher = new Y.Doc();
    const writer = new StrokeWriter(drawer, meta, LOCAL);
    writer.add({ x: 10, y: 10, pressure: 0.5, t: 0 });
    expect(writer.flush()).toBe(true);
    sync(drawer, watcher);
    expect(readStrokes(watcher)).toMatchObject([
      { id: 's1', done: false, points: [{ x: 40, y: 40 }] },
    ]);

    writer.add({ x: 11, y: 12, pressure: 0.5, t: 16 }, { x: 12, y: 14, pressure: 0.5, t: 32 });
    writer.flush();
    sync(drawer, watcher);
    const [live] = readStrokes(watcher);
    expect(live?.points).toHaveLength(3);
    expect(live?.done).toBe(false);
  });

  it('[S3] folds the chunks into one blob when the stroke finishes', () => {
    const doc = new Y.Doc();
    const writer = new StrokeWriter(doc, meta, LOCAL);
    for (let i = 0; i < 5; i++) {
      writer.add({ x: i, y: i, pressure: 0.5, t: i * 16 });
      writer.flush();
    }
    writer.finish();
    const stroke = getStrokes(doc).get(0);
    const chunks = stroke.get(STROKE_FIELDS.chunks) as Y.Array<Uint8Array>;
    expect(chunks.length).toBe(1);
    expect(readStrokes(doc)[0]).toMatchObject({
      done: true,
      author: 'p1',
      color: '#112233',
      width: 6,
    });
    expect(readStrokes(doc)[0]?.points).toHaveLength(5);
  });

  it('[S2] writes nothing for a writer that never received a point', () => {
    const doc = new Y.Doc();
    new StrokeWriter(doc, meta, LOCAL).finish();
    expect(getStrokes(doc).length).toBe(0);
  });

  it('[S5] clears every stroke', () => {
    const doc = new Y.Doc();
    for (const id of ['a', 'b']) {
      const writer = new StrokeWriter(doc, { ...meta, id }, LOCAL);
      writer.add({ x: 1, y: 1, pressure: 0.5, t: 0 });
      writer.finish();
    }
    clearBoard(doc, LOCAL);
    expect(readStrokes(doc)).toEqual([]);
  });

  it('[S4] skips a stroke map that does not follow the schema', () => {
    const doc = new Y.Doc();
    const bogus = new Y.Map<unknown>();
    getStrokes(doc).push([bogus]);
    bogus.set('id', 42);
    expect(readStrokes(doc)).toEqual([]);
  });
});
