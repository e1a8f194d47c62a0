import * as Y from 'yjs';
import {
  getStrokeSpine,
  getStrokes,
  readStroke,
  type Spine,
  type StrokeMap,
} from '@scrawl/drawing-engine';
import { Store } from '../lib/Store';

/** A stroke ready for konva: the engine's spine (board units) and how to fill it. */
export interface RenderedStroke {
  /** Stable per stroke map for the life of the page; a React key. */
  readonly key: string;
  /** The stroke's map in the document: what the eraser removes. */
  readonly map: StrokeMap;
  /** Player id of the drawer. */
  readonly author: string;
  readonly color: string;
  /** Discs along the smoothed stroke; their union, filled, is the stroke (see traceStroke). */
  readonly spine: Spine;
  readonly done: boolean;
}

/**
 * The strokes of a canvas document as konva wants them, kept up to date by watching the
 * document. Only strokes whose map changed are decoded and given a new spine; every other
 * entry keeps its identity, so memoised shapes skip re-rendering and a finished stroke is
 * decoded once.
 */
export class StrokeCache {
  readonly store = new Store<readonly RenderedStroke[]>([]);
  private readonly strokes: Y.Array<StrokeMap>;
  private readonly rendered = new WeakMap<StrokeMap, RenderedStroke | null>();
  private readonly keys = new WeakMap<StrokeMap, string>();
  private readonly dirty = new Set<StrokeMap>();
  private nextKey = 0;

  constructor(doc: Y.Doc) {
    this.strokes = getStrokes(doc);
    this.strokes.observeDeep(this.onChange);
    this.rebuild();
  }

  /** Number of well-formed strokes on the board. */
  get count(): number {
    return this.store.get().length;
  }

  /** Stops watching the document. */
  dispose(): void {
    this.strokes.unobserveDeep(this.onChange);
  }

  private readonly onChange = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>): void => {
    for (const event of events) {
      // Walk up from the changed type (a stroke map or its chunk list) to the stroke map.
      let type: Y.AbstractType<unknown> | null = event.target;
      while (type && type.parent !== this.strokes) type = type.parent;
      if (type instanceof Y.Map) this.dirty.add(type);
    }
    this.rebuild();
  };

  private rebuild(): void {
    const next: RenderedStroke[] = [];
    for (const map of this.strokes) {
      // The server admits only stroke maps; anything else is skipped, not trusted.
      if (!(map instanceof Y.Map)) continue;
      let entry = this.rendered.get(map);
      if (entry === undefined || this.dirty.has(map)) {
        const view = readStroke(map);
        entry = view
          ? {
              key: this.keyOf(map),
              map,
              author: view.author,
              color: view.color,
              spine: getStrokeSpine(view.points, view.width),
              done: view.done,
            }
          : null;
        this.rendered.set(map, entry);
      }
      if (entry) next.push(entry);
    }
    this.dirty.clear();
    this.store.set(next);
  }

  private keyOf(map: StrokeMap): string {
    let key = this.keys.get(map);
    if (key === undefined) {
      key = `s${String(this.nextKey++)}`;
      this.keys.set(map, key);
    }
    return key;
  }
}
