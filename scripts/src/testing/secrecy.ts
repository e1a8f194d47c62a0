import type { HeadlessPlayer } from './HeadlessPlayer.js';

/** Letters only, lower case: how a frame is searched for a word, whatever its encoding. */
export const foldText = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** What one player's frames of one turn revealed, and when they were allowed to. */
export interface TurnSecrecy {
  /**
   * Index (from the turn's first frame) of the first frame allowed to carry the word: the
   * player's own "correct!" whisper, or the update that ends the turn (phase and word are
   * written in one transaction). -1 when neither arrived.
   */
  allowedAt: number;
  /** Secrets (the word or another choice) seen in a frame before `allowedAt`. */
  leaked: string[];
}

/**
 * Checks every frame a non-drawer received since `fromFrame` (where the turn began) for the
 * turn's secrets: none may show before the player solved the word or the turn ended.
 */
export function turnSecrecy(
  player: HeadlessPlayer,
  fromFrame: number,
  secrets: readonly string[],
): TurnSecrecy {
  const frames = player.frames.slice(fromFrame).map((frame) => foldText(frame.text));
  const allowedAt = frames.findIndex(
    (text) =>
      text.includes('guess/correct') || text.includes('turnend') || text.includes('gameend'),
  );
  const limit = allowedAt === -1 ? frames.length : allowedAt;
  const leaked = secrets.filter((secret) => {
    const first = frames.findIndex((text) => text.includes(foldText(secret)));
    return first !== -1 && first < limit;
  });
  return { allowedAt, leaked };
}
