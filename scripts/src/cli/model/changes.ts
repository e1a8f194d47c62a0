import type { ChatLine } from '@scrawl/protocol';
import type { CanvasSnapshot, GameSnapshot, Snapshot, StrokeInfo } from './snapshot.js';

/** What one update did, as people describe it. */
export type ChangeEvent =
  | ({ readonly kind: 'started' | 'drawn' | 'restored' } & StrokeInfo)
  | {
      readonly kind: 'appended';
      readonly id: string;
      readonly added: number;
      readonly points: number;
    }
  | { readonly kind: 'finished'; readonly id: string; readonly points: number }
  | { readonly kind: 'deleted'; readonly id: string; readonly author: string }
  | { readonly kind: 'cleared'; readonly strokes: number }
  | { readonly kind: 'state'; readonly key: string; readonly from: unknown; readonly to: unknown }
  | { readonly kind: 'chat'; readonly line: ChatLine }
  | { readonly kind: 'unchanged' };

/** A clear removes every stroke at once; a single removal reads better as a deletion. */
const CLEAR_MIN_STROKES = 2;

/**
 * What changed between two snapshots of one document. `seen` holds every stroke id met so
 * far in the document's history, so a stroke coming back reads as a redo; it is updated.
 */
export function changesBetween(
  before: Snapshot,
  after: Snapshot,
  seen: Set<string>,
): ChangeEvent[] {
  const events =
    before.kind === 'canvas' && after.kind === 'canvas'
      ? canvasChanges(before, after, seen)
      : before.kind === 'game' && after.kind === 'game'
        ? gameChanges(before, after)
        : [];
  return events.length > 0 ? events : [{ kind: 'unchanged' }];
}

function canvasChanges(
  before: CanvasSnapshot,
  after: CanvasSnapshot,
  seen: Set<string>,
): ChangeEvent[] {
  const events: ChangeEvent[] = [];
  const removed = [...before.strokes.values()].filter((s) => !after.strokes.has(s.id));
  if (removed.length >= CLEAR_MIN_STROKES && after.strokes.size === 0) {
    events.push({ kind: 'cleared', strokes: removed.length });
  } else {
    for (const stroke of removed)
      events.push({ kind: 'deleted', id: stroke.id, author: stroke.author });
  }
  for (const stroke of after.strokes.values()) {
    const old = before.strokes.get(stroke.id);
    if (!old) {
      const kind = seen.has(stroke.id) ? 'restored' : stroke.done ? 'drawn' : 'started';
      events.push({ kind, ...stroke });
      seen.add(stroke.id);
      continue;
    }
    if (stroke.points > old.points) {
      events.push({
        kind: 'appended',
        id: stroke.id,
        added: stroke.points - old.points,
        points: stroke.points,
      });
    }
    if (stroke.done && !old.done)
      events.push({ kind: 'finished', id: stroke.id, points: stroke.points });
  }
  return events;
}

function gameChanges(before: GameSnapshot, after: GameSnapshot): ChangeEvent[] {
  const events: ChangeEvent[] = [];
  const keys = new Set([...Object.keys(before.state), ...Object.keys(after.state)]);
  for (const key of keys) {
    const from = before.state[key];
    const to = after.state[key];
    if (JSON.stringify(from) !== JSON.stringify(to)) events.push({ kind: 'state', key, from, to });
  }
  const known = new Set(before.chat.map((line) => line.id));
  for (const line of after.chat) if (!known.has(line.id)) events.push({ kind: 'chat', line });
  return events;
}
