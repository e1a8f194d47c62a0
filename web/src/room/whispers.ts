import type { ChatLine, Whisper } from '@scrawl/protocol';

/**
 * What whispers (messages for this player alone) tell: the secret of the current turn,
 * lines of the log only this player sees, notices, and to the host the custom words. Pure,
 * so tests pin every case.
 */

/** What this player knows of one turn that others may not. */
export interface TurnSecret {
  /** The turn's canvas round: a secret of another turn is stale. */
  readonly canvasRound: number;
  /** The words to choose from (the drawer, while choosing). */
  readonly choices: readonly string[] | null;
  /** When choosing ends, server epoch ms. */
  readonly choicesDeadline: number | null;
  /** The word (the drawer, and a guesser once solved). */
  readonly word: string | null;
  /** Points this player earned by guessing it; null until solved. */
  readonly points: number | null;
}

/** A line of the chat log that only this player sees. */
export type PrivateEntry =
  | { readonly kind: 'private'; readonly id: string; readonly at: number; readonly line: ChatLine }
  | { readonly kind: 'close'; readonly id: string; readonly at: number; readonly text: string }
  | {
      readonly kind: 'correct';
      readonly id: string;
      readonly at: number;
      readonly word: string;
      readonly points: number;
    };

/** A private note from the server: an error, or information, in words. */
export interface Notice {
  readonly id: string;
  readonly level: 'info' | 'error';
  readonly text: string;
}

export interface WhisperState {
  readonly secret: TurnSecret | null;
  readonly log: readonly PrivateEntry[];
  readonly notices: readonly Notice[];
  /** The room's custom words, as last told to this player as host; null if never told. */
  readonly customWords: readonly string[] | null;
}

export const NO_WHISPERS: WhisperState = { secret: null, log: [], notices: [], customWords: null };

/** Notices kept on screen; older ones give way. */
export const MAX_NOTICES = 3;
/** Private log lines kept, like the document's chat. */
export const MAX_PRIVATE_LINES = 200;

function secretFor(current: TurnSecret | null, canvasRound: number): TurnSecret {
  if (current?.canvasRound === canvasRound) return current;
  return { canvasRound, choices: null, choicesDeadline: null, word: null, points: null };
}

function withLine(state: WhisperState, entry: PrivateEntry): WhisperState {
  return { ...state, log: [...state.log, entry].slice(-MAX_PRIVATE_LINES) };
}

/**
 * The state after a whisper. `now` (server time) dates the log lines the whisper itself
 * does not date; `id` names the new entry.
 */
export function applyWhisper(
  state: WhisperState,
  whisper: Whisper,
  now: number,
  id: string,
): WhisperState {
  switch (whisper.type) {
    case 'notice':
      return {
        ...state,
        notices: [...state.notices, { id, level: whisper.level, text: whisper.text }].slice(
          -MAX_NOTICES,
        ),
      };
    case 'word/choices':
      return {
        ...state,
        secret: {
          ...secretFor(state.secret, whisper.canvasRound),
          choices: whisper.choices,
          choicesDeadline: whisper.deadline,
        },
      };
    case 'word/secret':
      return {
        ...state,
        secret: { ...secretFor(state.secret, whisper.canvasRound), word: whisper.word },
      };
    case 'guess/correct':
      return withLine(
        {
          ...state,
          secret: {
            ...secretFor(state.secret, whisper.canvasRound),
            word: whisper.word,
            points: whisper.points,
          },
        },
        { kind: 'correct', id, at: now, word: whisper.word, points: whisper.points },
      );
    case 'guess/close':
      return withLine(state, { kind: 'close', id, at: now, text: whisper.text });
    case 'chat/private':
      return withLine(state, { kind: 'private', id, at: whisper.line.at, line: whisper.line });
    case 'settings/words':
      return { ...state, customWords: whisper.words };
  }
}

/** The secret of the turn on `canvasRound`, or null when what is known is of another turn. */
export function currentSecret(state: WhisperState, canvasRound: number | null): TurnSecret | null {
  const secret = state.secret;
  return secret && secret.canvasRound === canvasRound ? secret : null;
}

/** Reads back a stored secret (sessionStorage), checking every field; null when unusable. */
export function parseSecret(value: unknown): TurnSecret | null {
  if (typeof value !== 'object' || value === null) return null;
  const field = (key: string): unknown => Object.getOwnPropertyDescriptor(value, key)?.value;
  const [canvasRound, choices, choicesDeadline, word, points] = [
    'canvasRound',
    'choices',
    'choicesDeadline',
    'word',
    'points',
  ].map(field);
  const isString = (x: unknown): x is string => typeof x === 'string';
  const list = Array.isArray(choices) && choices.every(isString) ? choices : null;
  if (
    typeof canvasRound !== 'number' ||
    (choices !== null && list === null) ||
    !(choicesDeadline === null || typeof choicesDeadline === 'number') ||
    !(word === null || typeof word === 'string') ||
    !(points === null || typeof points === 'number')
  ) {
    return null;
  }
  return { canvasRound, choices: list, choicesDeadline, word, points };
}
