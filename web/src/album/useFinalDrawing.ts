import { useEffect, useState } from 'react';
import type { RoomCode } from '@scrawl/protocol';
import { loadDrawing } from '../replay/replayCache';
import { finalDrawing, type FinalDrawing } from './finalDrawing';

/** A turn's final drawing: loading, ready, or failed (with the reason). */
export type FinalLoad =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly drawing: FinalDrawing }
  | { readonly kind: 'failed'; readonly error: unknown };

/** Loads a finished turn's final drawing once `ready` (its replay is archived). */
export function useFinalDrawing(code: RoomCode, canvasRound: number, ready: boolean): FinalLoad {
  const [state, setState] = useState<FinalLoad>({ kind: 'loading' });
  useEffect(() => {
    if (!ready) return undefined;
    let live = true;
    loadDrawing(code, canvasRound).then(
      (drawing) => {
        if (live) setState({ kind: 'ready', drawing: finalDrawing(drawing) });
      },
      (error: unknown) => {
        if (live) setState({ kind: 'failed', error });
      },
    );
    return () => {
      live = false;
    };
  }, [code, canvasRound, ready]);
  return state;
}
