import * as Y from 'yjs';
import { GAME_STATE_KEY, gameDocName, parseJsonMessage, whisperSchema } from '@scrawl/protocol';
import type { HeadlessPlayer } from '../../testing/gameHarness.js';
import { readFrame } from './frameContent.js';
import { findSecret, searchable, secretOf, type Searchable, type Secret } from './wordSearch.js';

/**
 * The check after the run. Each player's frames are replayed, in the order they arrived,
 * into a replica of the room's game document, so every frame is placed in the turn it
 * arrived in: a turn begins for a player right after the frame that revealed the turn before
 * (or at their first frames), and is revealed to them by the frame that shows it ended (the
 * referee writes the phase and the word in one transaction). A guesser who solved learns the
 * word legitimately, by their `guess/correct` whisper: from that frame on (if the public
 * scoreboard shows them solved), their frames of the turn may carry it. Everyone else's
 * frames from the turn's beginning up to its reveal may not carry the word, nor (until the
 * reveal) a choice the drawer did not take.
 */

/** A frame as a player's socket received it. */
export interface Received {
  at: number;
  bytes: Uint8Array;
}

/** One received frame, decoded, with the public state as it stood once it was applied. */
export interface ReadFrame extends Received {
  search: Searchable;
  /** The document it was for, and its Hocuspocus message type (null: not decodable). */
  documentName: string | null;
  type: number | null;
  canvasRound: number;
  phase: unknown;
  /** Letters the hint shows (hidden slots and separators not counted). */
  hintLetters: number;
  /** The canvas round a `guess/correct` whisper in this frame is for. */
  correctFor: number | null;
  /** The canvas round a `word/secret` whisper in this frame is for. */
  secretFor: number | null;
  /** Who the public scoreboard shows as having solved the turn. */
  solved: readonly string[];
}

export function readFrames(frames: readonly Received[], gameDoc: string): ReadFrame[] {
  const replica = new Y.Doc();
  const state = replica.getMap(GAME_STATE_KEY);
  let solved: readonly string[] = [];
  return frames.map((frame) => {
    const content = readFrame(frame.bytes);
    if (content?.documentName === gameDoc && content.update) {
      Y.applyUpdate(replica, content.update);
      solved = solversOf(state.get('scoreboard'));
    }
    const whisper =
      content?.stateless == null ? null : parseJsonMessage(whisperSchema, content.stateless);
    const hint = state.get('hint');
    const canvasRound = state.get('canvasRound');
    return {
      ...frame,
      search: searchable(frame.bytes, content),
      documentName: content?.documentName ?? null,
      type: content?.type ?? null,
      canvasRound: typeof canvasRound === 'number' ? canvasRound : -1,
      phase: state.get('phase'),
      hintLetters: Array.isArray(hint)
        ? hint.filter((slot) => typeof slot === 'string' && /\p{L}/u.test(slot)).length
        : 0,
      correctFor:
        whisper?.ok && whisper.value.type === 'guess/correct' ? whisper.value.canvasRound : null,
      secretFor:
        whisper?.ok && whisper.value.type === 'word/secret' ? whisper.value.canvasRound : null,
      solved,
    };
  });
}

/** The sockets of one room's players and spectators (recorded with `keepBytes`), read. */
export function watchRoom(room: number, sockets: readonly HeadlessPlayer[]): Watched[] {
  return sockets.map((p) => ({
    id: p.id,
    name: p.seat.name,
    room,
    frames: readFrames(
      p.frames.flatMap((f) => (f.bytes ? [{ at: f.at, bytes: f.bytes }] : [])),
      gameDocName(p.seat.roomId),
    ),
  }));
}

function solversOf(scoreboard: unknown): string[] {
  if (!Array.isArray(scoreboard)) return [];
  return scoreboard.flatMap((entry: unknown) => {
    const seat = entry as { id?: unknown; solved?: unknown } | null;
    return seat?.solved === true && typeof seat.id === 'string' ? [seat.id] : [];
  });
}

/** Where one turn lies in a player's frames: [start, end), end being the reveal. */
export interface TurnView {
  start: number;
  end: number;
  /**
   * The frame with the player's `guess/correct` of the turn, when the public scoreboard shows
   * them solved too (a whisper delivered to the wrong player is no solve). A referee that took
   * the room over tells a solver the word again as `word/secret` (SPEC P7): that frame counts
   * when the public state already showed them solved as it arrived.
   */
  solvedAt: number | null;
}

const over = (phase: unknown) => phase === 'turnEnd' || phase === 'gameEnd' || phase === 'lobby';

export function turnView(
  frames: readonly ReadFrame[],
  canvasRound: number,
  playerId: string,
): TurnView | null {
  const first = frames.findIndex((f) => f.canvasRound === canvasRound);
  if (first === -1) return null;
  // Back to the frame after the previous reveal: a secret sent a moment before the state
  // that starts the turn (the choices are drawn then) counts too.
  let start = first;
  while (start > 1 && over(frames[start - 1]!.phase) && over(frames[start - 2]!.phase)) start--;
  let end = first;
  while (end < frames.length) {
    const f = frames[end]!;
    if (f.canvasRound !== canvasRound || over(f.phase)) break;
    end++;
  }
  let solvedAt: number | null = null;
  for (let i = start; i < end && solvedAt === null; i++) {
    const f = frames[i]!;
    const retold = f.secretFor === canvasRound && f.solved.includes(playerId);
    if (f.correctFor === canvasRound || retold) solvedAt = i;
  }
  const shownSolved = frames.slice(first, end + 1).some((f) => f.solved.includes(playerId));
  return { start, end, solvedAt: shownSolved ? solvedAt : null };
}

/** A turn as the drawer played it. */
export interface PlayedTurn {
  room: number;
  canvasRound: number;
  drawerId: string;
  word: string;
  choices: readonly string[];
}

/** A socket whose frames were recorded. */
export interface Watched {
  id: string;
  name: string;
  room: number;
  frames: readonly ReadFrame[];
}

export interface Tally {
  turns: number;
  framesInspected: number;
  bytesInspected: number;
  /** Frames to non-drawers carrying the word before they solved it or the turn ended. */
  wordLeaks: number;
  /** Frames to non-drawers carrying a choice the drawer did not take, before the turn ended. */
  choiceLeaks: number;
  /** The first leaks, one line each (who, turn, word, why, which document). */
  examples: string[];
  undecoded: number;
  chance: number;
  /** Turns in whose drawer's frames both searches found the word (positive control). */
  drawerSaw: number;
  /** The first turns whose drawer's frames did not show the word, and where it did show. */
  drawerMisses: string[];
  /** Turn ends whose reveal frame, to a non-drawer, carried the word (positive control). */
  revealsCarried: number;
  solves: number;
  /** Solvers whose `guess/correct` frame carried the word. */
  solversSaw: number;
  /** Turns whose guessers saw at least one hint letter before the reveal. */
  hintedTurns: number;
}

const EXAMPLES = 10;

export function audit(turns: readonly PlayedTurn[], watched: readonly Watched[]): Tally {
  const tally: Tally = {
    turns: turns.length,
    framesInspected: 0,
    bytesInspected: 0,
    wordLeaks: 0,
    choiceLeaks: 0,
    examples: [],
    drawerMisses: [],
    undecoded: 0,
    chance: 0,
    drawerSaw: 0,
    revealsCarried: 0,
    solves: 0,
    solversSaw: 0,
    hintedTurns: 0,
  };
  const note = (who: Watched, turn: PlayedTurn, secret: string, why: string, i: number) => {
    if (tally.examples.length < EXAMPLES) {
      const f = who.frames[i]!;
      const reveal = who.frames[turnView(who.frames, turn.canvasRound, who.id)?.end ?? -1];
      const before = reveal ? `${reveal.at - f.at} ms before` : 'with no';
      tally.examples.push(
        `${who.name} got "${secret}" (${why}) in turn ${turn.canvasRound} of room ${turn.room}, ` +
          `${before} reveal, ` +
          `document ${f.documentName ?? '?'} message type ${f.type ?? '?'}, ` +
          `${f.bytes.length} bytes: ${Buffer.from(f.bytes.subarray(0, 160)).toString('hex')}`,
      );
    }
  };
  for (const turn of turns) {
    const word = secretOf(turn.word);
    // A choice inside the word or around it ("Bär", "Eisbär") shows wherever the word may.
    const others = turn.choices
      .map(secretOf)
      .filter((choice) => !choice.key.includes(word.key) && !word.key.includes(choice.key));
    let hinted = false;
    for (const who of watched.filter((w) => w.room === turn.room)) {
      const view = turnView(who.frames, turn.canvasRound, who.id);
      if (who.id === turn.drawerId) {
        if (view && drawerSees(who.frames, view, word)) tally.drawerSaw++;
        else if (tally.drawerMisses.length < EXAMPLES) {
          const carried = who.frames
            .flatMap((f, i) =>
              findSecret(f.search, word).leak === 'text'
                ? [`#${i} (round ${f.canvasRound}, ${String(f.phase)}, type ${f.type ?? '?'})`]
                : [],
            )
            .slice(0, 6);
          tally.drawerMisses.push(
            `${who.name} drew turn ${turn.canvasRound} of room ${turn.room} ("${turn.word}"): ` +
              `turn in frames ${view ? `${view.start}–${view.end}` : 'none'} of ` +
              `${who.frames.length}; the word in ${carried.join(', ') || 'none'}`,
          );
        }
        continue;
      }
      if (!view) continue;
      const reveal = who.frames[view.end];
      if (reveal && findSecret(reveal.search, word).leak === 'text') {
        tally.revealsCarried++;
      }
      if (view.solvedAt !== null) {
        tally.solves++;
        const solved = who.frames[view.solvedAt]!;
        if (findSecret(solved.search, word).leak === 'text') tally.solversSaw++;
      }
      const wordUntil = view.solvedAt ?? view.end;
      for (let i = view.start; i < view.end; i++) {
        const f = who.frames[i]!;
        tally.framesInspected++;
        tally.bytesInspected += f.bytes.length;
        if (f.search.texts === null) tally.undecoded++;
        if (f.hintLetters > 0) hinted = true;
        if (i < wordUntil) {
          const found = findSecret(f.search, word);
          tally.chance += found.chance;
          if (found.leak) {
            tally.wordLeaks++;
            note(who, turn, turn.word, found.leak, i);
          }
        }
        const choice = others.find((c) => findSecret(f.search, c).leak !== null);
        if (choice) {
          tally.choiceLeaks++;
          note(who, turn, choice.word, 'an unchosen choice', i);
        }
      }
    }
    if (hinted) tally.hintedTurns++;
  }
  return tally;
}

/** The positive control: the drawer is told the word, and both searches must find it. */
function drawerSees(frames: readonly ReadFrame[], view: TurnView, word: Secret): boolean {
  for (let i = view.start; i < view.end; i++) {
    const f = frames[i]!;
    const found = findSecret(f.search, word);
    if (found.leak === 'text' && found.raw > 0) return true;
  }
  return false;
}
