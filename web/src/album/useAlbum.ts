import { useEffect, useState } from 'react';
import type { ReplayListResponse, ReplaySummary, RoomCode } from '@scrawl/protocol';
import { fetchReplayList } from '../lib/replayApi';

/** A room's finished games and turns: loading, ready, or failed (with the reason). */
export type AlbumLoad =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly list: ReplayListResponse }
  | { readonly kind: 'failed'; readonly error: unknown };

/** What the album waits for: the turns of one game, and the last turn by its canvas round. */
export interface AlbumScope {
  readonly gameId?: string | null;
  readonly lastRound?: number;
}

/** Drawings are archived moments after a turn ends: the list is asked again meanwhile. */
const RETRY_MS = 1500;
const RETRIES = 10;

/** The turns of a game (or all turns), oldest first. */
export function turnsOf(list: ReplayListResponse, gameId?: string | null): ReplaySummary[] {
  return list.turns
    .filter((turn) => gameId == null || turn.gameId === gameId)
    .sort((a, b) => a.canvasRound - b.canvasRound);
}

/** Whether some turn in scope is not archived yet (or the last one is not listed yet). */
export function waitingFor(list: ReplayListResponse, scope: AlbumScope): boolean {
  const turns = turnsOf(list, scope.gameId);
  if (turns.some((turn) => !turn.hasReplay)) return true;
  return scope.lastRound !== undefined && !turns.some((t) => t.canvasRound === scope.lastRound);
}

/** Loads a room's album, asking again while drawings in scope are still being archived. */
export function useAlbum(code: RoomCode, scope: AlbumScope = {}): AlbumLoad {
  const [state, setState] = useState<AlbumLoad>({ kind: 'loading' });
  const { gameId, lastRound } = scope;
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const fetchList = (attempt: number) => {
      fetchReplayList(code).then(
        (list) => {
          if (!live) return;
          setState({ kind: 'ready', list });
          if (attempt < RETRIES && waitingFor(list, { gameId, lastRound })) {
            timer = setTimeout(() => {
              fetchList(attempt + 1);
            }, RETRY_MS);
          }
        },
        (error: unknown) => {
          if (live) setState({ kind: 'failed', error });
        },
      );
    };
    fetchList(0);
    return () => {
      live = false;
      if (timer !== null) clearTimeout(timer);
    };
  }, [code, gameId, lastRound]);
  return state;
}
