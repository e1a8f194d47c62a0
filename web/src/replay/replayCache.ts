import type { ReplayDetailResponse, RoomCode } from '@scrawl/protocol';
import type { ReplayData } from '@scrawl/drawing-engine';
import { fetchReplayData, fetchReplayDetail } from '../lib/replayApi';
import { ReplayStrokes } from './ReplayStrokes';

/** A turn's drawing, decoded once per page: the viewer, the album and exports share it. */
export interface Drawing {
  readonly replay: ReplayData;
  /** Decoded strokes of this replay, kept across seeks and visits. */
  readonly strokes: ReplayStrokes;
}

const drawings = new Map<string, Promise<Drawing>>();
const details = new Map<string, Promise<ReplayDetailResponse>>();

function cached<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>) {
  let entry = cache.get(key);
  if (!entry) {
    entry = load();
    cache.set(key, entry);
    // A failure is not kept: the next visit tries again.
    entry.catch(() => {
      if (cache.get(key) === entry) cache.delete(key);
    });
  }
  return entry;
}

/** A finished turn's drawing, fetched and decoded on first use. */
export function loadDrawing(code: RoomCode, canvasRound: number): Promise<Drawing> {
  return cached(drawings, `${code}/${String(canvasRound)}`, async () => ({
    replay: await fetchReplayData(code, canvasRound),
    strokes: new ReplayStrokes(),
  }));
}

/**
 * A finished turn with its events: fixed once its drawing is archived, so fetched once. Until
 * then (moments after the turn ended) it is fetched again on the next call.
 */
export function loadDetail(code: RoomCode, canvasRound: number): Promise<ReplayDetailResponse> {
  const key = `${code}/${String(canvasRound)}`;
  return cached(details, key, async () => {
    const detail = await fetchReplayDetail(code, canvasRound);
    if (!detail.turn.hasReplay) queueMicrotask(() => details.delete(key));
    return detail;
  });
}
