import type { RoomSettings } from '@scrawl/protocol';
import type { Ctx } from './context.js';
import type { Turn } from './types.js';

/**
 * Hints: while a word is drawn, letters are revealed one at a time on an even schedule.
 * Never more than half of the letters (rounded down), so the last hidden letter is never
 * shown and a word is never given away; characters that are not letters (spaces, hyphens,
 * apostrophes) are shown from the start.
 */

/** Shown from the start: they carry no secret, only the word's shape. */
const ALWAYS_SHOWN = new Set([' ', '-', "'"]);

/** The word as characters (code points). */
export function wordChars(word: string): string[] {
  return Array.from(word);
}

/** Indices of the characters a hint may hide. */
export function letterIndices(word: string): number[] {
  const indices: number[] = [];
  wordChars(word).forEach((char, index) => {
    if (!ALWAYS_SHOWN.has(char)) indices.push(index);
  });
  return indices;
}

/** How many letters this word's hints reveal: the setting, at most half the letters. */
export function hintCount(word: string, hints: number): number {
  return Math.max(0, Math.min(hints, Math.floor(letterIndices(word).length / 2)));
}

/**
 * When each hint is due: reveal k of n at start + k·drawTime/(n+1), so hints spread evenly
 * over the drawing time and the last comes before time runs out.
 */
export function hintTimes(startedAt: number, word: string, settings: RoomSettings): number[] {
  const count = hintCount(word, settings.hints);
  const drawMs = settings.drawTimeSeconds * 1000;
  return Array.from({ length: count }, (_, k) =>
    Math.floor(startedAt + ((k + 1) * drawMs) / (count + 1)),
  );
}

/** The next time a hint is due in this turn, or null when none is left. */
export function nextHintAt(turn: Turn, settings: RoomSettings): number | null {
  if (turn.stage !== 'drawing' || turn.word === null || turn.drawingStartedAt === null) {
    return null;
  }
  return hintTimes(turn.drawingStartedAt, turn.word, settings)[turn.revealed.length] ?? null;
}

/** Reveals every hint due by `until`, choosing the letters with the step's random. */
export function revealDueHints(ctx: Ctx, until: number): void {
  const turn = ctx.state.turn;
  if (!turn?.word) return;
  for (let at = nextHintAt(turn, ctx.state.settings); at !== null && at <= until;) {
    const hidden = letterIndices(turn.word).filter((index) => !turn.revealed.includes(index));
    // Never the last hidden letter (hintCount guarantees it; this keeps it true regardless).
    if (hidden.length <= 1) return;
    const pick = hidden[Math.floor(ctx.random() * hidden.length)] ?? hidden[0] ?? 0;
    turn.revealed.push(pick);
    at = nextHintAt(turn, ctx.state.settings);
  }
}

/** The hint guessers see: revealed characters, null for hidden letters. */
export function hintSlots(word: string, revealed: readonly number[]): (string | null)[] {
  return wordChars(word).map((char, index) =>
    ALWAYS_SHOWN.has(char) || revealed.includes(index) ? char : null,
  );
}
