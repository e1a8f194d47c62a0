import type { ReplayData } from '@scrawl/drawing-engine';
import type { ReplayEvent, ReplaySummary } from '@scrawl/protocol';

/** Playback speeds, slowest first; keys 1–6 pick them. */
export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8] as const;
export type Speed = (typeof SPEEDS)[number];

/** The span a replay plays, on the server clock. */
export interface ReplayWindow {
  /** Epoch ms of t = 0: when the turn's drawing started. */
  readonly startedAt: number;
  /** Length in ms, up to the turn's end or the last update, whichever is later. */
  readonly duration: number;
}

/** The window of a turn's replay. */
export function replayWindow(turn: ReplaySummary, replay: ReplayData): ReplayWindow {
  const lastUpdate = replay.updates.at(-1)?.at ?? turn.startedAt;
  return {
    startedAt: turn.startedAt,
    duration: Math.max(0, Math.max(turn.endedAt, lastUpdate) - turn.startedAt),
  };
}

/** A mark on the scrub bar. */
export interface Marker {
  readonly kind: 'correct' | 'hint';
  /** ms from the start. */
  readonly t: number;
  readonly label: string;
}

/** Correct guesses and hints, as marks on the scrub bar. */
export function markers(events: readonly ReplayEvent[], window: ReplayWindow): Marker[] {
  const marks: Marker[] = [];
  for (const event of events) {
    const t = clamp(event.at - window.startedAt, 0, window.duration);
    if (event.kind === 'guess' && event.verdict === 'correct') {
      marks.push({ kind: 'correct', t, label: `${event.name} guessed it` });
    } else if (event.kind === 'hint') {
      marks.push({ kind: 'hint', t, label: 'Hint' });
    }
  }
  return marks;
}

/**
 * The events the replay's log shows: everything but the public "guessed the word" lines,
 * which repeat the correct guesses (the log shows those with their points).
 */
export function logEvents(events: readonly ReplayEvent[]): ReplayEvent[] {
  return events.filter((event) => !(event.kind === 'chat' && event.line.kind === 'solved'));
}

/** The events that had happened by server time `at`, in order. */
export function eventsUpTo(events: readonly ReplayEvent[], at: number): ReplayEvent[] {
  return events.filter((event) => event.at <= at);
}

/** The hint shown at server time `at`: the last one given by then, or null. */
export function hintAt(
  events: readonly ReplayEvent[],
  at: number,
): readonly (string | null)[] | null {
  let hint: readonly (string | null)[] | null = null;
  for (const event of events) {
    if (event.at > at) break;
    if (event.kind === 'hint') hint = event.hint;
  }
  return hint;
}

/**
 * The next moment after `t` (direction 1) or the last before it (-1) in a sorted list of
 * moments; `t` itself when there is none that way.
 */
export function stepMoment(moments: readonly number[], t: number, direction: 1 | -1): number {
  if (direction > 0) return moments.find((moment) => moment > t) ?? t;
  return moments.findLast((moment) => moment < t) ?? t;
}

/** A time as the player reads it: "0:05", "1:20". */
export function formatTime(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${String(Math.floor(seconds / 60))}:${String(seconds % 60).padStart(2, '0')}`;
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
