import * as Y from 'yjs';
import { getStrokes, readStroke, readStrokes } from '@scrawl/drawing-engine';
import type { StrokeRecord } from './DrawingClient.js';

/** How a document's strokes compare with the strokes drawn. */
export interface StrokeAudit {
  expected: number;
  /** Strokes drawn that the document lacks. */
  lost: number;
  /** Extra copies of a stroke (an id seen more than once). */
  duplicates: number;
  /** Strokes present with other points or fields than drawn. */
  altered: number;
  /** Strokes nobody drew (or that do not decode). */
  foreign: number;
  /** A few lost ids, for the failure message. */
  lostIds: string[];
}

/** Compares a document's strokes with the strokes drawn, by id and content. */
export function auditStrokes(doc: Y.Doc, expected: ReadonlyMap<string, StrokeRecord>): StrokeAudit {
  const seen = new Map<string, number>();
  let altered = 0;
  let foreign = getStrokes(doc).length - readStrokes(doc).length;
  for (const map of getStrokes(doc)) {
    const view = readStroke(map);
    if (!view) continue;
    seen.set(view.id, (seen.get(view.id) ?? 0) + 1);
    const record = expected.get(view.id);
    if (record === undefined) foreign++;
    else if (record !== JSON.stringify(view)) altered++;
  }
  const lostIds = [...expected.keys()].filter((id) => !seen.has(id));
  let duplicates = 0;
  for (const count of seen.values()) duplicates += count - 1;
  return {
    expected: expected.size,
    lost: lostIds.length,
    duplicates,
    altered,
    foreign,
    lostIds: lostIds.slice(0, 5),
  };
}

/** Adds up audits. */
export function sumAudits(audits: readonly StrokeAudit[]): StrokeAudit {
  return audits.reduce(
    (sum, a) => ({
      expected: sum.expected + a.expected,
      lost: sum.lost + a.lost,
      duplicates: sum.duplicates + a.duplicates,
      altered: sum.altered + a.altered,
      foreign: sum.foreign + a.foreign,
      lostIds: [...sum.lostIds, ...a.lostIds].slice(0, 5),
    }),
    { expected: 0, lost: 0, duplicates: 0, altered: 0, foreign: 0, lostIds: [] },
  );
}

/** Whether an audit found nothing wrong. */
export function clean(audit: StrokeAudit): boolean {
  return audit.lost + audit.duplicates + audit.altered + audit.foreign === 0;
}

/** A document holding one stored update (or nothing). */
export function docOf(update: Uint8Array | null): Y.Doc {
  const doc = new Y.Doc();
  if (update) Y.applyUpdate(doc, update);
  return doc;
}

/**
 * Whether `big` holds everything `small` holds: merging `small` into a copy of `big` changes
 * neither its state vector nor its deletions.
 */
export function contains(big: Y.Doc, small: Y.Doc): boolean {
  const merged = docOf(Y.encodeStateAsUpdate(big));
  Y.applyUpdate(merged, Y.encodeStateAsUpdate(small));
  return Y.equalSnapshots(Y.snapshot(merged), Y.snapshot(docOf(Y.encodeStateAsUpdate(big))));
}
