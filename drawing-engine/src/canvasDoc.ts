import * as Y from 'yjs';
import { concatChunks } from './strokeCodec.js';
import { decodeStroke } from './decodeStroke.js';
import type { QuantizedPoint } from './point.js';

/**
 * How strokes sit in a canvas Y.Doc (SPEC.md, S1–S5).
 *
 * `doc.getArray('strokes')` holds one Y.Map per stroke, in drawing order. Each map has the
 * fields of {@link StrokeMeta} plus `chunks` (a Y.Array of codec chunks, one appended per
 * animation frame while drawing) and `done`, written once, `true`, at pointer-up, when the
 * chunks are folded into one blob. A stroke without `done` is still being drawn: leaving out
 * an initial `false` saves a map entry per stroke (about 11 bytes in the document).
 */
export const STROKES_KEY = 'strokes';

/** Tools that leave a stroke on the board. */
export const STROKE_TOOLS = ['brush'] as const;
/** A tool that leaves a stroke. */
export type StrokeTool = (typeof STROKE_TOOLS)[number];

/** What a stroke is, fixed when it begins. */
export interface StrokeMeta {
  /** Unique within the document; chosen by the drawing client. */
  readonly id: string;
  /** Player id of the drawer; the server checks it equals the sender. */
  readonly author: string;
  readonly tool: StrokeTool;
  /** `#rrggbb`. */
  readonly color: string;
  /** Nominal line width in board units, before pressure. */
  readonly width: number;
}

/** A decoded stroke, as renderers and tools see it. */
export interface StrokeView extends StrokeMeta {
  readonly points: QuantizedPoint[];
  readonly done: boolean;
}

/** Field names inside a stroke map. */
export const STROKE_FIELDS = {
  id: 'id',
  author: 'author',
  tool: 'tool',
  color: 'color',
  width: 'width',
  chunks: 'chunks',
  done: 'done',
} as const;

/** A stroke's map in the document; read it with {@link readStroke}, never trust it raw. */
export type StrokeMap = Y.Map<unknown>;

/** The ordered stroke list of a canvas document. */
export function getStrokes(doc: Y.Doc): Y.Array<StrokeMap> {
  return doc.getArray<StrokeMap>(STROKES_KEY);
}

/** Adds a new, unfinished stroke at the end of the board and returns its map. */
export function beginStroke(
  doc: Y.Doc,
  meta: StrokeMeta,
  firstChunk: Uint8Array,
  origin: unknown,
): StrokeMap {
  const stroke: StrokeMap = new Y.Map();
  const chunks = new Y.Array<Uint8Array>();
  doc.transact(() => {
    stroke.set(STROKE_FIELDS.id, meta.id);
    stroke.set(STROKE_FIELDS.author, meta.author);
    stroke.set(STROKE_FIELDS.tool, meta.tool);
    stroke.set(STROKE_FIELDS.color, meta.color);
    stroke.set(STROKE_FIELDS.width, meta.width);
    chunks.push([firstChunk]);
    stroke.set(STROKE_FIELDS.chunks, chunks);
    getStrokes(doc).push([stroke]);
  }, origin);
  return stroke;
}

/** Appends the next chunk of a stroke being drawn. */
export function appendChunk(stroke: StrokeMap, chunk: Uint8Array, origin: unknown): void {
  const chunks = stroke.get(STROKE_FIELDS.chunks);
  if (!(chunks instanceof Y.Array) || chunk.length === 0) return;
  transact(stroke, () => chunks.push([chunk]), origin);
}

/** Marks a stroke finished and folds its chunks into one blob, which stores smaller. */
export function finishStroke(stroke: StrokeMap, origin: unknown): void {
  const chunks = stroke.get(STROKE_FIELDS.chunks);
  if (!(chunks instanceof Y.Array)) return;
  transact(
    stroke,
    () => {
      if (chunks.length > 1) {
        const blob = concatChunks(chunks.toArray() as Uint8Array[]);
        chunks.delete(0, chunks.length);
        chunks.push([blob]);
      }
      stroke.set(STROKE_FIELDS.done, true);
    },
    origin,
  );
}

/** Removes every stroke (a drawer's "clear board"). */
export function clearBoard(doc: Y.Doc, origin: unknown): void {
  const strokes = getStrokes(doc);
  if (strokes.length === 0) return;
  doc.transact(() => strokes.delete(0, strokes.length), origin);
}

/**
 * Reads a stroke map. Returns null for a map that does not follow the schema (the server
 * refuses such updates; a client simply skips them).
 */
export function readStroke(stroke: StrokeMap): StrokeView | null {
  const id = stroke.get(STROKE_FIELDS.id);
  const author = stroke.get(STROKE_FIELDS.author);
  const tool = stroke.get(STROKE_FIELDS.tool);
  const color = stroke.get(STROKE_FIELDS.color);
  const width = stroke.get(STROKE_FIELDS.width);
  const chunks = stroke.get(STROKE_FIELDS.chunks);
  if (
    typeof id !== 'string' ||
    typeof author !== 'string' ||
    tool !== 'brush' ||
    typeof color !== 'string' ||
    typeof width !== 'number' ||
    !(chunks instanceof Y.Array)
  ) {
    return null;
  }
  let points: QuantizedPoint[];
  try {
    points = decodeStroke(chunks.toArray().filter((c): c is Uint8Array => c instanceof Uint8Array));
  } catch {
    return null;
  }
  return { id, author, tool, color, width, points, done: stroke.get(STROKE_FIELDS.done) === true };
}

/** Reads every well-formed stroke of a canvas document, in drawing order. */
export function readStrokes(doc: Y.Doc): StrokeView[] {
  const views: StrokeView[] = [];
  for (const stroke of getStrokes(doc)) {
    const view = readStroke(stroke);
    if (view) views.push(view);
  }
  return views;
}

function transact(stroke: StrokeMap, fn: () => void, origin: unknown): void {
  const doc = stroke.doc;
  if (doc) doc.transact(fn, origin);
  else fn();
}
