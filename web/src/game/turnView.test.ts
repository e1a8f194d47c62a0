import { describe, expect, it } from '@jest/globals';
import { DEFAULT_SETTINGS, publicSettings, type GameState } from '@scrawl/protocol';
import { NO_WHISPERS, type WhisperState } from '../room/whispers';
import { turnView } from './turnView';

const state = (patch: Partial<GameState>): GameState => ({
  phase: 'drawing',
  roomCode: 'K7PQ2X',
  hostId: 'ana',
  settings: publicSettings(DEFAULT_SETTINGS),
  gameId: 'g1',
  round: 1,
  canvasRound: 3,
  drawerIds: ['ben'],
  deadline: 1000,
  hint: [null, null, null],
  word: null,
  scoreboard: [
    {
      id: 'ana',
      name: 'Ana',
      color: '#111111',
      score: 0,
      connected: true,
      solved: false,
      gained: 0,
    },
    {
      id: 'ben',
      name: 'Ben',
      color: '#222222',
      score: 0,
      connected: true,
      solved: false,
      gained: 0,
    },
  ],
  podium: [],
  ...patch,
});

const knowing = (word: string, canvasRound = 3, points: number | null = null): WhisperState => ({
  ...NO_WHISPERS,
  secret: { canvasRound, choices: null, choicesDeadline: null, word, points },
});

describe('turnView', () => {
  it('shows the drawer their word and makes guessers guess', () => {
    const game = state({});
    expect(turnView(game, knowing('cat'), { id: 'ben', role: 'player' })).toMatchObject({
      isDrawer: true,
      word: 'cat',
      guessing: false,
      drawerNames: ['Ben'],
    });
    expect(turnView(game, NO_WHISPERS, { id: 'ana', role: 'player' })).toMatchObject({
      isDrawer: false,
      isHost: true,
      word: null,
      guessing: true,
    });
  });

  it('shows a solver the word and stops treating their lines as guesses', () => {
    const view = turnView(state({}), knowing('cat', 3, 120), { id: 'ana', role: 'player' });
    expect(view).toMatchObject({ solved: true, word: 'cat', guessing: false });
  });

  it('ignores a secret of another turn', () => {
    const view = turnView(state({}), knowing('dog', 2), { id: 'ben', role: 'player' });
    expect(view.word).toBeNull();
  });

  it('never lets a spectator guess or see the word before the turn ends', () => {
    const spectator = { id: 'dan', role: 'spectator' } as const;
    expect(turnView(state({}), NO_WHISPERS, spectator)).toMatchObject({
      guessing: false,
      word: null,
    });
    const after = (phase: 'turnEnd' | 'gameEnd') =>
      turnView(state({ phase, word: 'cat' }), NO_WHISPERS, spectator).word;
    expect(after('turnEnd')).toBe('cat');
    expect(after('gameEnd')).toBeNull();
  });
});
