import { describe, expect, it } from '@jest/globals';
import type { ReplayListResponse, ReplaySummary } from '@scrawl/protocol';
import { turnsOf, waitingFor } from './useAlbum';

function turn(canvasRound: number, gameId: string, hasReplay = true): ReplaySummary {
  return {
    canvasRound,
    gameId,
    round: 1,
    drawerId: 'p',
    drawerName: 'Ana',
    word: 'cat',
    startedAt: 0,
    endedAt: 1,
    hasReplay,
    strokes: 1,
    points: 1,
    bytes: 1,
  };
}

function list(turns: ReplaySummary[]): ReplayListResponse {
  return { code: 'K7PQ2X', public: false, games: [], turns };
}

describe('the album list', () => {
  it('gives a game’s turns oldest first', () => {
    const all = list([turn(5, 'b'), turn(4, 'b'), turn(2, 'a'), turn(3, 'b')]);
    expect(turnsOf(all, 'b').map((t) => t.canvasRound)).toEqual([3, 4, 5]);
    expect(turnsOf(all).map((t) => t.canvasRound)).toEqual([2, 3, 4, 5]);
  });

  it.each([
    ['every drawing archived', [turn(1, 'a'), turn(2, 'a')], { gameId: 'a', lastRound: 2 }, false],
    ['a drawing still being archived', [turn(1, 'a'), turn(2, 'a', false)], { gameId: 'a' }, true],
    ['the last turn not listed yet', [turn(1, 'a')], { gameId: 'a', lastRound: 2 }, true],
    ['another game still archiving', [turn(1, 'a'), turn(2, 'b', false)], { gameId: 'a' }, false],
  ])('waits when %s', (_case, turns, scope, waiting) => {
    expect(waitingFor(list(turns), scope)).toBe(waiting);
  });
});
