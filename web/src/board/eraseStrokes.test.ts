import { describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { StrokeWriter, createStrokeUndo, readStrokes } from '@scrawl/drawing-engine';
import { OTHERS_ORIGIN, eraseStrokes, strokesHit } from './eraseStrokes';
import { WEB_ORIGIN } from './origins';
import { StrokeCache, type RenderedStroke } from './StrokeCache';

/** A horizontal stroke at height `y` from x 100 to 300, width 10. */
function draw(doc: Y.Doc, id: string, author: string, y: number): void {
  const writer = new StrokeWriter(
    doc,
    { id, author, tool: 'brush', color: '#000000', width: 10 },
    WEB_ORIGIN,
  );
  for (let x = 100; x <= 300; x += 20) writer.add({ x, y, pressure: 0.5, t: x });
  writer.finish();
}

describe('strokesHit', () => {
  const doc = new Y.Doc();
  draw(doc, 'top', 'ana', 100);
  draw(doc, 'bottom', 'ben', 400);
  const strokes = new StrokeCache(doc).store.get();
  const everyone = () => true;
  const ids = (hit: RenderedStroke[]) => hit.map((stroke) => stroke.author);

  it('finds a stroke the eraser touches and none it passes by', () => {
    expect(ids(strokesHit(strokes, { x: 200, y: 104 }, { x: 200, y: 104 }, 4, everyone))).toEqual([
      'ana',
    ]);
    expect(strokesHit(strokes, { x: 200, y: 130 }, { x: 200, y: 130 }, 4, everyone)).toEqual([]);
  });

  it('finds strokes crossed by a fast swipe between two samples', () => {
    expect(ids(strokesHit(strokes, { x: 200, y: 0 }, { x: 200, y: 600 }, 4, everyone))).toEqual([
      'ana',
      'ben',
    ]);
  });

  it('leaves out strokes the player may not erase', () => {
    const own = (stroke: RenderedStroke) => stroke.author === 'ana';
    expect(ids(strokesHit(strokes, { x: 200, y: 0 }, { x: 200, y: 600 }, 4, own))).toEqual(['ana']);
  });
});

describe('eraseStrokes', () => {
  it('removes own strokes as one undoable step and others’ strokes untracked', () => {
    const doc = new Y.Doc();
    draw(doc, 'a1', 'ana', 100);
    draw(doc, 'b1', 'ben', 200);
    const undo = createStrokeUndo(doc, WEB_ORIGIN);
    const seen: unknown[] = [];
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      seen.push(transaction.origin);
    });
    eraseStrokes(
      doc,
      [...new StrokeCache(doc).store.get()].map((s) => s.map),
      'ana',
    );
    expect(readStrokes(doc)).toEqual([]);
    expect(seen).toEqual([WEB_ORIGIN, OTHERS_ORIGIN]);
    undo.undo();
    expect(readStrokes(doc).map((stroke) => stroke.id)).toEqual(['a1']);
  });
});
