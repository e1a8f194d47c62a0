import type { HocuspocusProvider } from '@hocuspocus/provider';
import { presenceSchema, type PresencePlayer } from '@scrawl/protocol';
import { boardPoint, type BoardPoint } from '@scrawl/drawing-engine';

/** A provider's awareness instance (y-protocols' Awareness). */
export type Awareness = NonNullable<HocuspocusProvider['awareness']>;

/** Another player's pointer over the board. */
export interface RemoteCursor {
  readonly clientId: number;
  readonly player: PresencePlayer;
  readonly at: BoardPoint;
}

/**
 * The players present, from a game document's awareness: one entry per player even when
 * they have the room open twice, in the order they arrived. Entries that do not parse
 * (the referee's, a client still starting) are skipped.
 */
export function readPlayers(awareness: Awareness): PresencePlayer[] {
  const players: PresencePlayer[] = [];
  const seen = new Set<string>();
  for (const state of awareness.getStates().values()) {
    const parsed = presenceSchema.safeParse(state);
    if (!parsed.success || seen.has(parsed.data.player.id)) continue;
    seen.add(parsed.data.player.id);
    players.push(parsed.data.player);
  }
  return players;
}

/**
 * Other players' cursors over the board, from a canvas document's awareness. The player's
 * own cursors (this tab, and any other tab they have open) are left out.
 */
export function readCursors(awareness: Awareness, selfId: string): RemoteCursor[] {
  const cursors: RemoteCursor[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    const parsed = presenceSchema.safeParse(state);
    const cursor = parsed.success ? parsed.data.cursor : null;
    if (!parsed.success || !cursor || parsed.data.player.id === selfId) continue;
    cursors.push({ clientId, player: parsed.data.player, at: boardPoint(cursor.x, cursor.y) });
  }
  return cursors;
}

/** Runs `onChange` whenever awareness content changes; returns the unsubscribe function. */
export function watchAwareness(awareness: Awareness, onChange: () => void): () => void {
  awareness.on('change', onChange);
  return () => {
    awareness.off('change', onChange);
  };
}
