import { describeClose } from '@scrawl/protocol';

/** What the connection banner shows. */
export type ConnectionState =
  | { readonly kind: 'connecting' }
  | { readonly kind: 'connected' }
  | { readonly kind: 'reconnecting'; readonly message: string | null }
  | { readonly kind: 'refused'; readonly message: string; readonly action: RefusalAction };

/** What the player can do about a refusal. */
export type RefusalAction = 'rejoin' | 'reload' | 'home';

/** Close codes 4000–4499 mean "do not retry as is" (see protocol's CloseCodes). */
const FINAL_CLOSE_MIN = 4000;
const FINAL_CLOSE_MAX = 4499;

/** Whether a WebSocket close code tells the client to stop reconnecting. */
export function isFinalClose(code: number): boolean {
  return code >= FINAL_CLOSE_MIN && code <= FINAL_CLOSE_MAX;
}

/** Reasons a new seat fixes: the token is stale, for another room, or the seat was removed. */
const REJOIN_REASONS: ReadonlySet<string> = new Set(['unauthorized', 'forbidden', 'kicked']);

/** The banner state for a refusal, from a close code or a reason string of the server. */
export function refusal(codeOrReason: number | string): ConnectionState {
  const entry = describeClose(codeOrReason);
  if (!entry) {
    const detail = typeof codeOrReason === 'number' ? `code ${String(codeOrReason)}` : codeOrReason;
    return {
      kind: 'refused',
      message: `The server closed the connection (${detail}). Reload the page to try again.`,
      action: 'reload',
    };
  }
  let action: RefusalAction = 'reload';
  if (REJOIN_REASONS.has(entry.reason)) action = 'rejoin';
  else if (entry.reason === 'unknown-document') action = 'home';
  return { kind: 'refused', message: entry.message, action };
}

/** The banner state after the socket dropped, given its close code. */
export function dropped(current: ConnectionState, code: number): ConnectionState {
  if (current.kind === 'refused') return current;
  if (current.kind === 'connecting') return current;
  return { kind: 'reconnecting', message: describeClose(code)?.message ?? null };
}

/** The banner state once the game document is in sync. A refusal stays until acted on. */
export function synced(current: ConnectionState): ConnectionState {
  return current.kind === 'refused' ? current : { kind: 'connected' };
}
