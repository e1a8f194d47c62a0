import { describe, expect, it } from '@jest/globals';
import { Sim, pid } from './testKit.js';
import { BAN_MS, CHAT_WINDOW_MS } from './timing.js';

describe('moderation', () => {
  it('[M1][M3] lets the host remove a player for 10 minutes', () => {
    const sim = new Sim();
    sim.presence('Ana', 'Ben', 'Cy');
    sim.rpc('Ben', { type: 'player/kick', playerId: pid('Cy') });
    expect(sim.notices('Ben')).toEqual(['Only the host can remove players']);
    const effects = sim.rpc('Ana', { type: 'player/kick', playerId: pid('Cy') });
    expect(effects).toContainEqual({ type: 'kick', playerId: pid('Cy'), until: sim.now + BAN_MS });
    expect(sim.records('moderation')).toEqual([
      expect.objectContaining({ kind: 'kick', actorId: pid('Ana'), targetId: pid('Cy') }),
    ]);
    expect(sim.lines()).toEqual(['Cy was removed from the room']);
    expect(sim.state.seats.map((s) => s.name)).toEqual(['Ana', 'Ben']);
  });

  it("[M3] ignores a removed player's presence until the ban ends", () => {
    const sim = new Sim();
    sim.presence('Ana', 'Ben', 'Cy');
    sim.rpc('Ana', { type: 'player/kick', playerId: pid('Cy') });
    sim.wait(1000).presence('Ana', 'Ben', 'Cy');
    expect(sim.effects).toEqual([
      { type: 'kick', playerId: pid('Cy'), until: sim.now - 1000 + BAN_MS },
    ]);
    expect(sim.state.seats.map((s) => s.name)).toEqual(['Ana', 'Ben']);
    expect(sim.chat('Cy', 'let me in')).toEqual([]);
    sim.wait(BAN_MS).presence('Ana', 'Ben', 'Cy');
    expect(sim.state.seats.map((s) => s.name)).toEqual(['Ana', 'Ben', 'Cy']);
    expect(sim.score('Cy')).toBe(0);
  });

  it('[M2] removes a player once more than half of the other connected players voted', () => {
    const sim = new Sim();
    sim.presence('Ana', 'Ben', 'Cy', 'Dee', 'Eve', 'Sam:s');
    sim.rpc('Sam', { type: 'player/voteKick', playerId: pid('Eve') });
    expect(sim.notices('Sam')).toEqual(['Spectators cannot vote']);
    sim.rpc('Ben', { type: 'player/voteKick', playerId: pid('Eve') });
    sim.rpc('Ben', { type: 'player/voteKick', playerId: pid('Eve') });
    expect(sim.notices('Ben')).toEqual(['You already voted']);
    sim.rpc('Cy', { type: 'player/voteKick', playerId: pid('Eve') });
    expect(sim.lines()).toEqual(['Cy votes to remove Eve (2/3)']);
    expect(sim.state.seats.some((s) => s.id === pid('Eve'))).toBe(true);
    const effects = sim.rpc('Dee', { type: 'player/voteKick', playerId: pid('Eve') });
    expect(effects).toContainEqual(expect.objectContaining({ type: 'kick', playerId: pid('Eve') }));
    expect(sim.records('moderation').map((r) => r.kind)).toEqual([
      'vote',
      'vote',
      'vote',
      'voteKick',
    ]);
  });

  it('[M2] ends the turn when the drawer is voted out', () => {
    const sim = new Sim();
    sim.presence('Ana', 'Ben', 'Cy');
    sim.startAndChoose('Ana');
    sim.rpc('Ben', { type: 'player/voteKick', playerId: pid('Ana') });
    sim.rpc('Cy', { type: 'player/voteKick', playerId: pid('Ana') });
    expect(sim.state.turn!.endReason).toBe('drawerGone');
  });

  it('[M4] drops a sixth message within 3 s with a notice', () => {
    const sim = new Sim();
    sim.presence('Ana', 'Ben');
    for (let i = 0; i < 5; i++) sim.wait(100).chat('Ben', `line ${i}`);
    expect(sim.chat('Ben', 'one too many')).toEqual([
      {
        type: 'whisper',
        playerId: pid('Ben'),
        message: { type: 'notice', level: 'error', text: 'Slow down: your message was not sent' },
      },
    ]);
    sim.wait(CHAT_WINDOW_MS - 400).chat('Ben', 'again');
    expect(sim.lines()).toEqual(['again']);
  });

  it('[M5] masks profanity in public chat', () => {
    const sim = new Sim();
    sim.presence('Ana', 'Ben');
    sim.chat('Ben', 'oh shit');
    expect(sim.lines()).toEqual(['oh ****']);
  });

  it('[M6] records reports and thanks the reporter', () => {
    const sim = new Sim();
    sim.presence('Ana', 'Ben');
    sim.rpc('Ben', { type: 'player/report', playerId: pid('Ana'), reason: 'draws rude things' });
    expect(sim.records('moderation')).toEqual([
      {
        type: 'moderation',
        kind: 'report',
        actorId: pid('Ben'),
        targetId: pid('Ana'),
        reason: 'draws rude things',
        at: sim.now,
      },
    ]);
    expect(sim.whispersTo('Ben')).toEqual([
      { type: 'notice', level: 'info', text: 'Thank you: your report was stored' },
    ]);
  });
});
