import { describe, expect, it } from '@jest/globals';
import { DEFAULT_SETTINGS } from '@scrawl/protocol';
import { Sim } from './testKit.js';

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
