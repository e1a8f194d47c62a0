import type { ChatLine } from '@scrawl/protocol';
import type { PrivateEntry } from '../room/whispers';

/** A line of the log: from the game document (everyone sees it) or for this player alone. */
export type LogEntry =
  | { readonly kind: 'public'; readonly id: string; readonly at: number; readonly line: ChatLine }
  | PrivateEntry;

/**
 * The room's lines and this player's private ones, in time order (both lists are already
 * ordered; on equal times the public line comes first).
 */
export function mergeLog(
  lines: readonly ChatLine[],
  privates: readonly PrivateEntry[],
): LogEntry[] {
  const merged: LogEntry[] = [];
  let p = 0;
  for (const line of lines) {
    while (p < privates.length && (privates[p]?.at ?? Infinity) < line.at) {
      const entry = privates[p++];
      if (entry) merged.push(entry);
    }
    merged.push({ kind: 'public', id: line.id, at: line.at, line });
  }
  for (; p < privates.length; p++) {
    const entry = privates[p];
    if (entry) merged.push(entry);
  }
  return merged;
}
