import { describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { STROKE_FIELDS, getStrokes, readStrokes } from './canvasDoc.js';
import { createStrokeUndo } from './createStrokeUndo.js';
import { StrokeWriter } from './StrokeWriter.js';

/** Two players' documents kept in sync through updates, as a server would relay them. */
function pair() {
  const ana = new Y.Doc();
  const ben = new Y.Doc();
  ana.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== ben) Y.applyUpdate(ben, update, ana);
  });
  ben.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== ana) Y.applyUpdate(ana, update, ben);
  });
  return { ana, ben };
}

const ANA = { source: 'ana' };
const BEN = { source: 'ben' };

/** Draws a stroke live: `frames` flushes of two samples each, then pointer-up. */
function draw(doc: Y.Doc, origin: object, id: string, frames = 4): void {
  const writer = new StrokeWriter(
    doc,
    { id, author: origin === ANA ? 'ana' : 'ben', tool: 'brush', color: '#123456', width: 6 },
    origin,
  );
  for (let f = 0; f < frames; f++) {
    writer.add(
      { x: 10 + f * 3, y: 20 + f, pressure: 0.4, t: f * 16 },
      { x: 11 + f * 3, y: 21 + f * 2, pressure: 0.6, t: f * 16 + 8 },
    );
    writer.flush();
  }
  writer.finish();
}

const ids = (doc: Y.Doc) => readStrokes(doc).map((s) => s.id);

describe('per-player undo and redo', () => {
  it('[U1] undoes only the undoer’s strokes, seen from both sides', () => {
    const { ana, ben } = pair();
    const anaUndo = createStrokeUndo(ana, ANA);
    const benUndo = createStrokeUndo(ben, BEN);
    draw(ana, ANA, 'a1');
    draw(ben, BEN, 'b1');
    draw(ana, ANA, 'a2');
    draw(ben, BEN, 'b2');
    anaUndo.undo();
    expect(ids(ana)).toEqual(['a1', 'b1', 'b2']);
    expect(ids(ben)).toEqual(['a1', 'b1', 'b2']);
    benUndo.undo();
    expect(ids(ben)).toEqual(['a1', 'b1']);
    expect(ids(ana)).toEqual(['a1', 'b1']);
  });

  it('[U1] leaves the board alone when the undoer has no stroke left', () => {
    const { ana, ben } = pair();
    const anaUndo = createStrokeUndo(ana, ANA);
    draw(ben, BEN, 'b1');
    expect(anaUndo.canUndo()).toBe(false);
    anaUndo.undo();
    expect(ids(ana)).toEqual(['b1']);
  });

  it('[U2] groups a stroke’s begin, chunks and finish into one step', () => {
    const { ana } = pair();
    const undo = createStrokeUndo(ana, ANA);
    draw(ana, ANA, 'a1', 12);
    draw(ana, ANA, 'a2', 12);
    expect(undo.undoStack).toHaveLength(2);
    undo.undo();
    expect(ids(ana)).toEqual(['a1']);
    expect(readStrokes(ana)[0]?.points).toHaveLength(24);
  });

  it('[U3] redo restores the stroke whole: every point, its fields and done', () => {
    const { ana, ben } = pair();
    const undo = createStrokeUndo(ana, ANA);
    draw(ana, ANA, 'a1', 6);
    draw(ben, BEN, 'b1');
    const before = readStrokes(ben);
    undo.undo();
    expect(ids(ben)).toEqual(['b1']);
    undo.redo();
    expect(readStrokes(ana)).toEqual(before);
    expect(readStrokes(ben)).toEqual(before);
    const restored = getStrokes(ben).get(0).get(STROKE_FIELDS.chunks) as Y.Array<Uint8Array>;
    expect(restored.length).toBe(1);
  });

  it('[U3] redo restores strokes in order after several undos, and undo works again', () => {
    const { ana, ben } = pair();
    const undo = createStrokeUndo(ana, ANA);
    draw(ana, ANA, 'a1');
    draw(ana, ANA, 'a2');
    draw(ben, BEN, 'b1');
    const before = readStrokes(ana);
    undo.undo();
    undo.undo();
    expect(ids(ben)).toEqual(['b1']);
    undo.redo();
    undo.redo();
    expect(readStrokes(ben).map((s) => s.points)).toEqual(before.map((s) => s.points));
    expect(ids(ben).sort()).toEqual(['a1', 'a2', 'b1']);
    undo.undo();
    expect(ids(ben)).not.toContain('a2');
    expect(ids(ben)).toContain('a1');
  });

  it('[U3] a late joiner sees the redone stroke with all its points', () => {
    const { ana } = pair();
    const undo = createStrokeUndo(ana, ANA);
    draw(ana, ANA, 'a1', 5);
    const before = readStrokes(ana);
    undo.undo();
    undo.redo();
    const late = new Y.Doc();
    Y.applyUpdate(late, Y.encodeStateAsUpdate(ana));
    expect(readStrokes(late)).toEqual(before);
  });

  it('[U4] a new stroke after an undo clears the redo step', () => {
    const { ana } = pair();
    const undo = createStrokeUndo(ana, ANA);
    draw(ana, ANA, 'a1');
    undo.undo();
    draw(ana, ANA, 'a2');
    expect(undo.canRedo()).toBe(false);
    expect(ids(ana)).toEqual(['a2']);
  });
});
