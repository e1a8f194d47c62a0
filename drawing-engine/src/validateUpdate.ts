import * as Y from 'yjs';
import { STROKE_FIELDS, STROKES_KEY } from './canvasDoc.js';
import { chunkPointCount } from './chunkPointCount.js';

/**
 * Server-side checks of a canvas update, run before the update is applied or forwarded.
 * The update is decoded, not applied: every new item is placed (which stroke, which field)
 * by its parent or its neighbours, and every delete is traced to what it removes. Rule ids
 * refer to drawing-engine/SPEC.md.
 */

/** What the sender may do on this canvas, and the bounds that apply. */
export interface CanvasWriteRules {
  /** The sender's player id: new strokes must carry it as `author` (V3). */
  readonly author: string;
  /** Whether the sender may delete other players' strokes (a drawer clearing a round canvas). */
  readonly mayDeleteOthers: boolean;
  /** Most points one update may add. */
  readonly maxPoints: number;
  /** Largest chunk, in bytes. */
  readonly maxChunkBytes: number;
  /** Most live strokes a canvas may hold. */
  readonly maxStrokes: number;
}

export type CanvasUpdateVerdict =
  | { readonly ok: true; readonly points: number; readonly strokes: number }
  | {
      readonly ok: false;
      readonly reason: string;
      /**
       * The update builds on content the server does not hold yet (a message lost on the
       * way, or drawn while offline): not wrong, but it cannot be checked until the sender
       * sends what it builds on — ask for it rather than refusing the sender.
       */
      readonly missing?: true;
    };

/** Limits when none are configured. */
export const DEFAULT_WRITE_LIMITS = {
  maxPoints: 50_000,
  maxChunkBytes: 64 * 1024,
  maxStrokes: 5_000,
} as const;

const STRING_FIELD_MAX = 64;
const MAX_WIDTH = 200;
const COLOR = /^#[0-9a-f]{6}$/i;

type AnyItem = Y.Item;
/** Where an item sits in the canvas schema. */
type Place =
  | { kind: 'stroke' }
  | { kind: 'field'; stroke: AnyItem; key: string }
  | { kind: 'chunk'; stroke: AnyItem }
  /**
   * Inside content the server already deleted (a stroke cleared or undone while its author
   * was still drawing it): Yjs integrates such an item as garbage, so nobody ever sees it.
   */
  | { kind: 'collected' }
  | { kind: 'elsewhere'; why: string };

class Refusal extends Error {}
/** The update needs content the server does not hold to be checked. */
class Missing extends Refusal {}

/**
 * Checks that an update only adds strokes authored by the sender, adds points and fields to
 * the sender's own strokes, and deletes only what the sender may delete.
 */
export function validateCanvasUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  rules: CanvasWriteRules,
): CanvasUpdateVerdict {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return { ok: false, reason: 'the update is not a readable Yjs update' };
  }
  try {
    return check(doc, decoded, rules);
  } catch (error) {
    if (error instanceof Missing) return { ok: false, reason: error.message, missing: true };
    if (error instanceof Refusal) return { ok: false, reason: error.message };
    return { ok: false, reason: 'the update does not fit the canvas schema' };
  }
}

function check(
  doc: Y.Doc,
  { structs, ds }: ReturnType<typeof Y.decodeUpdate>,
  rules: CanvasWriteRules,
): CanvasUpdateVerdict {
  const local = new LocalStructs(structs);
  const places = new Map<AnyItem, Place>();
  const placeOf = (item: AnyItem): Place => {
    let place = places.get(item);
    if (!place) {
      place = locate(doc, local, item, placeOf);
      places.set(item, place);
    }
    return place;
  };

  let points = 0;
  let strokes = 0;
  const held = heldAlready(doc);
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue; // GC and Skip carry no content
    if (held(struct)) continue; // V8: Yjs ignores what the server holds already
    const place = placeOf(struct);
    if (place.kind === 'elsewhere') throw new Refusal(place.why);
    if (struct.content instanceof Y.ContentDeleted) continue; // added and removed already
    switch (place.kind) {
      case 'stroke':
        // V2: a stroke is a map, and V3: it names its sender as author.
        if (!(struct.content instanceof Y.ContentType) || !(struct.content.type instanceof Y.Map)) {
          throw new Refusal('a stroke must be a map');
        }
        if (authorOf(doc, local, struct) !== rules.author) {
          throw new Refusal('a new stroke must name its sender as author');
        }
        strokes++;
        break;
      case 'field':
        checkField(doc, local, place, struct, rules);
        break;
      case 'collected':
        break;
      case 'chunk':
        // V5: points go only into the sender's own strokes.
        if (authorOf(doc, local, place.stroke) !== rules.author) {
          throw new Refusal("points may be added only to the sender's own strokes");
        }
        points += checkChunk(struct, rules);
        break;
    }
  }
  if (points > rules.maxPoints) {
    throw new Refusal(`the update adds ${points} points, more than ${rules.maxPoints}`);
  }
  const live = doc.getArray(STROKES_KEY).length;
  if (strokes > 0 && live + strokes > rules.maxStrokes) {
    throw new Refusal(`the canvas may hold at most ${rules.maxStrokes} strokes`);
  }
  checkDeletes(doc, local, ds, rules, placeOf);
  return { ok: true, points, strokes };
}

/**
 * Whether the server holds an item already: integrated (below its state for the item's
 * client) or waiting for what it builds on (Yjs' pending structs, which passed this check
 * when their author sent them). A sync reply is computed against the state the server had
 * when it asked, so it may repeat other players' content that reached the server since;
 * Yjs skips such content (of pending content, the first copy stays), so it is not new.
 */
function heldAlready(doc: Y.Doc): (item: AnyItem) => boolean {
  let pending: Map<number, [number, number][]> | null = null;
  const pendingRanges = (): Map<number, [number, number][]> => {
    if (pending) return pending;
    pending = new Map();
    const update = doc.store.pendingStructs?.update;
    if (update) {
      for (const struct of Y.decodeUpdateV2(update).structs) {
        if (!(struct instanceof Y.Item)) continue;
        const ranges = pending.get(struct.id.client) ?? [];
        ranges.push([struct.id.clock, struct.id.clock + struct.length]);
        pending.set(struct.id.client, ranges);
      }
    }
    return pending;
  };
  return (item) => {
    const { client, clock } = item.id;
    const end = clock + item.length;
    if (end <= Y.getState(doc.store, client)) return true;
    if (!doc.store.pendingStructs) return false;
    return (pendingRanges().get(client) ?? []).some(([from, to]) => from <= clock && end <= to);
  };
}

function checkField(
  doc: Y.Doc,
  local: LocalStructs,
  place: Extract<Place, { kind: 'field' }>,
  item: AnyItem,
  rules: CanvasWriteRules,
): void {
  const isNew = local.has(place.stroke);
  // V4: once drawn, a stroke's fields are fixed, except that it may be marked done.
  if (!isNew && place.key !== STROKE_FIELDS.done && place.key !== STROKE_FIELDS.chunks) {
    throw new Refusal(`the ${place.key} of a drawn stroke cannot change`);
  }
  if (authorOf(doc, local, place.stroke) !== rules.author) {
    throw new Refusal('only the author may change a stroke');
  }
  const content = item.content;
  if (place.key === STROKE_FIELDS.chunks) {
    if (!isNew || !(content instanceof Y.ContentType) || !(content.type instanceof Y.Array)) {
      throw new Refusal('chunks must be an array created with the stroke');
    }
    return;
  }
  if (!(content instanceof Y.ContentAny) || content.arr.length !== 1) {
    throw new Refusal(`the ${place.key} of a stroke must be a single value`);
  }
  const value: unknown = content.arr[0];
  const valid = {
    [STROKE_FIELDS.id]:
      typeof value === 'string' && value.length > 0 && value.length <= STRING_FIELD_MAX,
    [STROKE_FIELDS.author]: value === rules.author,
    [STROKE_FIELDS.tool]: value === 'brush',
    [STROKE_FIELDS.color]: typeof value === 'string' && COLOR.test(value),
    [STROKE_FIELDS.width]:
      typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= MAX_WIDTH,
    [STROKE_FIELDS.done]: typeof value === 'boolean',
  }[place.key];
  if (valid !== true) throw new Refusal(`a stroke's ${place.key} is not valid`);
}

function checkChunk(item: AnyItem, rules: CanvasWriteRules): number {
  const content = item.content;
  if (!(content instanceof Y.ContentBinary)) throw new Refusal('a chunk must be bytes');
  if (content.content.length > rules.maxChunkBytes) {
    throw new Refusal(`a chunk may hold at most ${rules.maxChunkBytes} bytes`);
  }
  const count = chunkPointCount(content.content);
  if (count === null) throw new Refusal('a chunk is not valid stroke data');
  return count;
}

/** V6: deletes remove only the sender's strokes (or any, for a drawer clearing the board). */
function checkDeletes(
  doc: Y.Doc,
  local: LocalStructs,
  ds: ReturnType<typeof Y.decodeUpdate>['ds'],
  rules: CanvasWriteRules,
  placeOf: (item: AnyItem) => Place,
): void {
  for (const [client, ranges] of ds.clients) {
    for (const range of ranges) {
      for (const struct of structsIn(doc, local, client, range.clock, range.len)) {
        if (!(struct instanceof Y.Item) || struct.deleted) continue;
        const place = placeOf(struct);
        if (place.kind === 'elsewhere') throw new Refusal(place.why);
        if (place.kind === 'collected') continue;
        const stroke = place.kind === 'stroke' ? struct : place.stroke;
        if (!rules.mayDeleteOthers && authorOf(doc, local, stroke) !== rules.author) {
          throw new Refusal("only a round's drawer may delete other players' strokes");
        }
      }
    }
  }
}

/** Structs of the document or of the update covering [clock, clock + len) of a client. */
function structsIn(
  doc: Y.Doc,
  local: LocalStructs,
  client: number,
  clock: number,
  len: number,
): (Y.Item | Y.GC | Y.Skip)[] {
  const found: (Y.Item | Y.GC | Y.Skip)[] = [];
  const end = clock + len;
  const known = doc.store.clients.get(client) ?? [];
  const knownEnd = known.length > 0 ? Y.getState(doc.store, client) : 0;
  if (clock < knownEnd) {
    let index = Y.findIndexSS(known, clock);
    for (; index < known.length && known[index]!.id.clock < end; index++) found.push(known[index]!);
  }
  if (end > knownEnd) {
    const fromUpdate = local.range(client, Math.max(clock, knownEnd), end);
    if (fromUpdate === null)
      throw new Missing('the update deletes content the server does not have');
    found.push(...fromUpdate);
  }
  return found;
}

/** Finds where an item sits: in the strokes list, a stroke's field, or a stroke's chunks. */
function locate(
  doc: Y.Doc,
  local: LocalStructs,
  item: AnyItem,
  placeOf: (item: AnyItem) => Place,
): Place {
  const parent = parentOf(doc, local, item);
  if (parent === COLLECTED) return { kind: 'collected' };
  const { root, container, sub } = parent;
  if (root !== undefined) {
    return root === STROKES_KEY && sub === null
      ? { kind: 'stroke' }
      : { kind: 'elsewhere', why: `a canvas holds only the ${STROKES_KEY} list` };
  }
  if (container.deleted && !local.has(container)) return { kind: 'collected' };
  const parentPlace = placeOf(container);
  if (parentPlace.kind === 'collected') return parentPlace;
  if (parentPlace.kind === 'stroke') {
    if (sub === null || !Object.values(STROKE_FIELDS).includes(sub as never)) {
      return { kind: 'elsewhere', why: `a stroke has no field ${JSON.stringify(sub)}` };
    }
    return { kind: 'field', stroke: container, key: sub };
  }
  if (parentPlace.kind === 'field' && parentPlace.key === STROKE_FIELDS.chunks && sub === null) {
    return { kind: 'chunk', stroke: parentPlace.stroke };
  }
  return { kind: 'elsewhere', why: 'content nested where the canvas schema allows none' };
}

/** What the server keeps of deleted content it garbage-collected: its length only. */
const COLLECTED = Symbol('collected');

/**
 * The parent of an item — a root type's name or the item holding the parent type — and its
 * key in a map parent. An update leaves both out when an item has a neighbour: the item then
 * sits under its origin's (or right origin's) parent, at the same key. COLLECTED when that
 * parent or neighbour is content the server garbage-collected.
 */
function parentOf(
  doc: Y.Doc,
  local: LocalStructs,
  item: AnyItem,
):
  | { root: string; container?: undefined; sub: string | null }
  | { root?: undefined; container: AnyItem; sub: string | null }
  | typeof COLLECTED {
  const parent: unknown = item.parent;
  if (parent instanceof Y.AbstractType) {
    const holder = parent._item;
    return holder === null
      ? { root: Y.findRootTypeKey(parent), sub: item.parentSub }
      : { container: holder, sub: item.parentSub };
  }
  if (typeof parent === 'string') return { root: parent, sub: item.parentSub };
  if (parent instanceof Y.ID) {
    const container = itemAt(doc, local, parent);
    return container === COLLECTED ? COLLECTED : { container, sub: item.parentSub };
  }
  const neighbour = item.origin ?? item.rightOrigin;
  if (neighbour === null) throw new Refusal('an item has neither parent nor neighbours');
  const next = itemAt(doc, local, neighbour);
  return next === COLLECTED ? COLLECTED : parentOf(doc, local, next);
}

function itemAt(doc: Y.Doc, local: LocalStructs, id: Y.ID): AnyItem | typeof COLLECTED {
  const fromUpdate = local.at(id);
  if (fromUpdate) return fromUpdate;
  if (id.clock < Y.getState(doc.store, id.client)) {
    // Typed as an Item, but a garbage-collected range is a GC struct.
    const struct: unknown = Y.getItem(doc.store, id);
    if (struct instanceof Y.Item) return struct;
    if (struct instanceof Y.GC) return COLLECTED;
  }
  throw new Missing('the update refers to content the server does not have');
}

function authorOf(doc: Y.Doc, local: LocalStructs, stroke: AnyItem): unknown {
  const content = stroke.content;
  if (!local.has(stroke)) {
    return content instanceof Y.ContentType && content.type instanceof Y.Map
      ? content.type.get(STROKE_FIELDS.author)
      : undefined;
  }
  return local.fieldOf(stroke, STROKE_FIELDS.author);
}

/** The structs of an update, indexed by client and clock. */
class LocalStructs {
  private readonly byClient = new Map<number, (Y.Item | Y.GC | Y.Skip)[]>();
  private readonly items = new Set<AnyItem>();

  constructor(structs: readonly (Y.Item | Y.GC | Y.Skip)[]) {
    for (const struct of structs) {
      const list = this.byClient.get(struct.id.client) ?? [];
      list.push(struct);
      this.byClient.set(struct.id.client, list);
      if (struct instanceof Y.Item) this.items.add(struct);
    }
  }

  has(item: AnyItem): boolean {
    return this.items.has(item);
  }

  at(id: Y.ID): AnyItem | null {
    for (const struct of this.byClient.get(id.client) ?? []) {
      if (id.clock >= struct.id.clock && id.clock < struct.id.clock + struct.length) {
        return struct instanceof Y.Item ? struct : null;
      }
    }
    return null;
  }

  /** The structs covering [from, to), or null if the update does not cover all of it. */
  range(client: number, from: number, to: number): (Y.Item | Y.GC | Y.Skip)[] | null {
    const found = (this.byClient.get(client) ?? []).filter(
      (s) => s.id.clock < to && s.id.clock + s.length > from,
    );
    let covered = from;
    for (const struct of found) {
      if (struct instanceof Y.Skip || struct.id.clock > covered) return null;
      covered = Math.max(covered, struct.id.clock + struct.length);
    }
    return covered >= to ? found : null;
  }

  /** The value a new stroke's field is set to in this update. */
  fieldOf(stroke: AnyItem, key: string): unknown {
    for (const item of this.items) {
      const parent: unknown = item.parent;
      if (
        item.parentSub === key &&
        parent instanceof Y.ID &&
        parent.client === stroke.id.client &&
        parent.clock === stroke.id.clock
      ) {
        return item.content instanceof Y.ContentAny ? item.content.arr[0] : undefined;
      }
    }
    return undefined;
  }
}
