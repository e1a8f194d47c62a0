import { describe, expect, it } from '@jest/globals';
import {
  DEFAULT_SETTINGS,
  publicSettings,
  type GameState,
  type PresencePlayer,
} from '@scrawl/protocol';
import { buildRoster } from './roster';

const person = (id: string, role: 'player' | 'spectator' = 'player') =>
  ({ id, name: id.toUpperCase(), color: '#123456', role }) as PresencePlayer;

const seat = (id: string, score: number, extra: Partial<GameState['scoreboard'][number]> = {}) => ({
  id,
  name: id.toUpperCase(),
  color: '#123456',
  score,
  connected: true,
  solved: false,
  gained: 0,
  ...extra,
});

const game = (patch: Partial<GameState>): GameState => ({
  phase: 'drawing',
  roomCode: 'K7PQ2X',
  hostId: 'ana',
  settings: publicSettings(DEFAULT_SETTINGS),
  gameId: 'g1',
  round: 1,
  canvasRound: 3,
  drawerIds: ['ben'],
  deadline: 1000,
  hint: [null],
  word: null,
  scoreboard: [],
  podium: [],
  ...patch,
});

describe('buildRoster', () => {
  it('lists present players without scores before the referee keeps any', () => {
    const roster = buildRoster(null, [person('ana'), person('dan', 'spectator')]);
    expect(roster.players.map((p) => [p.id, p.score, p.place])).toEqual([['ana', null, null]]);
    expect(roster.spectators.map((p) => p.id)).toEqual(['dan']);
  });

  it('ranks players by score during a game, ties sharing a place, and marks the turn', () => {
    const state = game({
      scoreboard: [
        seat('ana', 100, { solved: true }),
        seat('ben', 300),
        seat('cleo', 100, { connected: false }),
      ],
    });
    const roster = buildRoster(state, [person('ana'), person('ben')]);
    expect(roster.players.map((p) => [p.id, p.place, p.drawing, p.solved, p.connected])).toEqual([
      ['ben', 1, true, false, true],
      ['ana', 2, false, true, true],
      ['cleo', 2, false, false, false],
    ]);
    expect(roster.players.find((p) => p.id === 'ana')?.host).toBe(true);
  });

  it('forgets who drew and who solved once the game is over', () => {
    const state = game({ phase: 'gameEnd', scoreboard: [seat('ben', 300, { solved: true })] });
    expect(buildRoster(state, [])).toMatchObject({ players: [{ drawing: false, solved: false }] });
  });

  it('lists a present player the scoreboard has no seat for as watching', () => {
    const state = game({ phase: 'lobby', scoreboard: [seat('ana', 0)] });
    const roster = buildRoster(state, [person('ana'), person('eve')]);
    expect(roster.players.map((p) => p.id)).toEqual(['ana']);
    expect(roster.spectators.map((p) => p.id)).toEqual(['eve']);
  });

  it('keeps spectators out of the players even when the scoreboard names them', () => {
    const state = game({ scoreboard: [seat('ana', 0), seat('dan', 0)] });
    const roster = buildRoster(state, [person('ana'), person('dan', 'spectator')]);
    expect(roster.players.map((p) => p.id)).toEqual(['ana']);
  });
});
