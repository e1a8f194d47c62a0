import type { PlayerId } from '@scrawl/protocol';

/**
 * Scoring (SPEC R1–R7). Points are integers. A guesser earns by how early they solved, the
 * first solver a bonus on top; the drawer earns half the average time points of the
 * eligible guessers, so a turn everyone solves quickly pays the drawer most.
 */

/** A solve at the very start of the drawing time. */
export const GUESS_MAX = 300;
/** A solve at the last moment of the drawing time: never nothing for a right answer. */
export const GUESS_MIN = 50;
/** The first solver's bonus: first at the last second still earns 2× a later solver. */
export const FIRST_SOLVER_BONUS = 50;
/**
 * The drawer's share of the guessers' average. Below 1 so that a two-player game, where each
 * draws for the other, does not always tie (at 1 both would earn the same every round).
 */
export const DRAWER_SHARE = 0.5;

/**
 * A guesser's time points: GUESS_MAX at the start of drawing, falling linearly to GUESS_MIN
 * at the full drawing time (not the shortened one: a late solver is late either way).
 */
export function timePoints(elapsedMs: number, drawTimeMs: number): number {
  const left = Math.min(Math.max(drawTimeMs - elapsedMs, 0), drawTimeMs);
  return Math.round(GUESS_MIN + ((GUESS_MAX - GUESS_MIN) * left) / drawTimeMs);
}

/** What a solve earns: time points, plus the bonus for the first solver of the turn. */
export function guessPoints(elapsedMs: number, drawTimeMs: number, first: boolean): number {
  return timePoints(elapsedMs, drawTimeMs) + (first ? FIRST_SOLVER_BONUS : 0);
}

/**
 * The drawer's points: DRAWER_SHARE × the sum of the solvers' time points ÷ the number of
 * eligible guessers. Non-solvers add 0 to the sum but count in the divisor; idle players
 * are not eligible and count in neither.
 */
export function drawerPoints(solverTimePoints: readonly number[], eligible: number): number {
  if (eligible <= 0 || solverTimePoints.length === 0) return 0;
  const sum = solverTimePoints.reduce((total, points) => total + points, 0);
  return Math.round((DRAWER_SHARE * sum) / Math.max(eligible, solverTimePoints.length));
}

/** Places by score, best first (ties in the given order); equal scores share a place (1, 1, 3). */
export function places<T extends { id: PlayerId; score: number }>(
  entries: readonly T[],
): (T & { place: number })[] {
  const sorted = [...entries].sort((a, b) => b.score - a.score);
  return sorted.map((entry) => ({
    ...entry,
    place: sorted.findIndex((other) => other.score === entry.score) + 1,
  }));
}
