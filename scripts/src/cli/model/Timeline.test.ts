import { describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { StrokeWriter, clearBoard, createStrokeUndo } from '@scrawl/drawing-engine';
import type { ChangeEvent } from './changes.js';
import { describeChanges } from './describeChange.js';
import { Timeline } from './Timeline.js';

const ORIGIN = { source: 'test' };

/** Records a drawer's updates, to play them back through a Timeline. */
function recorder() {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const draw = (id: string, frames: number) => {
    const writer = new StrokeWriter(
      doc,
      { id, author: 'ana', tool: 'brush', color: '#222222', width: 6 },
      ORIGIN,
    );
    for (let i = 0; i < frames; i++) {
      writer.add(
        { x: 10 + i, y: 10, pressure: 0.5, t: i * 16 },
        { x: 11 + i, y: 11, pressure: 0.5, t: i * 16 + 8 },
      );
      writer.flush();
    }
    writer.finish();
  };
  return { doc, updates, draw };
}

const kinds = (events: readonly ChangeEvent[]) =>
  events.map((e) => `${e.kind}${'id' in e ? ` ${e.id}` : ''}`);

describe('Timeline', () => {
  it('tells a stroke drawn live as started, points appended, finished', () => {
    const drawer = recorder();
    drawer.draw('s1', 3);
    const timeline = new Timeline('canvas');
    expect(drawer.updates.map((u) => kinds(timeline.apply(u)))).toEqual([
      ['started s1'],
      ['appended s1'],
      ['appended s1'],
      ['finished s1'],
    ]);
  });

  it('tells an undo as a deletion, a redo as a restore, and a clear as one event', () => {
    const drawer = recorder();
    const undo = createStrokeUndo(drawer.doc, ORIGIN);
    drawer.draw('a', 1);
    drawer.draw('b', 1);
    undo.undo();
    undo.redo();
    clearBoard(drawer.doc, ORIGIN);
    const timeline = new Timeline('canvas');
    const told = drawer.updates
      .map((u) => kinds(timeline.apply(u)))
      .filter((k) => !k.includes('appended a'));
    expect(told.slice(-3)).toEqual([['deleted b'], ['restored b'], ['cleared']]);
  });

  it('describes events in words, with player names', () => {
    const drawer = recorder();
    drawer.draw('s1', 1);
    const timeline = new Timeline('canvas');
    const names = new Map([['ana', 'Ana']]);
    expect(describeChanges(timeline.apply(drawer.updates[0]!), names)).toBe(
      'stroke s1 started by Ana: brush #222222 width 6, 2 points',
    );
    expect(describeChanges(timeline.apply(drawer.updates[1]!), names)).toBe(
      'stroke s1 finished, chunks folded (2 points)',
    );
  });

  it('tells game-state changes and new chat lines', () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    doc.getMap('state').set('phase', 'lobby');
    doc.transact(() => {
      doc.getMap('state').set('phase', 'choosing');
      doc.getArray('chat').push([{ id: 'c1', at: 1, kind: 'system', text: 'Ana is choosing' }]);
    });
    const timeline = new Timeline('game');
    timeline.apply(updates[0]!);
    expect(describeChanges(timeline.apply(updates[1]!), new Map())).toBe(
      'phase: lobby → choosing; system: Ana is choosing',
    );
  });
});
