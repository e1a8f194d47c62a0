import * as Y from 'yjs';
import { chunkPointCount, getStrokes } from '@scrawl/drawing-engine';
import { now } from '../clock.js';
import type { WatcherTally } from './LoadRoom.js';
import type { Meter } from './Meter.js';
import type { SendTable } from './SendTable.js';

/**
 * A watcher's count of the points its strokes have received, feeding each arrival's latency
 * into the meter's histogram. `track` reads a Scrawl canvas document (strokes written by
 * StrokeWriter: Scrawl and Hocuspocus alone); other shapes report through `holds`.
 */
export class StrokeTally implements WatcherTally {
  /** Points received over all strokes. */
  points = 0;
  readonly done = new Set<string>();
  private readonly seen = new Map<string, number>();

  /** Watches the canvas: every arriving point's latency goes into the meter's histogram. */
  track(canvas: Y.Doc, table: SendTable, meter: Meter): void {
    const strokes = getStrokes(canvas);
    // Counting every chunk of a stroke on each change was the load generator's largest cost,
    // and so was any walk of a stroke's chunks (Yjs' event.changes, slice, get): only the
    // structs a transaction integrated are looked at. An appended chunk adds its points; a
    // stroke is counted whole when it arrives, or when it is finished (its chunks folded into
    // one blob, which may come with the last chunks in one update from another instance).
    canvas.on('afterTransaction', (transaction: Y.Transaction) => {
      const at = now();
      const whole = new Set<Y.Map<unknown>>();
      const grown = new Map<Y.Map<unknown>, number>();
      for (const [client, after] of transaction.afterState) {
        const before = transaction.beforeState.get(client) ?? 0;
        const structs = after > before ? canvas.store.clients.get(client) : undefined;
        if (!structs) continue;
        for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
          const item = structs[i];
          if (!(item instanceof Y.Item) || item.deleted) continue;
          const parent = item.parent;
          if (parent === strokes && item.content instanceof Y.ContentType) {
            if (item.content.type instanceof Y.Map) whole.add(item.content.type);
          } else if (parent instanceof Y.Map && item.parentSub === 'done') {
            whole.add(parent as Y.Map<unknown>);
          } else if (
            parent instanceof Y.Array &&
            parent.parent instanceof Y.Map &&
            item.content instanceof Y.ContentBinary
          ) {
            const stroke = parent.parent as Y.Map<unknown>;
            const points = chunkPointCount(item.content.content) ?? 0;
            grown.set(stroke, (grown.get(stroke) ?? 0) + points);
          }
        }
      }
      for (const stroke of whole) this.check(stroke, null, at, table, meter);
      for (const [stroke, points] of grown) {
        if (!whole.has(stroke)) this.check(stroke, points, at, table, meter);
      }
    });
  }

  /**
   * Notes the points a stroke holds now: `added` points more than seen before, or, when
   * `added` is null, all of its chunks counted afresh (a new stroke, or a finished one, whose
   * chunks are folded into one blob).
   */
  private check(
    stroke: Y.Map<unknown>,
    added: number | null,
    at: number,
    table: SendTable,
    meter: Meter,
  ): void {
    const id = stroke.get('id');
    const chunks = stroke.get('chunks');
    if (typeof id !== 'string' || !(chunks instanceof Y.Array)) return;
    let total = (this.seen.get(id) ?? 0) + (added ?? 0);
    if (added === null) {
      total = 0;
      for (const chunk of chunks) {
        if (chunk instanceof Uint8Array) total += chunkPointCount(chunk) ?? 0;
      }
    }
    this.holds(id, total, stroke.get('done') === true, at, table, meter);
  }

  /**
   * Notes that stroke `id` holds `total` points as of `at` (and whether it is finished): the
   * points beyond those seen before arrived now.
   */
  holds(
    id: string,
    total: number,
    done: boolean,
    at: number,
    table: SendTable,
    meter: Meter,
  ): void {
    const seen = this.seen.get(id) ?? 0;
    if (total > seen) {
      table.received(id, seen, total, at, meter.latency);
      meter.arrived(total - seen);
      this.points += total - seen;
      this.seen.set(id, total);
    }
    if (done) this.done.add(id);
  }
}
