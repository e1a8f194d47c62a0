import * as Y from 'yjs';
import {
  MAX_STROKE_WIDTH,
  STROKE_FIELDS,
  STROKE_TOOLS,
  decodeStroke,
  type StrokeMap,
} from '@scrawl/drawing-engine';

/** Longest id or author a stroke may carry (the server's bound). */
const MAX_TEXT = 64;
const COLOR = /^#[0-9a-f]{6}$/i;
const FIELDS = new Set<string>(Object.values(STROKE_FIELDS));

/**
 * Checks one stroke map against the canvas schema (SPEC S1, the values V4 allows, and C4
 * for its points): returns what is wrong, or null when it is sound. A stroke being drawn may
 * lack `done`; its chunks so far must decode (C2: a prefix of a stroke is a stroke).
 */
export function checkStroke(stroke: StrokeMap): string | null {
  for (const key of stroke.keys()) {
    if (!FIELDS.has(key)) return `has a field "${key}" the schema does not allow`;
  }
  const id = stroke.get(STROKE_FIELDS.id);
  const author = stroke.get(STROKE_FIELDS.author);
  const tool = stroke.get(STROKE_FIELDS.tool);
  const color = stroke.get(STROKE_FIELDS.color);
  const width = stroke.get(STROKE_FIELDS.width);
  const chunks = stroke.get(STROKE_FIELDS.chunks);
  const done = stroke.get(STROKE_FIELDS.done);
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_TEXT) return 'has no valid id';
  if (typeof author !== 'string' || author.length === 0 || author.length > MAX_TEXT)
    return 'has no valid author';
  if (!STROKE_TOOLS.some((known) => known === tool))
    return `has an unknown tool ${JSON.stringify(tool)}`;
  if (typeof color !== 'string' || !COLOR.test(color))
    return `has colour ${JSON.stringify(color)}, not #rrggbb`;
  if (
    typeof width !== 'number' ||
    !Number.isFinite(width) ||
    width <= 0 ||
    width > MAX_STROKE_WIDTH
  ) {
    return `has width ${JSON.stringify(width)}, not 0–${MAX_STROKE_WIDTH}`;
  }
  if (done !== undefined && done !== true)
    return `has done ${JSON.stringify(done)} (only true is written)`;
  if (!(chunks instanceof Y.Array)) return 'has no chunks list';
  const parts: Uint8Array[] = [];
  for (const chunk of chunks.toArray() as unknown[]) {
    if (!(chunk instanceof Uint8Array)) return 'holds a chunk that is not bytes';
    parts.push(chunk);
  }
  try {
    decodeStroke(parts);
  } catch (error) {
    return `has point data that does not decode: ${error instanceof Error ? error.message : String(error)}`;
  }
  return null;
}
