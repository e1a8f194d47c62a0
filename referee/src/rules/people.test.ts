import { describe, expect, it } from '@jest/globals';
import { publicState } from './publicState.js';
import { Sim, pid } from './testKit.js';
import { DRAWER_GONE_MS, SEAT_KEEP_MS } from './timing.js';
import { whispersFor } from './whispers.js';

describe('people', () => {
  it('[N1] seats arrivals in order and announces arrivals and departures', () => {
    const sim = new Sim();
    expect(sim.presence('Ana', 'Ben')).toEqual([
      { type: 'chat', line: expect.objectContaining({ kind: 'system', text: 'Ana joined' }) },
      { type: 'chat', line: expect.objectContaining({ kind: 'system', text: 'Ben joined' }) },
      {
        type: 'chat',
        line: expect.objectContaining({ kind: 'system', text: 'Ana is now the host' }),
      },
    ]);
    sim.wait(1000).leave('Ana');
    expect(sim.lines()).toEqual(['Ana left', 'Ben is now the host']);
    expect(publicState(sim.state).scoreboard.map((s) => [s.name, s.connected])).toEqual([
      ['Ana', false],
      ['Ben', true],
    ]);
  });

  it("[N2] keeps a disconnected player's seat and score for 60 s", () => {
    const sim = new Sim();
    sim.presence('Ana', 'Ben', 'Cy');
    const word = sim.startAndChoose('Ana');
    sim.wait(4_000).guess('Ben', word);
    const score = sim.score('Ben');
    sim.leave('Ben');
    sim.wait(SEAT_KEEP_MS - 1).join('Ben');
    expect(sim.score('Ben')).toBe(score);
    expect(sim.lines()).toContain('Ben is back');
  });

  it('[N2] gives the seat up after 60 s: a later return starts at 0', () => {
    const sim = new Sim();
    sim.presence('Ana', 'Ben', 'Cy');
    const word = sim.startAndChoose('Ana');
    sim.wait(4_000).guess('Ben', word);
    sim.leave('Ben');
    sim.wait(SEAT_KEEP_MS).tick();
    expect(sim.state.seats.map((s) => s.name)).toEqual(['Ana', 'Cy']);
    sim.join('Ben');
    expect(sim.score('Ben')).toBe(0);
  });

  it('[N3][R6] skips the turn of a drawer gone for 15 s, with no points for the drawer', () => {
    const sim = new Sim();
    sim.presence('Ana', 'Ben', 'Cy');
    const word = sim.startAndChoose('Ana');
    sim.wait(2_000).guess('Ben', word);
    const benScore = sim.score('Ben');
    sim.leave('Ana');
    sim.wait(DRAWER_GONE_MS - 1).tick();
    expect(sim.state.phase).toBe('drawing');
    sim.wait(1).tick();
    expect(sim.state.phase).toBe('turnEnd');
    expect(sim.state.turn!.endReason).toBe('drawerGone');
    expect(sim.score('Ana')).toBe(0);
    expect(sim.score('Ben')).toBe(benScore);
    expect(sim.records('turn/end')).toEqual([expect.objectContaining({ reason: 'drawerGone' })]);
  });

  it('[N3] skips a queued drawer who has been gone 15 s when their turn comes', () => {
    const sim = new Sim();
    sim.presence('Ana', 'Ben', 'Cy');
    sim.startAndChoose('Ana');
    sim.leave('Ben');
    sim.wait(80_000).tick();
    sim.wait(5_000).tick();
    expect(sim.drawerName()).toBe('Cy');
  });

  it('[N4] passes the host to the longest-present connected player, never to a spectator', () => {
    const sim = new Sim();
    sim.presence('Sam:s', 'Ana', 'Ben', 'Cy');
    expect(sim.state.hostId).toBe(pid('Ana'));
    sim.leave('Ana');
    expect(sim.state.hostId).toBe(pid('Ben'));
    sim.join('Ana');
    expect(sim.state.hostId).toBe(pid('Ben'));
    sim.leave('Ben', 'Cy', 'Ana');
    expect(sim.state.hostId).toBeNull();
  });

  it('[N5] tells a reconnecting drawer their word again, and mutes them again', () => {
    const sim = new Sim();
    sim.presence('Ana', 'Ben', 'Cy');
    const word = sim.startAndChoose('Ana');
    sim.leave('Ana');
    sim.wait(3_000).join('Ana');
    expect(sim.whispersTo('Ana')).toEqual([{ type: 'word/secret', canvasRound: 1, word }]);
    expect(sim.effects).toContainEqual({ type: 'voice', playerId: pid('Ana'), publish: false });
  });

  it('[N5] tells a reconnecting drawer their choices, a solver the word, others nothing', () => {
    const sim = new Sim();
    sim.presence('Ana', 'Ben', 'Cy');
    sim.rpc('Ana', { type: 'game/start' });
    expect(whispersFor(sim.state, pid('Ana'))).toEqual([
      expect.objectContaining({ type: 'word/choices', choices: sim.state.turn!.choices }),
    ]);
    expect(whispersFor(sim.state, pid('Ben'))).toEqual([]);
    const word = sim.choose(0);
    sim.wait(1000).guess('Ben', word);
    expect(whispersFor(sim.state, pid('Ben'))).toEqual([
      { type: 'word/secret', canvasRound: 1, word },
    ]);
    expect(whispersFor(sim.state, pid('Cy'))).toEqual([]);
    sim.leave('Ben');
    sim.join('Ben');
    expect(sim.whispersTo('Ben')).toEqual([{ type: 'word/secret', canvasRound: 1, word }]);
  });

  it('[N6] ignores messages from someone without a seat', () => {
    const sim = new Sim();
    sim.presence('Ana', 'Ben');
    expect(sim.chat('Zed', 'hello')).toEqual([]);
    expect(sim.rpc('Zed', { type: 'game/start' })).toEqual([]);
  });

  it('[S3] seats players beyond maxPlayers as spectators, and moves them up as places free', () => {
    const sim = new Sim();
    sim.presence('Ana', 'Ben');
    sim.rpc('Ana', { type: 'settings/update', patch: { maxPlayers: 2 } });
    sim.join('Cy');
    expect(sim.notices('Cy')).toEqual(['The room is full (2 players): you are watching']);
    expect(sim.state.seats.map((s) => s.role)).toEqual(['player', 'player', 'spectator']);
    sim.rpc('Ana', { type: 'settings/update', patch: { maxPlayers: 3 } });
    expect(sim.state.seats.map((s) => s.role)).toEqual(['player', 'player', 'player']);
  });

  it('[S3] keeps roles during a game: a full room watches until the lobby', () => {
    const sim = new Sim();
    sim.presence('Ana', 'Ben');
    sim.rpc('Ana', { type: 'settings/update', patch: { maxPlayers: 2 } });
    sim.startAndChoose('Ana');
    sim.join('Cy');
    sim.leave('Ben');
    expect(sim.state.seats.find((s) => s.id === pid('Cy'))!.role).toBe('spectator');
  });
});
