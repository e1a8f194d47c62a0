import type * as Y from 'yjs';
import {
  CHAT_KEY,
  GAME_STATE_KEY,
  MAX_CHAT_LINES,
  chatLineSchema,
  gameStateSchema,
  type ChatLine,
  type GameState,
} from '@scrawl/protocol';

/**
 * Reading a room's game document (written by the referee alone). Everything is parsed with
 * protocol's schemas: what does not fit is left out rather than trusted.
 */

/** The public game state, or null before the referee has written it. */
export function readGameState(doc: Y.Doc): GameState | null {
  const parsed = gameStateSchema.safeParse(doc.getMap(GAME_STATE_KEY).toJSON());
  return parsed.success ? parsed.data : null;
}

/** The chat and system lines, oldest first. */
export function readChat(doc: Y.Doc): ChatLine[] {
  const lines: ChatLine[] = [];
  for (const entry of doc.getArray<unknown>(CHAT_KEY).toArray().slice(-MAX_CHAT_LINES)) {
    const parsed = chatLineSchema.safeParse(entry);
    if (parsed.success) lines.push(parsed.data);
  }
  return lines;
}

/** Runs `onChange` after any change to the game state. */
export function watchGameState(doc: Y.Doc, onChange: () => void): () => void {
  const state = doc.getMap(GAME_STATE_KEY);
  state.observe(onChange);
  return () => {
    state.unobserve(onChange);
  };
}

/** Runs `onChange` after any change to the chat. */
export function watchChat(doc: Y.Doc, onChange: () => void): () => void {
  const chat = doc.getArray<unknown>(CHAT_KEY);
  chat.observe(onChange);
  return () => {
    chat.unobserve(onChange);
  };
}
