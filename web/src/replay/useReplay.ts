import { useEffect, useState } from 'react';
import type { ReplayDetailResponse, RoomCode } from '@scrawl/protocol';
import { ApiError } from '../lib/api';
import { loadDetail, loadDrawing, type Drawing } from './replayCache';

/** What the replay page can show. */
export type ReplayLoad =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly detail: ReplayDetailResponse; readonly drawing: Drawing }
  | { readonly kind: 'empty'; readonly detail: ReplayDetailResponse }
  | { readonly kind: 'failed'; readonly error: unknown };

/** A turn's drawing is archived moments after it ends; asked again this often, this often. */
const ARCHIVE_RETRY_MS = 1000;
const ARCHIVE_RETRIES = 8;

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function load(code: RoomCode, canvasRound: number): Promise<ReplayLoad> {
  let detail = await loadDetail(code, canvasRound);
  for (let retry = 0; !detail.turn.hasReplay && retry < ARCHIVE_RETRIES; retry++) {
    await wait(ARCHIVE_RETRY_MS);
    detail = await loadDetail(code, canvasRound);
  }
  if (!detail.turn.hasReplay) return { kind: 'empty', detail };
  return { kind: 'ready', detail, drawing: await loadDrawing(code, canvasRound) };
}

/** Loads a finished turn and its drawing (cached for the page's life). */
export function useReplay(code: RoomCode, canvasRound: number): ReplayLoad {
  const [state, setState] = useState<ReplayLoad>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    load(code, canvasRound).then(
      (result) => {
        if (live) setState(result);
      },
      (error: unknown) => {
        if (live) setState({ kind: 'failed', error });
      },
    );
    return () => {
      live = false;
    };
  }, [code, canvasRound]);
  return state;
}

/** Whether an error means "this private room's replays are for its players". */
export function isForbidden(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'forbidden';
}
