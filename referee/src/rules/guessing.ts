import { type Ctx, emitLine, playerLine, record, whisper } from './context.js';
import { matchWord, revealsWord } from './normalize.js';
import { maskProfanity } from './profanity.js';
import { guessPoints } from './scoring.js';
import type { Seat } from './types.js';

/**
 * One guess of an unsolved guesser while the word is drawn (SPEC G2–G5, G7): right (scores,
 * told privately, "Ana guessed the word!" publicly), close (told privately, shown to
 * nobody) or wrong (public chat, profanity masked, unless it holds the word's letters in a
 * row: then it is shown to nobody). Every guess is recorded.
 */
export function guess(ctx: Ctx, seat: Seat, text: string): void {
  const { state, now } = ctx;
  const turn = state.turn;
  const game = state.game;
  if (!turn || !game || turn.word === null || turn.drawingStartedAt === null) return;
  if (!turn.guessers.includes(seat.id)) turn.guessers.push(seat.id);
  const verdict = matchWord(text, turn.word);
  let points = 0;
  if (verdict === 'exact') {
    const drawMs = state.settings.drawTimeSeconds * 1000;
    points = guessPoints(now - turn.drawingStartedAt, drawMs, turn.solves.length === 0);
    if (turn.solves.length === 0) {
      // The first solve shortens the rest of the turn (never lengthens it).
      turn.deadline = Math.min(turn.deadline, now + state.settings.afterFirstGuessSeconds * 1000);
    }
    turn.solves.push({ playerId: seat.id, at: now, points });
    seat.score += points;
    whisper(ctx, seat.id, {
      type: 'guess/correct',
      canvasRound: turn.canvasRound,
      word: turn.word,
      points,
    });
    emitLine(ctx, playerLine(ctx, seat, `${seat.name} guessed the word!`, 'solved'));
  } else if (verdict === 'close') {
    whisper(ctx, seat.id, { type: 'guess/close', text: `"${text}" is close!` });
  } else if (!revealsWord(text, turn.word)) {
    // Wrong guesses are public, except one holding the word inside another ("xzeppelinx").
    emitLine(ctx, playerLine(ctx, seat, maskProfanity(text)));
  }
  record(ctx, {
    type: 'guess',
    gameId: game.id,
    canvasRound: turn.canvasRound,
    playerId: seat.id,
    text,
    verdict: verdict === 'exact' ? 'correct' : (verdict ?? 'wrong'),
    points,
    at: now,
  });
}
