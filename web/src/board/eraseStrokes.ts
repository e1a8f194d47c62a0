import type * as Y from 'yjs';
import { STROKE_FIELDS, getStrokes, hitTestStroke, type StrokeMap } from '@scrawl/drawing-engine';
import type { RenderedStroke } from './StrokeCache';
import { WEB_ORIGIN } from './origins';

/**
 * The origin of removing other players' strokes (a turn's drawer erasing or clearing).
 * Undo does not track it: taking it back would re-create strokes under another player's
 * name, which the server refuses (SPEC V3).
 */
export const OTHERS_ORIGIN = { source: 'web-others' } as const;

/** Spacing of the hit-test samples along an eraser's path, as a share of its reach. */
const SAMPLE_SPACING = 0.5;

/**
 * The strokes an eraser touches moving from `from` to `to` (board units) with a reach of
 * `reach` units, among those `mayErase` allows. The path is sampled densely enough that a
 * fast swipe misses nothing its width covers.
 */
export function strokesHit(
  strokes: readonly RenderedStroke[],
  from: { readonly x: number; readonly y: number },
  to: { readonly x: number; readonly y: number },
  reach: number,
  mayErase: (stroke: RenderedStroke) => boolean,
): RenderedStroke[] {
  const length = Math.hypot(to.x - from.x, to.y - from.y);
  const steps = Math.max(1, Math.ceil(length / Math.max(1, reach * SAMPLE_SPACING)));
  const hit: RenderedStroke[] = [];
  for (const stroke of strokes) {
    if (!mayErase(stroke)) continue;
    for (let i = 0; i <= steps; i++) {
      const t = i / steps;
      const point = { x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t };
      if (hitTestStroke(stroke.spine, point, reach)) {
        hit.push(stroke);
        break;
      }
    }
  }
  return hit;
}

/**
 * Removes strokes from a canvas: the player's own in one undoable step (WEB_ORIGIN), other
 * players' (only a turn's drawer may) apart, untracked.
 */
export function eraseStrokes(doc: Y.Doc, maps: readonly StrokeMap[], self: string): void {
  const own = new Set<StrokeMap>();
  const others = new Set<StrokeMap>();
  for (const map of maps) (map.get(STROKE_FIELDS.author) === self ? own : others).add(map);
  remove(doc, own, WEB_ORIGIN);
  remove(doc, others, OTHERS_ORIGIN);
}

function remove(doc: Y.Doc, maps: ReadonlySet<StrokeMap>, origin: object): void {
  if (maps.size === 0) return;
  const strokes = getStrokes(doc);
  doc.transact(() => {
    for (let i = strokes.length - 1; i >= 0; i--) {
      if (maps.has(strokes.get(i))) strokes.delete(i, 1);
    }
  }, origin);
}
