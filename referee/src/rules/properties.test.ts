import { describe, expect, it } from '@jest/globals';
import { clientRpcSchema, gameStateSchema, type ClientRpc, type Whisper } from '@scrawl/protocol';
import fc from 'fast-check';
import { letterIndices } from './hints.js';
import { compactText, matchWord, revealsWord } from './normalize.js';
import { publicState } from './publicState.js';
import { createRoomState, step } from './step.js';
import { ROOM_CODE, ROOM_ID, T0, mulberry32, person, pid } from './testKit.js';
import type { Effect, Input, RoomState } from './types.js';

const RUNS = { numRuns: 1000 };
const PLAYERS = ['Ana', 'Ben', 'Cy', 'Dee', 'Eve'];
const EVERYONE = [...PLAYERS, 'Sam'];
const WORDS = [
  'zeppelin',
  'quokka',
  'axolotl',
  'narwhal',
  'tapir',
  'okapi',
  'wombat',
  'kiwi bird',
  'ice cream',
  'Eis-Bär',
];

const presenceOf = (names: readonly string[], now: number): Input => ({
  type: 'presence',
  players: names.map((name) => person(name, name === 'Sam' ? 'spectator' : 'player')),
  now,
});

/** Ways to write a word: exact, shouted, close, inside another, spelled, in a sentence. */
const VARIANTS: ((word: string) => string)[] = [
  (w) => w,
  (w) => w.toUpperCase().replace(/ /g, '-'),
  (w) => w.slice(0, -1),
  (w) => `${w}s`,
  (w) => `x${w}x`,
  (w) => w.split('').join(' '),
  (w) => `is it a ${w}?`,
];

/** Texts that hit the room's words, and others. */
const textArb = fc.oneof(
  fc
    .tuple(fc.constantFrom(...WORDS), fc.nat(VARIANTS.length - 1))
    .map(([word, v]) => VARIANTS[v]!(word)),
  fc.constantFrom('hello', 'nice one', 'shit', 'a blimp', 'no idea', 'ß', '!!!'),
  fc.string({ minLength: 1, maxLength: 20 }),
);

const rpcArb: fc.Arbitrary<ClientRpc> = fc
  .oneof(
    { weight: 6, arbitrary: textArb.map((text) => ({ type: 'guess/send' as const, text })) },
    { weight: 3, arbitrary: textArb.map((text) => ({ type: 'chat/send' as const, text })) },
    {
      weight: 3,
      arbitrary: fc
        .integer({ min: 0, max: 5 })
        .map((index) => ({ type: 'word/choose' as const, index })),
    },
    { weight: 1, arbitrary: fc.constant({ type: 'game/start' as const }) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(...EVERYONE)
        .map((n) => ({ type: 'player/voteKick' as const, playerId: n })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(...EVERYONE)
        .map((n) => ({ type: 'player/kick' as const, playerId: n })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(...EVERYONE)
        .map((n) => ({ type: 'player/report' as const, playerId: n, reason: 'rude' })),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({ rounds: fc.integer({ min: 0, max: 12 }), hints: fc.integer({ min: 0, max: 5 }) })
        .map((patch) => ({ type: 'settings/update' as const, patch })),
    },
  )
  .map((message) => {
    const parsed = clientRpcSchema.safeParse(
      'playerId' in message ? { ...message, playerId: pid(message.playerId) } : message,
    );
    return parsed.success ? parsed.data : { type: 'chat/send' as const, text: 'hi' };
  });

type Event =
  | { kind: 'rpc'; name: string; message: ClientRpc }
  /** A message built from the secret of the moment (the word, or a choice), so guesses hit. */
  | { kind: 'secret'; name: string; variant: number; chat: boolean }
  | { kind: 'presence'; names: string[] }
  | { kind: 'tick' };
/** Inputs after the game started, each with the ms since the one before. */
interface Scenario {
  seed: number;
  events: [number, Event][];
}

/** One input and how long after the previous one it arrives. */
const eventArb: fc.Arbitrary<[number, Event]> = fc.tuple(
  fc.oneof(
    { weight: 3, arbitrary: fc.constant(0) },
    { weight: 4, arbitrary: fc.integer({ min: 1, max: 3_000 }) },
    { weight: 2, arbitrary: fc.integer({ min: 3_000, max: 20_000 }) },
    { weight: 1, arbitrary: fc.integer({ min: 20_000, max: 90_000 }) },
  ),
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .tuple(fc.constantFrom(...EVERYONE), rpcArb)
        .map(([name, message]) => ({ kind: 'rpc' as const, name, message })),
    },
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.constantFrom(...EVERYONE), fc.nat(VARIANTS.length * 5), fc.boolean())
        .map(([name, variant, chat]) => ({ kind: 'secret' as const, name, variant, chat })),
    },
    {
      weight: 1,
      arbitrary: fc.subarray(EVERYONE).map((names) => ({ kind: 'presence' as const, names })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(...EVERYONE)
        .map((gone) => ({ kind: 'presence' as const, names: EVERYONE.filter((n) => n !== gone) })),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'presence' as const, names: EVERYONE }) },
    { weight: 2, arbitrary: fc.constant({ kind: 'tick' as const }) },
  ),
);

const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  seed: fc.integer(),
  events: fc.array(eventArb, { minLength: 1, maxLength: 60 }),
});

/** A room of five players and a spectator, custom words only, short turns, game started. */
function setup(now: number): Input[] {
  const ana = { type: 'rpc', playerId: pid('Ana'), name: 'Ana', now } as const;
  const patch = {
    customWords: WORDS.join(', '),
    customWordsOnly: true,
    drawTimeSeconds: 30,
    afterFirstGuessSeconds: 10,
    rounds: 2,
  };
  return [
    presenceOf(EVERYONE, now),
    { ...ana, message: { type: 'settings/update', patch } },
    { ...ana, message: { type: 'game/start' } },
  ];
}

function toInput(event: Event, now: number, state: RoomState): Input {
  switch (event.kind) {
    case 'tick':
      return { type: 'tick', now };
    case 'presence':
      return presenceOf(event.names, now);
    case 'rpc':
      return {
        type: 'rpc',
        playerId: pid(event.name),
        name: event.name,
        now,
        message: event.message,
      };
    case 'secret': {
      const turn = state.turn;
      const secrets = turn?.word ? [turn.word] : (turn?.choices ?? ['hello']);
      const secret = secrets[event.variant % secrets.length] ?? 'hello';
      const text = VARIANTS[event.variant % VARIANTS.length]!(secret);
      const message = clientRpcSchema.parse({
        type: event.chat ? 'chat/send' : 'guess/send',
        text,
      });
      return { type: 'rpc', playerId: pid(event.name), name: event.name, now, message };
    }
  }
}

function run(
  scenario: Scenario,
  each: (before: RoomState, after: RoomState, effects: Effect[]) => void,
): RoomState {
  const random = mulberry32(scenario.seed);
  let state = createRoomState(ROOM_ID, ROOM_CODE, T0);
  const apply = (input: Input) => {
    const result = step(state, input, random);
    each(state, result.state, result.effects);
    state = result.state;
  };
  let now = T0;
  for (const input of setup(now)) apply(input);
  for (const [gap, event] of scenario.events) {
    now += gap;
    apply(toInput(event, now, state));
  }
  return state;
}

/** Every string in a value, with the path to it. */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => strings(v, `${path}.${k}`));
  }
  return [];
}

const secretOf = (state: RoomState): string | null =>
  state.turn && state.turn.stage === 'drawing' ? state.turn.word : null;

describe('properties', () => {
  it('[V2][D1] never shows the word or the choices to anyone who may not know them', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        run(scenario, (before, after, effects) => {
          const shown = publicState(after);
          const secret = secretOf(after);
          if (secret !== null || after.phase === 'choosing') {
            expect(shown.word).toBeNull();
            const { gameId: _gameId, ...rest } = shown;
            for (const [path, text] of strings(rest)) {
              for (const word of secret !== null ? [secret] : after.turn!.choices) {
                if (compactText(text).includes(compactText(word)))
                  throw new Error(`${path} shows ${word}`);
              }
            }
          }
          // Walk the effects in order, following which word is secret at each moment.
          let word = secretOf(before);
          let choices = before.turn?.stage === 'choosing' ? before.turn.choices : [];
          let drawer = before.turn?.drawerId ?? null;
          let canvas = before.turn?.canvasRound ?? null;
          const solvers = new Set<string>(before.turn?.solves.map((s) => s.playerId) ?? []);
          for (const effect of effects) {
            if (effect.type === 'setDrawers') {
              [drawer, canvas, word] = [effect.playerIds[0] ?? null, effect.canvasRound, null];
              solvers.clear();
            } else if (effect.type === 'record' && effect.record.type === 'turn/start') {
              [word, choices] = [effect.record.word, []];
            } else if (effect.type === 'record' && effect.record.type === 'turn/end') {
              word = null;
            } else if (effect.type === 'record' && effect.record.type === 'game/end') {
              [word, choices] = [null, []];
            } else if (effect.type === 'chat' && effect.line.text.endsWith('turn skipped')) {
              [word, choices] = [null, []];
            } else if (effect.type === 'chat') {
              if (word !== null) expect(revealsWord(effect.line.text, word)).toBe(false);
              for (const choice of choices)
                expect(revealsWord(effect.line.text, choice)).toBe(false);
            } else if (effect.type === 'whisper') {
              const message: Whisper = effect.message;
              if (message.type === 'word/choices') {
                expect(effect.playerId).toBe(drawer);
                choices = message.choices;
              }
              if (message.type === 'guess/correct') solvers.add(effect.playerId);
              if (message.type === 'word/secret') {
                expect(message.canvasRound).toBe(canvas);
                expect(effect.playerId === drawer || solvers.has(effect.playerId)).toBe(true);
              }
              if (message.type === 'chat/private') {
                expect(effect.playerId === drawer || solvers.has(effect.playerId)).toBe(true);
              }
              // The custom words hold the word: nobody is told them while anything is secret.
              if (message.type === 'settings/words') {
                expect(word === null && choices.length === 0).toBe(true);
              }
              if (message.type === 'notice' || message.type === 'guess/close') {
                if (word !== null) expect(matchWord(message.text, word)).not.toBe('exact');
              }
            }
          }
        });
      }),
      RUNS,
    );
  });

  it('[D1][V1][H1] never throws, always publishes a valid state, hints at most half', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        run(scenario, (_before, after) => {
          const shown = gameStateSchema.parse(publicState(after));
          if (shown.hint && after.turn?.word) {
            const letters = letterIndices(after.turn.word).length;
            const revealed = letterIndices(after.turn.word).filter((i) => shown.hint![i] !== null);
            expect(revealed.length).toBeLessThanOrEqual(Math.floor(letters / 2));
            expect(revealed.length).toBeLessThanOrEqual(after.settings.hints);
          }
          for (const seat of after.seats) expect(Number.isInteger(seat.score)).toBe(true);
        });
      }),
      RUNS,
    );
  });

  it('[D1] is deterministic and keeps its states plain JSON', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const first: unknown[] = [];
        const second: unknown[] = [];
        run(scenario, (before, after, effects) => {
          first.push(after, effects);
          expect(isPlainJson(before)).toBe(true);
        });
        run(scenario, (_before, after, effects) => second.push(after, effects));
        expect(second).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });

  it('[D1] leaves a frozen input state untouched', () => {
    const events: [number, Event][] = [
      [1000, { kind: 'rpc', name: 'Ana', message: { type: 'word/choose', index: 0 } }],
      [500, { kind: 'presence', names: ['Ana', 'Ben', 'Cy'] }],
      [500, { kind: 'secret', name: 'Ben', variant: 0, chat: false }],
      [500, { kind: 'secret', name: 'Ben', variant: 0, chat: true }],
      [90_000, { kind: 'tick' }],
    ];
    // Each step's result is frozen before it becomes the next step's input; a write to it
    // would throw (modules are strict).
    let frozenInputs = 0;
    run({ seed: 9, events }, (before, after) => {
      if (Object.isFrozen(before)) frozenInputs++;
      deepFreeze(after);
    });
    expect(frozenInputs).toBe(7);
  });
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** A state is plain JSON (what the adapter saves): it survives a round trip unchanged. */
function isPlainJson(state: RoomState): boolean {
  return JSON.stringify(JSON.parse(JSON.stringify(state))) === JSON.stringify(state);
}
