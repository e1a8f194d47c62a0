import { describe, expect, it } from '@jest/globals';
import { DEFAULT_SETTINGS, gameStateSchema } from '@scrawl/protocol';
import { wakeAt } from './clock.js';
import { publicState } from './publicState.js';
import { createRoomState } from './step.js';
import { ROOM_CODE, ROOM_ID, Sim, T0, pid } from './testKit.js';
import { CHOOSE_MS, GAME_END_MS, SEAT_KEEP_MS, TURN_END_MS } from './timing.js';

const DRAW_MS = DEFAULT_SETTINGS.drawTimeSeconds * 1000;

function lobby(...names: string[]): Sim {
  const sim = new Sim(42);
  sim.presence(...names);
  return sim;
}

describe('phases', () => {
  it('[P1] opens a room in the lobby with default settings and no seats', () => {
    const state = createRoomState(ROOM_ID, ROOM_CODE, T0);
    expect(state).toMatchObject({ phase: 'lobby', seats: [], hostId: null, nextCanvasRound: 1 });
    expect(state.settings).toEqual(DEFAULT_SETTINGS);
    expect(gameStateSchema.parse(publicState(state))).toMatchObject({
      phase: 'lobby',
      round: 0,
      canvasRound: 0,
      word: null,
      hint: null,
    });
    expect(wakeAt(state)).toBeNull();
  });

  it('[P1] lets only the host start, with at least two connected players', () => {
    const sim = lobby('Ana');
    sim.rpc('Ana', { type: 'game/start' });
    expect(sim.notices('Ana')).toEqual(['A game needs at least 2 players']);
    sim.join('Ben');
    sim.rpc('Ben', { type: 'game/start' });
    expect(sim.notices('Ben')).toEqual(['Only the host can start a game']);
    expect(sim.state.phase).toBe('lobby');
    sim.rpc('Ana', { type: 'game/start' });
    expect(sim.state.phase).toBe('choosing');
    expect(sim.records('game/start')).toEqual([
      expect.objectContaining({ playerIds: [pid('Ana'), pid('Ben')], at: sim.now }),
    ]);
    sim.rpc('Ana', { type: 'game/start' });
    expect(sim.notices('Ana')).toEqual(['A game is already running']);
  });

  it('[P3] names the drawer to the collab-server before anything announces the turn', () => {
    const sim = lobby('Ana', 'Ben', 'Cy');
    const effects = sim.rpc('Ana', { type: 'game/start' });
    expect(effects.filter((e) => e.type !== 'record').map((e) => e.type)).toEqual([
      'setDrawers',
      'chat',
      'whisper',
    ]);
    expect(effects.find((e) => e.type === 'setDrawers')).toEqual({
      type: 'setDrawers',
      canvasRound: 1,
      playerIds: [pid('Ana')],
    });
    const choices = sim.whispersTo('Ana');
    expect(choices).toEqual([
      {
        type: 'word/choices',
        canvasRound: 1,
        choices: expect.any(Array),
        deadline: sim.now + CHOOSE_MS,
      },
    ]);
    expect(sim.whispersTo('Ben')).toEqual([]);
    expect(sim.whispersTo('Cy')).toEqual([]);
    expect(sim.state.nextCanvasRound).toBe(2);
  });

  it('[P3] picks a word for a drawer who does not choose in time', () => {
    const sim = lobby('Ana', 'Ben');
    sim.rpc('Ana', { type: 'game/start' });
    const choices = sim.state.turn!.choices;
    sim.wait(CHOOSE_MS - 1).tick();
    expect(sim.state.phase).toBe('choosing');
    sim.wait(1).tick();
    expect(sim.state.phase).toBe('drawing');
    expect(choices).toContain(sim.state.turn!.word);
    expect(sim.records('turn/start')).toHaveLength(1);
  });

  it('[P3] refuses a choice from anyone but the drawer, or out of range', () => {
    const sim = lobby('Ana', 'Ben');
    sim.rpc('Ana', { type: 'game/start' });
    sim.rpc('Ben', { type: 'word/choose', index: 0 });
    expect(sim.notices('Ben')).toEqual(['You have no word to choose now']);
    sim.rpc('Ana', { type: 'word/choose', index: 7 });
    expect(sim.notices('Ana')).toEqual(['There is no such word']);
    expect(sim.state.phase).toBe('choosing');
  });

  it('[P4] starts drawing: the word goes to the drawer only, recorded, drawer muted', () => {
    const sim = lobby('Ana', 'Ben');
    sim.rpc('Ana', { type: 'game/start' });
    const word = sim.choose(1);
    expect(sim.state.turn!.choices[1]).toBe(word);
    expect(sim.whispersTo('Ana')).toEqual([{ type: 'word/secret', canvasRound: 1, word }]);
    expect(sim.whispersTo('Ben')).toEqual([]);
    expect(sim.effects).toContainEqual({ type: 'voice', playerId: pid('Ana'), publish: false });
    expect(sim.records('turn/start')).toEqual([
      {
        type: 'turn/start',
        gameId: sim.state.game!.id,
        canvasRound: 1,
        round: 1,
        drawerId: pid('Ana'),
        word,
        at: sim.now,
        deadline: sim.now + DRAW_MS,
      },
    ]);
    expect(publicState(sim.state)).toMatchObject({
      phase: 'drawing',
      drawerIds: [pid('Ana')],
      deadline: sim.now + DRAW_MS,
      word: null,
    });
  });

  it('[P4] leaves the drawer unmuted when muteDrawer is off', () => {
    const sim = lobby('Ana', 'Ben');
    sim.rpc('Ana', { type: 'settings/update', patch: { muteDrawer: false } });
    sim.startAndChoose('Ana');
    expect(sim.log.filter((e) => e.type === 'voice')).toEqual([]);
  });

  it('[P5] ends the turn when time is up: word revealed, recorded, drawer unmuted', () => {
    const sim = lobby('Ana', 'Ben');
    const word = sim.startAndChoose('Ana');
    sim.wait(DRAW_MS).tick();
    expect(sim.state.phase).toBe('turnEnd');
    expect(publicState(sim.state)).toMatchObject({
      word,
      hint: null,
      deadline: sim.now + TURN_END_MS,
    });
    expect(sim.records('turn/end')).toEqual([
      expect.objectContaining({ canvasRound: 1, reason: 'time', gained: { [pid('Ana')]: 0 } }),
    ]);
    expect(sim.effects).toContainEqual({ type: 'voice', playerId: pid('Ana'), publish: true });
    sim.wait(TURN_END_MS).tick();
    expect(sim.state.phase).toBe('choosing');
    expect(sim.state.turn).toMatchObject({ canvasRound: 2, drawerId: pid('Ben'), round: 1 });
  });

  it('[P2] lets every player draw once a round, in arrival order, spectators never', () => {
    const sim = lobby('Ana', 'Ben', 'Sam:s', 'Cy');
    sim.rpc('Ana', { type: 'settings/update', patch: { rounds: 2 } });
    sim.rpc('Ana', { type: 'game/start' });
    const drawers: string[] = [];
    while (sim.state.phase !== 'gameEnd') {
      if (sim.state.phase === 'choosing')
        drawers.push(`${sim.state.turn!.round}:${sim.drawerName()}`);
      sim.wait(wakeAt(sim.state)! - sim.now).tick();
    }
    expect(drawers).toEqual(['1:Ana', '1:Ben', '1:Cy', '2:Ana', '2:Ben', '2:Cy']);
    expect(sim.log.filter((e) => e.type === 'setDrawers').map((e) => e.canvasRound)).toEqual([
      1, 2, 3, 4, 5, 6,
    ]);
  });

  it('[P2] queues a player who arrives mid-game from the next round', () => {
    const sim = lobby('Ana', 'Ben');
    sim.rpc('Ana', { type: 'settings/update', patch: { rounds: 2 } });
    sim.rpc('Ana', { type: 'game/start' });
    sim.join('Cy');
    const drawers: string[] = [];
    while (sim.state.phase !== 'gameEnd') {
      if (sim.state.phase === 'choosing')
        drawers.push(`${sim.state.turn!.round}:${sim.drawerName()}`);
      sim.wait(wakeAt(sim.state)! - sim.now).tick();
    }
    expect(drawers).toEqual(['1:Ana', '1:Ben', '2:Ana', '2:Ben', '2:Cy']);
  });

  it('[P6] shows the podium, then returns to the lobby; the host may start again from it', () => {
    const sim = lobby('Ana', 'Ben');
    sim.rpc('Ana', { type: 'settings/update', patch: { rounds: 1 } });
    sim.startAndChoose('Ana');
    sim.wait(5_000).guess('Ben', sim.state.turn!.word!);
    sim.wait(TURN_END_MS).tick();
    sim.choose(0);
    sim.wait(DRAW_MS).tick();
    sim.wait(TURN_END_MS).tick();
    expect(sim.state.phase).toBe('gameEnd');
    const shown = publicState(sim.state);
    expect(shown.podium).toEqual([
      { id: pid('Ben'), name: 'Ben', score: 334, place: 1 },
      { id: pid('Ana'), name: 'Ana', score: 142, place: 2 },
    ]);
    expect(shown.deadline).toBe(sim.now + GAME_END_MS);
    expect(sim.records('game/end')).toEqual([
      expect.objectContaining({
        scores: [
          { playerId: pid('Ben'), score: 334, place: 1 },
          { playerId: pid('Ana'), score: 142, place: 2 },
        ],
      }),
    ]);
    sim.wait(GAME_END_MS).tick();
    expect(publicState(sim.state)).toMatchObject({
      phase: 'lobby',
      round: 0,
      canvasRound: 0,
      podium: [],
    });
    sim.rpc('Ana', { type: 'game/start' });
    expect(sim.state.phase).toBe('choosing');
    expect(sim.score('Ben')).toBe(0);
    expect(sim.state.turn!.canvasRound).toBe(3);
  });

  it('[P8] ends the game when fewer than two players hold a seat, not at a mere disconnection', () => {
    const sim = lobby('Ana', 'Ben', 'Cy');
    sim.startAndChoose('Ana');
    sim.wait(1000);
    sim.leave('Ben');
    sim.leave('Cy');
    // Away players keep their seats for SEAT_KEEP_MS: a blip does not end the game.
    expect(sim.state.phase).toBe('drawing');
    sim.wait(SEAT_KEEP_MS).tick();
    expect(sim.state.phase).toBe('gameEnd');
    expect(sim.records('turn/end')).toEqual([expect.objectContaining({ reason: 'stopped' })]);
    expect(sim.records('game/end')).toHaveLength(1);
  });

  it('[P8] keeps the game going when players come back within their seat time', () => {
    const sim = lobby('Ana', 'Ben', 'Cy');
    sim.startAndChoose('Ana');
    sim.leave('Ben');
    sim.leave('Cy');
    sim.wait(SEAT_KEEP_MS - 1000).tick();
    sim.join('Ben');
    sim.join('Cy');
    sim.wait(2000).tick();
    expect(sim.records('game/end')).toEqual([]);
  });

  it('[P9] scores nothing for a guess 50 ms after the deadline, even without a tick', () => {
    const sim = lobby('Ana', 'Ben');
    const word = sim.startAndChoose('Ana');
    sim.wait(DRAW_MS + 50).guess('Ben', word);
    expect(sim.score('Ben')).toBe(0);
    expect(sim.state.phase).toBe('turnEnd');
    expect(sim.records('guess')).toEqual([]);
    expect(sim.whispersTo('Ben')).toEqual([]);
  });

  it('[P9] reports the next time something happens', () => {
    const sim = lobby('Ana', 'Ben');
    sim.rpc('Ana', { type: 'game/start' });
    expect(wakeAt(sim.state)).toBe(sim.now + CHOOSE_MS);
    sim.choose(0);
    const word = sim.state.turn!.word!;
    const hints = Math.min(2, Math.floor(word.replace(/[ '-]/g, '').length / 2));
    expect(wakeAt(sim.state)).toBe(
      hints > 0 ? Math.floor(sim.now + DRAW_MS / (hints + 1)) : sim.now + DRAW_MS,
    );
    sim.leave('Ben');
    sim.wait(SEAT_KEEP_MS).tick();
    expect(sim.state.phase).toBe('gameEnd');
    expect(wakeAt(sim.state)).toBe(sim.now + GAME_END_MS);
  });
});
