import { describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { STROKE_FIELDS, clearBoard, getStrokes } from './canvasDoc.js';
import { StrokeWriter } from './StrokeWriter.js';
import {
  DEFAULT_WRITE_LIMITS,
  validateCanvasUpdate,
  type CanvasWriteRules,
} from './validateUpdate.js';

const ANA = 'anaanaanaanaanaa';
const BEN = 'benbenbenbenbenb';
const ORIGIN = { source: 'test' };
const rulesFor = (author: string, extra: Partial<CanvasWriteRules> = {}): CanvasWriteRules => ({
  author,
  mayDeleteOthers: false,
  ...DEFAULT_WRITE_LIMITS,
  ...extra,
});

/** A server document and clients that stay in sync with it through validated updates. */
function setup() {
  const server = new Y.Doc();
  const client = (author: string) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
    return { doc, author };
  };
  /** Runs a change on a client and returns the update it produced, synced or not. */
  const change = (c: { doc: Y.Doc }, fn: () => void): Uint8Array => {
    const updates: Uint8Array[] = [];
    const listener = (update: Uint8Array) => updates.push(update);
    c.doc.on('update', listener);
    fn();
    c.doc.off('update', listener);
    return Y.mergeUpdates(updates);
  };
  const send = (
    c: { doc: Y.Doc; author: string },
    update: Uint8Array,
    extra: Partial<CanvasWriteRules> = {},
  ) => {
    const verdict = validateCanvasUpdate(server, update, rulesFor(c.author, extra));
    if (verdict.ok) Y.applyUpdate(server, update);
    return verdict;
  };
  const pull = (c: { doc: Y.Doc }) =>
    Y.applyUpdate(c.doc, Y.encodeStateAsUpdate(server, Y.encodeStateVector(c.doc)));
  return { server, client, change, send, pull };
}

function draw(doc: Y.Doc, author: string, id: string, points = 5): StrokeWriter {
  const writer = new StrokeWriter(
    doc,
    { id, author, tool: 'brush', color: '#123456', width: 6 },
    ORIGIN,
  );
  for (let i = 0; i < points; i++) {
    writer.add({ x: 10 + i, y: 20 + i, pressure: 0.5, t: i * 16 });
    writer.flush();
  }
  return writer;
}

describe('validateCanvasUpdate', () => {
  it('[V1] accepts a stroke drawn live by its author, chunk by chunk, and its fold', () => {
    const { client, send } = setup();
    const ana = client(ANA);
    const updates: Uint8Array[] = [];
    ana.doc.on('update', (u: Uint8Array) => updates.push(u));
    draw(ana.doc, ANA, 's1', 4).finish();
    let points = 0;
    for (const update of updates) {
      const verdict = send(ana, update);
      expect(verdict).toMatchObject({ ok: true });
      if (verdict.ok) points += verdict.points;
    }
    expect(points).toBe(8); // four live chunks, then the folded blob with all four again
  });

  it('[V3] refuses a new stroke whose author is not the sender', () => {
    const { client, change, send } = setup();
    const ben = client(BEN);
    const update = change(ben, () => draw(ben.doc, ANA, 'forged').finish());
    expect(send(ben, update)).toEqual({
      ok: false,
      reason: 'a new stroke must name its sender as author',
    });
  });

  it("[V5] refuses points appended to another player's stroke", () => {
    const { client, change, send, pull } = setup();
    const ana = client(ANA);
    const ben = client(BEN);
    expect(
      send(
        ana,
        change(ana, () => draw(ana.doc, ANA, 's1').finish()),
      ),
    ).toMatchObject({ ok: true });
    pull(ben);
    const chunks = getStrokes(ben.doc).get(0).get(STROKE_FIELDS.chunks) as Y.Array<Uint8Array>;
    const update = change(ben, () => chunks.push([Uint8Array.of(0, 0, 0, 0)]));
    expect(send(ben, update)).toMatchObject({
      ok: false,
      reason: "points may be added only to the sender's own strokes",
    });
  });

  it('[V4] refuses changing the colour of a drawn stroke, even by its author', () => {
    const { client, change, send } = setup();
    const ana = client(ANA);
    expect(
      send(
        ana,
        change(ana, () => draw(ana.doc, ANA, 's1').finish()),
      ),
    ).toMatchObject({ ok: true });
    const update = change(ana, () =>
      getStrokes(ana.doc).get(0).set(STROKE_FIELDS.color, '#ffffff'),
    );
    expect(send(ana, update)).toMatchObject({
      ok: false,
      reason: 'the color of a drawn stroke cannot change',
    });
  });

  it("[V6] lets a player delete their own strokes but not another's", () => {
    const { client, change, send, pull } = setup();
    const ana = client(ANA);
    const ben = client(BEN);
    send(
      ana,
      change(ana, () => draw(ana.doc, ANA, 'a1').finish()),
    );
    send(
      ben,
      change(ben, () => draw(ben.doc, BEN, 'b1').finish()),
    );
    pull(ana);
    pull(ben);
    const indexOf = (author: string) =>
      getStrokes(ana.doc)
        .toArray()
        .findIndex((s) => s.get('author') === author);
    expect(
      send(
        ana,
        change(ana, () => getStrokes(ana.doc).delete(indexOf(BEN), 1)),
      ),
    ).toMatchObject({
      ok: false,
      reason: "only a round's drawer may delete other players' strokes",
    });
    const ownIndex = indexOf(ANA);
    expect(
      send(
        ana,
        change(ana, () => getStrokes(ana.doc).delete(ownIndex, 1)),
      ),
    ).toMatchObject({ ok: true });
  });

  it("[V6] lets a round's drawer clear the whole board", () => {
    const { client, change, send, pull } = setup();
    const ana = client(ANA);
    const ben = client(BEN);
    send(
      ana,
      change(ana, () => draw(ana.doc, ANA, 'a1').finish()),
    );
    send(
      ben,
      change(ben, () => draw(ben.doc, BEN, 'b1').finish()),
    );
    pull(ana);
    const clear = change(ana, () => clearBoard(ana.doc, ORIGIN));
    expect(send(ana, clear)).toMatchObject({ ok: false });
    expect(send(ana, clear, { mayDeleteOthers: true })).toMatchObject({ ok: true });
  });

  it('[V7] accepts points for a stroke cleared while its author still drew it, as garbage', () => {
    const { server, client, change, send, pull } = setup();
    const ana = client(ANA);
    const ben = client(BEN);
    const writer = draw(ana.doc, ANA, 'a1', 2);
    expect(send(ana, Y.encodeStateAsUpdate(ana.doc))).toMatchObject({ ok: true });
    pull(ben);
    expect(
      send(
        ben,
        change(ben, () => clearBoard(ben.doc, ORIGIN)),
        { mayDeleteOthers: true },
      ),
    ).toMatchObject({ ok: true });
    // Ana has not seen the clear: she goes on drawing, then finishes the stroke.
    const more = change(ana, () => {
      writer.add({ x: 50, y: 50, pressure: 0.5, t: 100 });
      writer.flush();
      writer.finish();
    });
    expect(send(ana, more)).toMatchObject({ ok: true });
    // Her sync reply after a reconnect is accepted too, and everyone agrees on an empty board.
    const reply = Y.encodeStateAsUpdate(ana.doc, Y.encodeStateVector(server));
    expect(send(ana, reply)).toMatchObject({ ok: true });
    pull(ana);
    expect(getStrokes(server).length).toBe(0);
    expect(getStrokes(ana.doc).length).toBe(0);
    expect(Y.encodeStateVector(ana.doc)).toEqual(Y.encodeStateVector(server));
  });

  it("[V8] accepts a sync reply repeating another player's stroke the server received meanwhile", () => {
    const { server, client, change, send } = setup();
    const ana = client(ANA);
    const ben = client(BEN);
    // Ana holds Ben's stroke (from a server since killed); the new server asks her for
    // what it lacks before Ben's own reconnect brings it the same stroke.
    const bens = change(ben, () => draw(ben.doc, BEN, 'b1', 3).finish());
    Y.applyUpdate(ana.doc, bens);
    const asked = Y.encodeStateVector(server);
    draw(ana.doc, ANA, 'a1', 2).finish();
    expect(send(ben, bens)).toMatchObject({ ok: true, strokes: 1 });
    const reply = Y.encodeStateAsUpdate(ana.doc, asked);
    expect(send(ana, reply)).toMatchObject({ ok: true, strokes: 1 });
    expect(
      getStrokes(server).map((m) => [m.get(STROKE_FIELDS.id), m.get(STROKE_FIELDS.author)]),
    ).toEqual(
      getStrokes(ana.doc).map((m) => [m.get(STROKE_FIELDS.id), m.get(STROKE_FIELDS.author)]),
    );
    expect(Y.encodeStateVector(server)).toEqual(Y.encodeStateVector(ana.doc));
    // What the server does not hold is still checked: a stroke under Ben's name is not Ana's.
    const forged = change(ana, () => draw(ana.doc, BEN, 'forged', 2).finish());
    expect(send(ana, forged)).toMatchObject({ ok: false, reason: /author/ });
  });

  it('[V8] lets content the server holds as pending through, and keeps the first copy of it', () => {
    const { server, client, change, send } = setup();
    const ben = client(BEN);
    const ana = client(ANA);
    const first = change(ben, () => draw(ben.doc, BEN, 'b1', 2).finish());
    // Still being drawn: a finished stroke also deletes its live chunks, and deletes of
    // pending content wait for it like any other missing content.
    const second = change(ben, () => draw(ben.doc, BEN, 'b2', 2));
    // Ben's first stroke is lost on the way; his second waits for it (Yjs' pending structs).
    expect(send(ben, second)).toMatchObject({ ok: false, missing: true });
    Y.applyUpdate(server, second);
    expect(server.store.pendingStructs).not.toBeNull();
    // Ana re-sends the pending content as she holds it: accepted, nothing changes.
    Y.applyUpdate(ana.doc, first);
    Y.applyUpdate(ana.doc, second);
    const pendingOnly = Y.diffUpdate(second, Y.encodeStateVectorFromUpdate(first));
    expect(send(ana, pendingOnly)).toMatchObject({ ok: true, strokes: 0 });
    // A forged copy of it (same ids, another colour) loses to the copy held first.
    const mallory = new Y.Doc();
    Y.applyUpdate(mallory, first);
    mallory.clientID = ben.doc.clientID; // after: Yjs changes an id it sees in use
    const forged = change({ doc: mallory }, () => {
      const writer = new StrokeWriter(
        mallory,
        { id: 'b2', author: BEN, tool: 'brush', color: '#ff0000', width: 6 },
        ORIGIN,
      );
      writer.add({ x: 1, y: 1, pressure: 0.5, t: 0 });
      writer.flush();
      writer.add({ x: 2, y: 2, pressure: 0.5, t: 16 });
      writer.flush();
    });
    const forgedPending = Y.diffUpdate(forged, Y.encodeStateVectorFromUpdate(first));
    expect(send(ana, forgedPending)).toMatchObject({ ok: true, strokes: 0 });
    // Ben is back: his first stroke arrives, and the second is his, as he drew it.
    expect(send(ben, first)).toMatchObject({ ok: true });
    expect(server.store.pendingStructs).toBeNull();
    const colours = getStrokes(server).map((m) => m.get(STROKE_FIELDS.color));
    expect(colours).toEqual(['#123456', '#123456']);
    expect(Y.encodeStateAsUpdate(server)).toEqual(Y.encodeStateAsUpdate(ben.doc));
  });

  it('[V7] still refuses a foreign stroke or points beside collected content', () => {
    const { client, change, send, pull } = setup();
    const ana = client(ANA);
    const ben = client(BEN);
    draw(ana.doc, ANA, 'a1', 2).finish();
    expect(send(ana, Y.encodeStateAsUpdate(ana.doc))).toMatchObject({ ok: true });
    pull(ben);
    expect(
      send(
        ben,
        change(ben, () => clearBoard(ben.doc, ORIGIN)),
        { mayDeleteOthers: true },
      ),
    ).toMatchObject({ ok: true });
    pull(ana);
    // A new stroke placed right after the cleared one is live content: V3 still applies.
    const forged = change(ana, () => draw(ana.doc, BEN, 'forged', 2).finish());
    expect(send(ana, forged)).toMatchObject({ ok: false, reason: /author/ });
  });

  it('[V2] refuses content outside the strokes list', () => {
    const { client, change, send } = setup();
    const ana = client(ANA);
    expect(
      send(
        ana,
        change(ana, () => ana.doc.getMap('state').set('phase', 'drawing')),
      ),
    ).toMatchObject({
      ok: false,
      reason: 'a canvas holds only the strokes list',
    });
    const map = new Y.Map<unknown>();
    const nested = change(ana, () => {
      getStrokes(ana.doc).push([map]);
      map.set('author', ANA);
      map.set('evil', 1);
    });
    expect(send(ana, nested)).toMatchObject({ ok: false, reason: 'a stroke has no field "evil"' });
  });

  it('refuses bytes that are not an update, and chunks that are not stroke data', () => {
    const { client, change, send } = setup();
    const ana = client(ANA);
    expect(send(ana, Uint8Array.of(1, 2, 3, 250, 250, 250))).toMatchObject({ ok: false });
    const writer = draw(ana.doc, ANA, 's1', 1);
    writer.finish();
    const chunks = getStrokes(ana.doc).get(0).get(STROKE_FIELDS.chunks) as Y.Array<Uint8Array>;
    expect(
      send(
        ana,
        change(ana, () => chunks.push([Uint8Array.of(0x80, 0x80)])),
      ),
    ).toMatchObject({ ok: false });
  });

  it('refuses an update with more points than allowed', () => {
    const { client, change, send } = setup();
    const ana = client(ANA);
    const update = change(ana, () => draw(ana.doc, ANA, 'long', 30).finish());
    expect(send(ana, update, { maxPoints: 20 })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/more than 20/),
    });
  });

  it('[V6] accepts undo and redo of an own stroke', () => {
    const { client, change, send } = setup();
    const ana = client(ANA);
    const undo = new Y.UndoManager(getStrokes(ana.doc), { trackedOrigins: new Set([ORIGIN]) });
    expect(
      send(
        ana,
        change(ana, () => draw(ana.doc, ANA, 'a1').finish()),
      ),
    ).toMatchObject({ ok: true });
    expect(
      send(
        ana,
        change(ana, () => undo.undo()),
      ),
    ).toMatchObject({ ok: true });
    expect(
      send(
        ana,
        change(ana, () => undo.redo()),
      ),
    ).toMatchObject({ ok: true });
  });

  it("accepts a reconnecting client's full sync that carries strokes the server lost", () => {
    const { server, client, send } = setup();
    const ana = client(ANA);
    const ben = client(BEN);
    draw(ana.doc, ANA, 'a1').finish();
    Y.applyUpdate(ben.doc, Y.encodeStateAsUpdate(ana.doc));
    draw(ben.doc, BEN, 'b1').finish();
    getStrokes(ben.doc).delete(1, 1);
    const sync = Y.encodeStateAsUpdate(ana.doc, Y.encodeStateVector(server));
    expect(send(ana, sync)).toMatchObject({ ok: true });
  });
});
