import * as Y from 'yjs';
import { STROKE_FIELDS, getStrokes, readStrokes } from '@scrawl/drawing-engine';
import { printJson, type Command } from '../command.js';
import { formatBytes, formatCount, plural } from '../output/format.js';
import { formatFields } from '../output/table.js';
import { Timeline } from '../model/Timeline.js';
import { subjectEntries } from '../subject/entries.js';
import { loadReplay, loadSubject, type Subject } from '../subject/loadSubject.js';
import { REF_FORMS, resolveRef } from '../subject/resolveRef.js';
import type { Target } from '../target/Target.js';

/** What `scrawl stats` reports. */
export interface DocStats {
  subject: string;
  kind: 'game' | 'canvas';
  /** Stored updates (log entries, or a replay's updates up to the moment). */
  updates: number;
  stateBytes: number;
  logBytes: number;
  /** The document encoded as one update now (what a client downloads on join). */
  documentBytes: number;
  strokes: number;
  finishedStrokes: number;
  points: number;
  /** Document bytes per point: the number ARCHITECTURE.md's ~4.9 refers to. */
  bytesPerPoint: number | null;
  /** Bytes of encoded point data per point (the codec alone). */
  pointDataBytesPerPoint: number | null;
  /** Items the document marks deleted (Yjs delete set, in clock units). */
  deletedItems: number;
  /** Strokes drawn in the stored history and gone now (undo, erase, clear). */
  deletedStrokes: number;
  chatLines: number;
  /** Yjs clients that wrote the document, and distinct stroke authors. */
  clients: number;
  authors: number;
  /** The turn's replay, when there is one: keyframes and stored (gzip) bytes. */
  keyframes: number | null;
  replayBytes: number | null;
}

export const statsCommand: Command = {
  name: 'stats',
  summary: 'updates, bytes, strokes, points, bytes per point, deleted items, clients, keyframes',
  usage: 'scrawl stats DOC|ROUND [--json]',
  details:
    `DOC|ROUND is ${REF_FORMS}.\n` +
    'Sizes of what is stored and of the document itself, strokes and points, bytes per point,\n' +
    'deleted items and strokes, Yjs clients and stroke authors, and the keyframes of the\n' +
    "turn's replay when one was archived.",
  options: {},
  positionals: { min: 1, max: 1 },
  async run(context) {
    const target = await context.target();
    const subject = await loadSubject(target, await resolveRef(target, context.args[0] ?? ''));
    const stats = await computeStats(target, subject);
    if (context.json) {
      printJson(context.io, stats);
      return 0;
    }
    const perPoint = (value: number | null) => (value === null ? '—' : value.toFixed(2));
    context.io.out(
      formatFields([
        ['document', stats.subject],
        ['updates', formatCount(stats.updates)],
        [
          'stored',
          `${formatBytes(stats.stateBytes + stats.logBytes)} (state ${formatBytes(stats.stateBytes)}, log ${formatBytes(stats.logBytes)})`,
        ],
        ['document size', formatBytes(stats.documentBytes)],
        ...(stats.kind === 'canvas'
          ? ([
              [
                'strokes',
                `${formatCount(stats.strokes)} (${formatCount(stats.finishedStrokes)} finished)`,
              ],
              ['points', formatCount(stats.points)],
              [
                'bytes/point',
                `${perPoint(stats.bytesPerPoint)} document, ${perPoint(stats.pointDataBytesPerPoint)} point data`,
              ],
            ] as const)
          : ([['chat lines', formatCount(stats.chatLines)]] as const)),
        [
          'deleted',
          `${plural(stats.deletedItems, 'item')}${stats.kind === 'canvas' ? `, ${plural(stats.deletedStrokes, 'stroke')}` : ''}`,
        ],
        ['clients', `${plural(stats.clients, 'Yjs client')}, ${plural(stats.authors, 'author')}`],
        [
          'keyframes',
          stats.keyframes === null
            ? 'no replay'
            : `${formatCount(stats.keyframes)} (replay ${formatBytes(stats.replayBytes ?? 0)} gzip)`,
        ],
      ]),
    );
    return 0;
  },
};

async function computeStats(target: Target, subject: Subject): Promise<DocStats> {
  const entries = subjectEntries(subject);
  const timeline = new Timeline(subject.kind);
  const drawn = new Set<string>();
  for (const entry of entries) {
    let events;
    try {
      events = timeline.apply(entry.update);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(
        `${subject.name}: ${entry.where} is not a readable update (${reason}); run scrawl verify.`,
      );
    }
    for (const event of events)
      if (event.kind === 'started' || event.kind === 'drawn') drawn.add(event.id);
  }
  const doc = timeline.doc;
  const strokes = subject.kind === 'canvas' ? readStrokes(doc) : [];
  const points = strokes.reduce((sum, stroke) => sum + stroke.points.length, 0);
  let pointData = 0;
  for (const map of getStrokes(doc)) {
    const chunks: unknown = map instanceof Y.Map ? map.get(STROKE_FIELDS.chunks) : null;
    if (chunks instanceof Y.Array) {
      for (const chunk of chunks.toArray() as unknown[])
        if (chunk instanceof Uint8Array) pointData += chunk.length;
    }
  }
  const encoded = Y.encodeStateAsUpdate(doc);
  let deletedItems = 0;
  for (const ranges of Y.decodeUpdate(encoded).ds.clients.values()) {
    for (const range of ranges) deletedItems += range.len;
  }
  const live = new Set(strokes.map((stroke) => stroke.id));
  const replay =
    subject.replay ??
    (subject.kind === 'canvas' && subject.round !== null
      ? await loadReplay(target, subject.roomId, subject.round)
      : null);
  const snapshot = timeline.current;
  const stats: DocStats = {
    subject: subject.label,
    kind: subject.kind,
    updates: entries.filter((entry) => !entry.folded).length,
    stateBytes: entries.filter((e) => e.folded).reduce((sum, e) => sum + e.update.length, 0),
    logBytes: entries.filter((e) => !e.folded).reduce((sum, e) => sum + e.update.length, 0),
    documentBytes: encoded.length,
    strokes: strokes.length,
    finishedStrokes: strokes.filter((stroke) => stroke.done).length,
    points,
    bytesPerPoint: points > 0 ? round2(encoded.length / points) : null,
    pointDataBytesPerPoint: points > 0 ? round2(pointData / points) : null,
    deletedItems,
    deletedStrokes: [...drawn].filter((id) => !live.has(id)).length,
    chatLines: snapshot.kind === 'game' ? snapshot.chat.length : 0,
    clients: doc.store.clients.size,
    authors: new Set(strokes.map((stroke) => stroke.author)).size,
    keyframes: replay ? replay.data.keyframes.length : null,
    replayBytes: replay ? replay.bytes : null,
  };
  doc.destroy();
  return stats;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
