import type { Ctx } from './context.js';
import { CHAT_BURST, CHAT_WINDOW_MS } from './timing.js';

/**
 * The chat rate limit (SPEC M4): {@link CHAT_BURST} messages per {@link CHAT_WINDOW_MS} per
 * player, guesses included. Returns whether this message may pass, and counts it if so.
 */
export function allowMessage(ctx: Ctx, playerId: string): boolean {
  const { state, now } = ctx;
  const recent = (state.chatTimes[playerId] ?? []).filter((at) => at > now - CHAT_WINDOW_MS);
  if (recent.length >= CHAT_BURST) {
    state.chatTimes[playerId] = recent;
    return false;
  }
  recent.push(now);
  state.chatTimes[playerId] = recent;
  return true;
}
