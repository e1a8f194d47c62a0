import type { PlayerId } from '@scrawl/protocol';
import { type Ctx, emitLine, findSeat, notice, playerLine, record, whisper } from './context.js';
import { guess } from './guessing.js';
import { revealsWord } from './normalize.js';
import { maskProfanity } from './profanity.js';
import { allowMessage } from './rateLimit.js';
import type { Seat } from './types.js';

/**
 * Chat and guesses (SPEC G1–G10, M4–M5). While a word is drawn, whatever an unsolved guesser
 * sends is a guess; a solver's lines reach only the drawer and the other solvers; the
 * drawer and spectators may chat, but not the word. While a word is chosen, no public line
 * carries one of the choices. At any other time chat is public.
 */
export function handleMessage(ctx: Ctx, playerId: PlayerId, text: string): void {
  const seat = findSeat(ctx.state, playerId);
  if (!seat) return;
  if (!allowMessage(ctx, seat.id)) {
    return notice(ctx, seat.id, 'Slow down: your message was not sent');
  }
  const turn = ctx.state.turn;
  if (!turn || turn.stage === 'ended') return postPublic(ctx, seat, text);
  if (turn.stage === 'choosing') {
    if (!turn.choices.some((choice) => revealsWord(text, choice))) {
      return postPublic(ctx, seat, text);
    }
    // Only the drawer knows the choices. Anyone else hit one by chance: their line is
    // withheld without a word, since a notice would tell them they did.
    if (seat.id === turn.drawerId) refuse(ctx, seat, text, 'Your message would give the word away');
    return;
  }
  const word = turn.word ?? '';
  if (seat.id === turn.drawerId) return chatWithoutWord(ctx, seat, text, word);
  if (turn.solves.some((solve) => solve.playerId === seat.id)) {
    return solverChat(ctx, seat, text);
  }
  if (seat.role !== 'player') return chatWithoutWord(ctx, seat, text, word);
  guess(ctx, seat, text);
}

/** The drawer's or a spectator's line while drawing: public, unless it names the word. */
function chatWithoutWord(ctx: Ctx, seat: Seat, text: string, word: string): void {
  if (revealsWord(text, word)) {
    const why =
      seat.role === 'spectator'
        ? 'Spectators cannot guess: your message was not sent'
        : 'Your message would give the word away';
    return refuse(ctx, seat, text, why);
  }
  postPublic(ctx, seat, text);
}

function refuse(ctx: Ctx, seat: Seat, text: string, why: string): void {
  notice(ctx, seat.id, why);
  record(ctx, {
    type: 'moderation',
    kind: 'chatBlocked',
    actorId: seat.id,
    targetId: null,
    reason: text,
    at: ctx.now,
  });
}

/** A public chat line, profanity masked. */
export function postPublic(ctx: Ctx, seat: Seat, text: string): void {
  emitLine(ctx, playerLine(ctx, seat, maskProfanity(text)));
}

/** A solver's line: whispered to the drawer and every solver (the sender included). */
function solverChat(ctx: Ctx, seat: Seat, text: string): void {
  const turn = ctx.state.turn;
  if (!turn) return;
  const line = playerLine(ctx, seat, maskProfanity(text));
  const readers = [turn.drawerId, ...turn.solves.map((solve) => solve.playerId)];
  for (const reader of new Set(readers)) {
    whisper(ctx, reader, { type: 'chat/private', line });
  }
}
