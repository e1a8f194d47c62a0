import { describe, expect, it } from '@jest/globals';
import type { ReplayEvent, ReplaySummary } from '@scrawl/protocol';
import {
  eventsUpTo,
  formatTime,
  hintAt,
  logEvents,
  markers,
  replayWindow,
  stepMoment,
} from './timeline';

const START = 1_000_000;

const turn: ReplaySummary = {
  canvasRound: 3,
  gameId: 'g',
  round: 1,
  drawerId: 'p1',
  drawerName: 'Ana',
  word: 'cat',
  startedAt: START,
  endedAt: START + 60_000,
  hasReplay: true,
  strokes: 2,
  points: 20,
  bytes: 100,
};

const events: ReplayEvent[] = [
  { kind: 'chat', at: START - 5_000, line: { kind: 'system', text: 'Ana is choosing a word' } },
  { kind: 'hint', at: START, hint: [null, null, null] },
  {
    kind: 'guess',
    at: START + 9_000,
    playerId: 'p2',
    name: 'Ben',
    text: 'cap',
    verdict: 'close',
    points: 0,
  },
  { kind: 'hint', at: START + 20_000, hint: ['c', null, null] },
  {
    kind: 'guess',
    at: START + 25_000,
    playerId: 'p2',
    name: 'Ben',
    text: 'cat',
    verdict: 'correct',
    points: 300,
  },
  { kind: 'chat', at: START + 25_000, line: { kind: 'solved', text: 'Ben guessed the word!' } },
];

describe('the replay timeline', () => {
  it('runs from the start of drawing to the end of the turn or the last update', () => {
    const update = (at: number) => ({ at, update: new Uint8Array() });
    expect(replayWindow(turn, { updates: [update(START + 10)], keyframes: [] })).toEqual({
      startedAt: START,
      duration: 60_000,
    });
    expect(replayWindow(turn, { updates: [update(START + 61_500)], keyframes: [] }).duration).toBe(
      61_500,
    );
  });

  it('marks correct guesses and hints on the scrub bar', () => {
    expect(markers(events, { startedAt: START, duration: 60_000 })).toEqual([
      { kind: 'hint', t: 0, label: 'Hint' },
      { kind: 'hint', t: 20_000, label: 'Hint' },
      { kind: 'correct', t: 25_000, label: 'Ben guessed it' },
    ]);
  });

  it('shows the events up to a time, without the public line that repeats a correct guess', () => {
    expect(eventsUpTo(events, START + 9_000)).toHaveLength(3);
    expect(logEvents(events).map((e) => e.kind)).toEqual([
      'chat',
      'hint',
      'guess',
      'hint',
      'guess',
    ]);
    expect(hintAt(events, START + 19_999)).toEqual([null, null, null]);
    expect(hintAt(events, START + 20_000)).toEqual(['c', null, null]);
    expect(hintAt(events, START - 1)).toBeNull();
  });

  it.each([
    [5, 1, 10],
    [10, 1, 30],
    [30, 1, 30],
    [25, -1, 10],
    [10, -1, 0],
    [0, -1, 0],
  ] as const)('steps from %d in direction %d to %d', (t, direction, to) => {
    expect(stepMoment([0, 10, 30], t, direction)).toBe(to);
  });

  it.each([
    [0, '0:00'],
    [999, '0:00'],
    [5_000, '0:05'],
    [65_400, '1:05'],
    [-20, '0:00'],
  ])('writes %d ms as %s', (ms, text) => {
    expect(formatTime(ms)).toBe(text);
  });
});
