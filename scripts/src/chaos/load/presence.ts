import { eventually } from '@scrawl/collab-server/testing';
import { presenceSchema } from '@scrawl/protocol';
import type { DrawingClient } from './DrawingClient.js';

/** How often presence (and catch-up) is looked at: fine enough for bounds in seconds. */
export const POLL_MS = 20;

/** Whether `observer`'s awareness holds a state (a cursor) of `clientId`. */
export function shows(observer: DrawingClient, clientId: number): boolean {
  return observer.canvas.awareness?.getStates().has(clientId) ?? false;
}

/** Whether `observer` shows `subject`'s cursor where `subject` has it now (not a stale one). */
export function showsCurrent(observer: DrawingClient, subject: DrawingClient): boolean {
  const shown = cursorOf(observer.canvas.awareness?.getStates().get(subject.doc.clientID));
  return shown !== undefined && shown === cursorOf(subject.canvas.awareness?.getLocalState());
}

/** The cursor of a presence state, as JSON (undefined: no valid presence). */
function cursorOf(state: unknown): string | undefined {
  const parsed = presenceSchema.safeParse(state);
  return parsed.success ? JSON.stringify(parsed.data.cursor ?? null) : undefined;
}

/** When each observer first stopped showing `clientId` (null: not within the timeout). */
export async function goneFrom(
  observers: readonly DrawingClient[],
  clientId: number,
  timeoutMs: number,
): Promise<(number | null)[]> {
  const gone: (number | null)[] = observers.map(() => null);
  await eventually(
    () => {
      const now = Date.now();
      observers.forEach((o, i) => {
        if (gone[i] === null && !shows(o, clientId)) gone[i] = now;
      });
      if (gone.includes(null)) throw new Error('still shown');
    },
    { timeoutMs, intervalMs: POLL_MS },
  ).catch(() => undefined);
  return gone;
}
