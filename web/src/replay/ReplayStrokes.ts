import * as Y from 'yjs';
import {
  STROKE_FIELDS,
  getStrokeSpine,
  getStrokes,
  readStroke,
  type StrokeMap,
} from '@scrawl/drawing-engine';
import type { RenderedStroke } from '../board/StrokeCache';

/** What identifies a stroke's content: its id, whether it is done, and its bytes so far. */
function contentKey(map: StrokeMap): string | null {
  const id = map.get(STROKE_FIELDS.id);
  const chunks = map.get(STROKE_FIELDS.chunks);
  if (typeof id !== 'string' || !(chunks instanceof Y.Array)) return null;
  let bytes = 0;
  for (const chunk of chunks) if (chunk instanceof Uint8Array) bytes += chunk.length;
  const done = map.get(STROKE_FIELDS.done) === true;
  return `${id}|${done ? 'done' : 'live'}|${String(bytes)}`;
}

/**
 * The strokes of replay documents as the board renders them. Every seek yields a new
 * document, but a stroke's content is the same across them: entries are cached by content,
 * so a finished stroke is decoded once for the whole replay and keeps its identity from frame
 * to frame (the board then paints only what was added). Strokes still being drawn are kept
 * for the next read only.
 */
export class ReplayStrokes {
  private finished = new Map<string, RenderedStroke>();
  private live = new Map<string, RenderedStroke>();

  /** The well-formed strokes of `doc`, in drawing order. */
  read(doc: Y.Doc): RenderedStroke[] {
    const strokes: RenderedStroke[] = [];
    const live = new Map<string, RenderedStroke>();
    for (const map of getStrokes(doc)) {
      if (!(map instanceof Y.Map)) continue;
      const key = contentKey(map);
      if (key === null) continue;
      const entry = this.finished.get(key) ?? this.live.get(key) ?? render(map);
      if (!entry) continue;
      if (entry.done) this.finished.set(key, entry);
      else live.set(key, entry);
      strokes.push(entry);
    }
    this.live = live;
    return strokes;
  }

  /** Forgets every decoded stroke (the next read decodes them again). */
  clear(): void {
    this.finished = new Map();
    this.live = new Map();
  }
}

function render(map: StrokeMap): RenderedStroke | null {
  const view = readStroke(map);
  if (!view) return null;
  return {
    key: view.id,
    map,
    author: view.author,
    color: view.color,
    spine: getStrokeSpine(view.points, view.width),
    done: view.done,
  };
}
