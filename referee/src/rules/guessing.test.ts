import { describe, expect, it } from '@jest/globals';
import { publicState } from './publicState.js';
import { Sim, pid } from './testKit.js';
import type { Effect } from './types.js';

const DRAW_MS = 80_000;

/** Ana draws "zeppelin"; Ben, Cy and Dee guess; Sam watches. */
function drawing(): Sim {
  const sim = new Sim(1);
  sim.presence('Ana', 'Ben', 'Cy', 'Dee', 'Sam:s');
  sim.rpc('Ana', { type: 'game/start' });
  sim.offer('zeppelin');
  sim.choose(0);
  return sim;
}

const publicTexts = (effects: Effect[]) =>
  effects.flatMap((e) => (e.type === 'chat' ? [e.line.text.toLowerCase()] : []));

describe('guessing', () => {
  it('[G2] scores a right guess privately and tells the others only that it was solved', () => {
    const sim = drawing();
    const effects = sim.wait(8_000).guess('Ben', 'Zeppelin!');
    expect(sim.whispersTo('Ben')).toEqual([
      { type: 'guess/correct', canvasRound: 1, word: 'zeppelin', points: 325 },
    ]);
    expect(effects).toContainEqual({
      type: 'chat',
      line: expect.objectContaining({
        kind: 'solved',
        text: 'Ben guessed the word!',
        playerId: pid('Ben'),
      }),
    });
    expect(publicTexts(effects).join(' ')).not.toContain('zeppelin');
    expect(sim.score('Ben')).toBe(325);
    expect(sim.records('guess')).toEqual([
      expect.objectContaining({
        playerId: pid('Ben'),
        verdict: 'correct',
        points: 325,
        text: 'Zeppelin!',
      }),
    ]);
    expect(publicState(sim.state).scoreboard.find((s) => s.id === pid('Ben'))).toMatchObject({
      solved: true,
      gained: 325,
    });
  });

  it('[G5] counts a chat line that holds the word as a guess', () => {
    const sim = drawing();
    const effects = sim.wait(8_000).chat('Cy', 'is it a Zeppelin?');
    expect(sim.whispersTo('Cy')[0]).toMatchObject({ type: 'guess/correct', points: 325 });
    expect(publicTexts(effects)).toEqual(['cy guessed the word!']);
  });

  it('[G3] tells a close guess privately and shows it to nobody', () => {
    const sim = drawing();
    const effects = sim.wait(1_000).guess('Ben', 'zepelin');
    expect(sim.whispersTo('Ben')).toEqual([{ type: 'guess/close', text: '"zepelin" is close!' }]);
    expect(effects.filter((e) => e.type === 'chat')).toEqual([]);
    expect(sim.records('guess')).toEqual([
      expect.objectContaining({ verdict: 'close', points: 0 }),
    ]);
    expect(sim.score('Ben')).toBe(0);
  });

  it('[G4] shows a wrong guess publicly, profanity masked', () => {
    const sim = drawing();
    sim.wait(1_000).guess('Ben', 'shit, a blimp');
    expect(sim.lines()).toEqual(['****, a blimp']);
    expect(sim.records('guess')).toEqual([
      expect.objectContaining({ verdict: 'wrong', text: 'shit, a blimp' }),
    ]);
  });

  it('[G4] withholds a wrong guess that holds the word inside another', () => {
    const sim = drawing();
    const effects = sim.wait(1_000).guess('Ben', 'xZeppelinx');
    expect(effects.filter((e) => e.type === 'chat')).toEqual([]);
    expect(sim.whispersTo('Ben')).toEqual([]);
    expect(sim.records('guess')).toEqual([expect.objectContaining({ verdict: 'wrong' })]);
  });

  it("[G6] whispers a solver's chat to the drawer and the solvers only", () => {
    const sim = drawing();
    sim.wait(1_000).guess('Ben', 'zeppelin');
    sim.guess('Cy', 'zeppelin');
    const effects = sim.chat('Ben', 'the zeppelin is nice');
    expect(publicTexts(effects)).toEqual([]);
    const readers = effects.flatMap((e) =>
      e.type === 'whisper' && e.message.type === 'chat/private' ? [e.playerId] : [],
    );
    expect(readers.sort()).toEqual([pid('Ana'), pid('Ben'), pid('Cy')].sort());
  });

  it('[G6] scores a duplicate right guess once: the second is solver chat', () => {
    const sim = drawing();
    sim.wait(1_000).guess('Ben', 'zeppelin');
    const first = sim.score('Ben');
    sim.wait(1_000).guess('Ben', 'zeppelin');
    expect(sim.score('Ben')).toBe(first);
    expect(sim.whispersTo('Ben')).toEqual([
      { type: 'chat/private', line: expect.objectContaining({ text: 'zeppelin' }) },
    ]);
    expect(sim.records('guess')).toHaveLength(1);
  });

  it('[G6][M4] scores 200 identical right guesses at once a single time', () => {
    const sim = drawing();
    sim.wait(2_000);
    for (let i = 0; i < 200; i++) sim.guess('Ben', 'zeppelin');
    expect(sim.score('Ben')).toBe(344);
    expect(sim.state.turn!.solves).toHaveLength(1);
    expect(sim.records('guess')).toHaveLength(1);
    expect(sim.log.filter((e) => e.type === 'chat' && e.line.kind === 'solved')).toHaveLength(1);
  });

  it('[G7] cuts the time left to afterFirstGuessSeconds at the first solve, never lengthens it', () => {
    const sim = drawing();
    const start = sim.now;
    sim.wait(10_000).guess('Ben', 'zeppelin');
    expect(sim.state.turn!.deadline).toBe(start + 40_000);
    sim.wait(5_000).guess('Cy', 'zeppelin');
    expect(sim.state.turn!.deadline).toBe(start + 40_000);

    const late = drawing();
    const lateStart = late.now;
    late.wait(70_000).guess('Ben', 'zeppelin');
    expect(late.state.turn!.deadline).toBe(lateStart + DRAW_MS);
  });

  it('[P5] ends the turn once every connected guesser has solved', () => {
    const sim = drawing();
    sim.wait(1_000).guess('Ben', 'zeppelin');
    sim.guess('Cy', 'zeppelin');
    sim.leave('Dee');
    expect(sim.state.phase).toBe('turnEnd');
    expect(sim.state.turn!.endReason).toBe('solved');
  });

  it("[G8] refuses a drawer's line that names the word or comes close, shows the rest", () => {
    const sim = drawing();
    sim.chat('Ana', 'it flies: ZEPPELIN');
    sim.chat('Ana', 'zeppelinn');
    expect(sim.log.filter((e) => e.type === 'chat' && e.line.playerId === pid('Ana'))).toEqual([]);
    expect(sim.notices('Ana', sim.log)).toEqual([
      'Your message would give the word away',
      'Your message would give the word away',
    ]);
    expect(sim.records('moderation')).toHaveLength(2);
    sim.chat('Ana', 'hint: it flies');
    expect(sim.lines()).toEqual(['hint: it flies']);
  });

  it("[G8] refuses a spectator's line that names the word", () => {
    const sim = drawing();
    sim.chat('Sam', 'zeppelin');
    expect(sim.notices('Sam')).toEqual(['Spectators cannot guess: your message was not sent']);
    expect(sim.state.turn!.solves).toEqual([]);
    sim.chat('Sam', 'nice drawing');
    expect(sim.lines()).toEqual(['nice drawing']);
  });

  it("[G10] refuses a drawer's line that names a choice while choosing", () => {
    const sim = new Sim(2);
    sim.presence('Ana', 'Ben');
    sim.rpc('Ana', { type: 'game/start' });
    const [choice] = sim.state.turn!.choices;
    sim.chat('Ana', `maybe ${choice!}`);
    expect(sim.notices('Ana')).toEqual(['Your message would give the word away']);
    sim.chat('Ben', 'hurry up');
    expect(sim.lines()).toEqual(['hurry up']);
  });

  it("[G10] withholds, without a notice, a guesser's line that holds a choice", () => {
    const sim = new Sim(2);
    sim.presence('Ana', 'Ben');
    sim.rpc('Ana', { type: 'game/start' });
    sim.offer('zeppelin', 'quokka');
    expect(sim.chat('Ben', 'I like quokkas')).toEqual([]);
  });

  it('[G9] treats a guess after the turn ended as public chat', () => {
    const sim = drawing();
    sim.wait(DRAW_MS).guess('Ben', 'zeppelin');
    expect(sim.lines()).toContain('zeppelin');
    expect(sim.score('Ben')).toBe(0);
  });
});

describe('hints while drawing', () => {
  it('[H1][H2][H3] reveals letters one at a time, never more than half', () => {
    const sim = drawing();
    const start = sim.now;
    const shown = () => publicState(sim.state).hint!.filter((slot) => slot !== null).length;
    expect(publicState(sim.state).hint).toEqual(Array(8).fill(null));
    sim.now = start + Math.floor(DRAW_MS / 3) - 1;
    sim.tick();
    expect(shown()).toBe(0);
    sim.now = start + Math.floor(DRAW_MS / 3);
    sim.tick();
    expect(shown()).toBe(1);
    sim.now = start + Math.floor((2 * DRAW_MS) / 3);
    sim.tick();
    expect(shown()).toBe(2);
    const hint = publicState(sim.state).hint!;
    hint.forEach((slot, i) => slot !== null && expect(slot).toBe('zeppelin'[i]));
  });

  it('[H1] reveals nothing when hints are off', () => {
    const sim = new Sim(3);
    sim.presence('Ana', 'Ben');
    sim.rpc('Ana', { type: 'settings/update', patch: { hints: 0 } });
    sim.startAndChoose('Ana');
    sim.wait(DRAW_MS - 1).tick();
    expect(
      publicState(sim.state).hint!.every((slot) => slot === null || slot === ' ' || slot === '-'),
    ).toBe(true);
  });
});
