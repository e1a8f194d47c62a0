import { describe, expect, it } from '@jest/globals';
import { DEFAULT_SETTINGS } from '@scrawl/protocol';
import { publicState } from './publicState.js';
import { Sim, pid } from './testKit.js';
import { GAME_END_MS, SEAT_KEEP_MS } from './timing.js';
import { whispersFor } from './whispers.js';

describe('settings', () => {
  it('[S1] lets only the host change settings, only in the lobby', () => {
    const sim = new Sim();
    sim.presence('Ana', 'Ben');
    sim.rpc('Ben', { type: 'settings/update', patch: { rounds: 5 } });
    expect(sim.notices('Ben')).toEqual(['Only the host can change settings']);
    sim.rpc('Ana', { type: 'settings/update', patch: { rounds: 5 } });
    expect(sim.state.settings.rounds).toBe(5);
    sim.rpc('Ana', { type: 'game/start' });
    sim.rpc('Ana', { type: 'settings/update', patch: { rounds: 2 } });
    expect(sim.notices('Ana')).toEqual(['Settings can change only in the lobby']);
    expect(sim.state.settings.rounds).toBe(5);
  });

  it.each([
    [{ rounds: 11 }, 'Settings not changed: rounds must be at most 10'],
    [{ drawTimeSeconds: 20 }, 'Settings not changed: drawTimeSeconds must be at least 30'],
    [
      { customWords: 'one, two' },
      'Settings not changed: customWords needs at least 10 words (got 2)',
    ],
    [
      { customWordsOnly: true },
      'Settings not changed: customWordsOnly needs at least 10 custom words',
    ],
    [
      { customWords: 'a, b, c, d, e, f, g, h, i, j, <k>' },
      'Settings not changed: customWords: "<k>" may hold only letters, digits, spaces, hyphens and apostrophes',
    ],
  ])('[S2] refuses %j with a notice naming the field', (patch, text) => {
    const sim = new Sim();
    sim.presence('Ana', 'Ben');
    sim.rpc('Ana', { type: 'settings/update', patch });
    expect(sim.notices('Ana')).toEqual([text]);
    expect(sim.state.settings).toEqual(DEFAULT_SETTINGS);
  });
});

describe('custom words', () => {
  const WORDS = ['apple', 'pear', 'plum', 'fig', 'kiwi', 'lime', 'date', 'grape', 'melon', 'peach'];
  const told = (sim: Sim, name: string, effects = sim.effects) =>
    sim.whispersTo(name, effects).filter((w) => w.type === 'settings/words');

  it('[S4] are only counted in the public state; the host alone is told them', () => {
    const sim = new Sim();
    sim.presence('Ana', 'Ben');
    sim.rpc('Ana', { type: 'settings/update', patch: { customWords: WORDS.join(', ') } });
    const shown = publicState(sim.state);
    expect(shown.settings.customWordCount).toBe(10);
    for (const word of WORDS) expect(JSON.stringify(shown)).not.toContain(word);
    expect(told(sim, 'Ana')).toEqual([{ type: 'settings/words', words: WORDS }]);
    expect(told(sim, 'Ben')).toEqual([]);
    // Cleared: the host is told that too.
    sim.rpc('Ana', { type: 'settings/update', patch: { customWords: '' } });
    expect(told(sim, 'Ana')).toEqual([{ type: 'settings/words', words: [] }]);
    expect(publicState(sim.state).settings.customWordCount).toBe(0);
  });

  it('[S4] are told to a new host and on coming back to the lobby, never during a game', () => {
    const sim = new Sim();
    sim.presence('Ana', 'Ben', 'Cy');
    sim.rpc('Ana', { type: 'settings/update', patch: { customWords: WORDS.join(', ') } });
    sim.leave('Ana');
    expect(sim.state.hostId).toBe(pid('Ben'));
    expect(told(sim, 'Ben')).toEqual([{ type: 'settings/words', words: WORDS }]);
    sim.join('Ana');
    expect(told(sim, 'Ana')).toEqual([]);
    // A game: the host reconnecting is not told them (the word may be one of them).
    sim.rpc('Ben', { type: 'game/start' });
    const during = sim.log.length;
    sim.leave('Ben');
    sim.join('Ben');
    expect(sim.state.phase).not.toBe('lobby');
    expect(whispersFor(sim.state, pid('Ben')).filter((w) => w.type === 'settings/words')).toEqual(
      [],
    );
    // Everyone but Ben leaves for good: the game stops, and after the podium the lobby.
    sim.leave('Ana', 'Cy');
    sim.wait(SEAT_KEEP_MS + 1).tick();
    sim.wait(GAME_END_MS + 1).tick();
    expect(sim.state.phase).toBe('lobby');
    const since = sim.log.slice(during);
    expect(told(sim, 'Ana', since)).toEqual([]);
    expect(told(sim, 'Ben', since)).toEqual([{ type: 'settings/words', words: WORDS }]);
    expect(whispersFor(sim.state, pid('Ben'))).toEqual([{ type: 'settings/words', words: WORDS }]);
  });
});
