/**
 * WebSocket close codes and document-level refusal reasons the collab-server uses. Clients
 * show `message`; programs match on `code` or `reason`. Codes 4000–4499 mean "do not retry
 * as is"; 4500+ mean "retry later".
 */
export const CloseCodes = {
  /** The token is missing, malformed, expired or signed with another key. */
  unauthorized: {
    code: 4401,
    reason: 'unauthorized',
    message: 'Your session has expired. Join the room again.',
  },
  /** The token is valid, but not for this: another room's document, or a write without the right. */
  forbidden: {
    code: 4403,
    reason: 'forbidden',
    message: 'You are not allowed to do that in this room.',
  },
  /** The document name is not one Scrawl knows. */
  unknownDocument: {
    code: 4404,
    reason: 'unknown-document',
    message: 'This room or round does not exist.',
  },
  /** A frame was malformed or broke the canvas schema; nothing of it was applied. */
  invalidUpdate: {
    code: 4422,
    reason: 'invalid-update',
    message: 'Your drawing client sent data the server refuses. Reload the page.',
  },
  /** A frame or message was larger than allowed. */
  tooLarge: { code: 4413, reason: 'too-large', message: 'A message was too large.' },
  /** Too many messages or bytes per second. */
  rateLimited: {
    code: 4529,
    reason: 'rate-limited',
    message: 'You were sending too fast; reconnecting in a moment.',
  },
  /** The player was removed from the room. */
  kicked: { code: 4410, reason: 'kicked', message: 'You were removed from this room.' },
  /** The server is shutting down; reconnect to another instance. */
  goingAway: {
    code: 4503,
    reason: 'going-away',
    message: 'The server is restarting. Reconnecting…',
  },
} as const;

export type CloseCodeName = keyof typeof CloseCodes;

/** Looks up a close code's entry by its numeric code or reason string. */
export function describeClose(
  codeOrReason: number | string,
): (typeof CloseCodes)[CloseCodeName] | null {
  for (const entry of Object.values(CloseCodes)) {
    if (entry.code === codeOrReason || entry.reason === codeOrReason) return entry;
  }
  return null;
}
