import * as Y from 'yjs';
import { STROKE_FIELDS, getStrokes, readStroke, type StrokeMap } from '@scrawl/drawing-engine';
import { CHAT_KEY, GAME_STATE_KEY, chatLineSchema, type ChatLine } from '@scrawl/protocol';

/** A stroke as the CLI reports it: everything but the points themselves. */
export interface StrokeInfo {
  readonly id: string;
  readonly author: string;
  readonly tool: string;
  readonly color: string;
  readonly width: number;
  readonly points: number;
  readonly done: boolean;
}

/** The strokes of a canvas at one moment, by id, in drawing order. */
export interface CanvasSnapshot {
  readonly kind: 'canvas';
  readonly strokes: ReadonlyMap<string, StrokeInfo>;
  /** Entries of the stroke list that do not follow the schema (S4: readers skip them). */
  readonly unreadable: number;
}

/** The game document at one moment. */
export interface GameSnapshot {
  readonly kind: 'game';
  readonly state: Readonly<Record<string, unknown>>;
  readonly chat: readonly ChatLine[];
  /** Chat entries that do not follow the schema. */
  readonly unreadable: number;
}

export type Snapshot = CanvasSnapshot | GameSnapshot;

/**
 * Takes snapshots of one document as it changes. A stroke is decoded again only when its
 * chunks or `done` changed, so following a long history stays linear.
 */
export class Snapshotter {
  private readonly cache = new WeakMap<StrokeMap, { signature: string; info: StrokeInfo | null }>();

  constructor(readonly kind: 'canvas' | 'game') {}

  take(doc: Y.Doc): Snapshot {
    return this.kind === 'canvas' ? this.canvas(doc) : gameSnapshot(doc);
  }

  private canvas(doc: Y.Doc): CanvasSnapshot {
    const strokes = new Map<string, StrokeInfo>();
    let unreadable = 0;
    for (const entry of getStrokes(doc).toArray() as unknown[]) {
      if (!(entry instanceof Y.Map)) {
        unreadable++;
        continue;
      }
      const info = this.stroke(entry);
      if (info) strokes.set(info.id, info);
      else unreadable++;
    }
    return { kind: 'canvas', strokes, unreadable };
  }

  private stroke(map: StrokeMap): StrokeInfo | null {
    const chunks = map.get(STROKE_FIELDS.chunks);
    const lengths =
      chunks instanceof Y.Array
        ? chunks.toArray().map((c: unknown) => (c instanceof Uint8Array ? c.length : -1))
        : [];
    const signature = `${map.size}|${String(map.get(STROKE_FIELDS.done))}|${lengths.join(',')}`;
    const cached = this.cache.get(map);
    if (cached?.signature === signature) return cached.info;
    const view = readStroke(map);
    const info = view
      ? {
          id: view.id,
          author: view.author,
          tool: view.tool,
          color: view.color,
          width: view.width,
          points: view.points.length,
          done: view.done,
        }
      : null;
    this.cache.set(map, { signature, info });
    return info;
  }
}

/** The game state and chat of a game document. */
export function gameSnapshot(doc: Y.Doc): GameSnapshot {
  const chat: ChatLine[] = [];
  let unreadable = 0;
  for (const line of doc.getArray<unknown>(CHAT_KEY).toArray()) {
    const parsed = chatLineSchema.safeParse(line);
    if (parsed.success) chat.push(parsed.data);
    else unreadable++;
  }
  return { kind: 'game', state: doc.getMap<unknown>(GAME_STATE_KEY).toJSON(), chat, unreadable };
}
