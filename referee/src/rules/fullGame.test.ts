import { describe, expect, it } from '@jest/globals';
import { wakeAt } from './clock.js';
import { publicState } from './publicState.js';
import { Sim, pid } from './testKit.js';

/**
 * The SPEC's full-game table: 3 rounds, 4 players, 80 s drawing, 30 s after the first solve.
 * Each turn: drawer, word, guesses as [player, seconds into drawing, text], when the turn
 * ends (seconds), and the points each player gained. Dee idles through turns 1–3.
 */
type Guess = [string, number, string];
const TURNS: [string, string, Guess[], number, Record<string, number>][] = [
  [
    'Ana',
    'zeppelin',
    [
      ['Ben', 5, 'zepelin'],
      ['Ben', 8, 'zeppelin'],
      ['Cy', 10, 'balloon'],
      ['Cy', 20, 'Zeppelin'],
      ['Ben', 21, 'zeppelin'],
    ],
    38,
    { Ana: 86, Ben: 325, Cy: 238 },
  ],
  [
    'Ben',
    'giraffe',
    [
      ['Ana', 20, 'giraffe'],
      ['Cy', 40, 'a giraffe!'],
    ],
    50,
    { Ben: 69, Ana: 288, Cy: 175 },
  ],
  [
    'Cy',
    'penguin',
    [
      ['Ana', 8, 'penguin'],
      ['Ben', 20, 'PENGUIN'],
    ],
    38,
    { Cy: 128, Ana: 325, Ben: 238 },
  ],
  [
    'Dee',
    'umbrella',
    [
      ['Ana', 3, 'umbrela'],
      ['Ana', 40, 'umbrella'],
      ['Ben', 60, 'umbrella'],
      ['Cy', 60, 'umbrella'],
    ],
    60,
    { Dee: 67, Ana: 225, Ben: 113, Cy: 113 },
  ],
  [
    'Ana',
    'lighthouse',
    [
      ['Dee', 8, 'lighthouse'],
      ['Ben', 9, 'tower'],
    ],
    38,
    { Ana: 46, Dee: 325 },
  ],
  ['Ben', 'snowman', [['Cy', 30, 'snowball']], 80, { Ben: 0 }],
  [
    'Cy',
    'pizza',
    [
      ['Ana', 8, 'pizza'],
      ['Ben', 8, 'pizza'],
      ['Dee', 20, 'pizza'],
    ],
    20,
    { Cy: 131, Ana: 325, Ben: 275, Dee: 238 },
  ],
  [
    'Dee',
    'ice cream',
    [
      ['Ana', 20, 'icecream'],
      ['Ben', 40, 'ice-cream'],
      ['Cy', 40, 'I love ice cream'],
    ],
    40,
    { Dee: 98, Ana: 288, Ben: 175, Cy: 175 },
  ],
  [
    'Ana',
    'bicycle',
    [
      ['Ben', 0, 'bicycle'],
      ['Dee', 25, 'bicycl'],
      ['Cy', 29, 'bicycle'],
      ['Dee', 29, 'bicycle'],
    ],
    29,
    { Ana: 120, Ben: 350, Cy: 209, Dee: 209 },
  ],
  ['Ben', 'volcano', [], 80, { Ben: 0 }],
  ['Cy', 'robot', [['Dee', 79, 'robot']], 80, { Cy: 9, Dee: 103 }],
  [
    'Dee',
    'kite',
    [
      ['Ana', 2, 'kit'],
      ['Ana', 10, 'kite'],
      ['Ben', 10, 'kite'],
      ['Cy', 39, 'kite'],
    ],
    39,
    { Dee: 119, Ana: 319, Ben: 269, Cy: 178 },
  ],
];
const FINAL = { Ana: 2022, Ben: 1814, Cy: 1356, Dee: 1159 };

const byId = (points: Record<string, number>) =>
  Object.fromEntries(Object.entries(points).map(([name, p]) => [pid(name), p]));

describe('a whole game', () => {
  it('[P2][R1][R2][R3][R4][R5][G2][G3][G6] plays 3 rounds of 4 players to the SPEC table', () => {
    const sim = new Sim(2024);
    sim.presence('Ana', 'Ben', 'Cy', 'Dee');
    sim.rpc('Ana', { type: 'game/start' });
    for (const [index, [drawer, word, guesses, endsAt, gained]] of TURNS.entries()) {
      expect(sim.state.phase).toBe('choosing');
      expect(sim.drawerName()).toBe(drawer);
      expect(sim.state.turn!.round).toBe(Math.floor(index / 4) + 1);
      sim.offer(word).choose(0);
      const start = sim.now;
      for (const [name, seconds, text] of guesses) {
        sim.now = start + seconds * 1000;
        sim.guess(name, text);
      }
      while (sim.state.phase === 'drawing') sim.wait(wakeAt(sim.state)! - sim.now).tick();
      const end = sim.records('turn/end').at(-1)!;
      expect({ turn: index + 1, at: end.at - start, gained: end.gained }).toEqual({
        turn: index + 1,
        at: endsAt * 1000,
        gained: byId(gained),
      });
      expect(publicState(sim.state).word).toBe(word);
      sim.wait(wakeAt(sim.state)! - sim.now).tick();
    }
    expect(sim.state.phase).toBe('gameEnd');
    for (const [name, score] of Object.entries(FINAL)) expect(sim.score(name)).toBe(score);
    expect(sim.records('game/end')[0]!.scores).toEqual([
      { playerId: pid('Ana'), score: 2022, place: 1 },
      { playerId: pid('Ben'), score: 1814, place: 2 },
      { playerId: pid('Cy'), score: 1356, place: 3 },
      { playerId: pid('Dee'), score: 1159, place: 4 },
    ]);
    const guesses = sim.records('guess');
    expect(guesses.filter((g) => g.verdict === 'close').map((g) => g.text)).toEqual([
      'zepelin',
      'umbrela',
      'bicycl',
      'kit',
    ]);
    expect(guesses.filter((g) => g.verdict === 'wrong').map((g) => g.text)).toEqual([
      'balloon',
      'tower',
      'snowball',
    ]);
    const turnPoints = sim.records('turn/end').flatMap((t) => Object.values(t.gained));
    expect(turnPoints.reduce((a, b) => a + b, 0)).toBe(2022 + 1814 + 1356 + 1159);
  });
});
