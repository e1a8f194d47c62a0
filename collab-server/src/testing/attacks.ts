import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { STROKE_FIELDS, StrokeWriter, getStrokes } from '@scrawl/drawing-engine';
import type { PresencePlayer } from '@scrawl/protocol';

/**
 * Crafted content no honest client sends, shared by the malicious-frame test and the chaos
 * suite. Each builder takes a copy of the target document (what the attacker synced) and
 * returns the Yjs update or frame body to send with a RawClient.
 */

/** Hocuspocus message types an attacker sends by hand. */
export const AttackFrame = { awareness: 1, stateless: 5, broadcastStateless: 6 } as const;

/** The update a change to a copy of a document produces. */
export function craftUpdate(doc: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const record = (u: Uint8Array) => updates.push(u);
  doc.on('update', record);
  change(doc);
  doc.off('update', record);
  return Y.mergeUpdates(updates);
}

/** A new stroke whose author is someone else (SPEC V3). */
export function forgedStroke(doc: Y.Doc, victimId: string, id = 'forged'): Uint8Array {
  return craftUpdate(doc, (d) => {
    const w = new StrokeWriter(
      d,
      { id, author: victimId, tool: 'brush', color: '#000000', width: 3 },
      'x',
    );
    w.add({ x: 1, y: 1, pressure: 0.5, t: 0 });
    w.finish();
  });
}

/** Deletes the board's first stroke (someone else's, on a board where that is not allowed). */
export function deleteFirstStroke(doc: Y.Doc): Uint8Array {
  return craftUpdate(doc, (d) => getStrokes(d).delete(0, 1));
}

/** Appends points to the board's first stroke (someone else's). */
export function appendToFirstStroke(doc: Y.Doc): Uint8Array {
  return craftUpdate(doc, (d) => {
    (getStrokes(d).get(0).get(STROKE_FIELDS.chunks) as Y.Array<Uint8Array>).push([
      Uint8Array.of(2, 2, 0, 16),
    ]);
  });
}

/** Content written outside the strokes list. */
export function graffiti(doc: Y.Doc): Uint8Array {
  return craftUpdate(doc, (d) => d.getText('graffiti').insert(0, 'hello'));
}

/** A stroke of the sender's own with `points` points in one update. */
export function hugeStroke(doc: Y.Doc, author: string, points: number, id = 'huge'): Uint8Array {
  return craftUpdate(doc, (d) => {
    const w = new StrokeWriter(d, { id, author, tool: 'brush', color: '#000000', width: 3 }, 'x');
    for (let i = 0; i < points; i++) w.add({ x: i % 1600, y: (i * 7) % 1000, pressure: 0.5, t: i });
    w.flush();
  });
}

/** The body of an awareness frame announcing `player`, whoever sends it. */
export function presenceBody(player: PresencePlayer, extra: Record<string, unknown> = {}) {
  const { clientId, bodies } = presenceTrail(player, [extra]);
  return { clientId, body: bodies[0]! };
}

/**
 * Bodies of awareness frames of one client announcing `player` with each of `states` in
 * turn (a cursor moving, say): what a browser sends over a while, or all at once after a
 * network blip.
 */
export function presenceTrail(
  player: PresencePlayer,
  states: readonly Record<string, unknown>[],
): { clientId: number; bodies: Uint8Array[] } {
  const awareness = new Awareness(new Y.Doc());
  const bodies = states.map((extra) => {
    awareness.setLocalState({ player, ...extra });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, [awareness.clientID]));
    return encoding.toUint8Array(encoder);
  });
  awareness.destroy(); // stops its renewal timer
  return { clientId: awareness.clientID, bodies };
}

/** The body of a server-internal BroadcastStateless frame carrying `payload`. */
export function broadcastStatelessBody(payload: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, payload);
  return encoding.toUint8Array(encoder);
}
