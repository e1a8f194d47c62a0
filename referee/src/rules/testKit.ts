import type {
  ClientRpc,
  PlayerId,
  PresencePlayer,
  RoomCode,
  RoomId,
  Whisper,
} from '@scrawl/protocol';
import { createRoomState, step } from './step.js';
import type { DbRecord, Effect, Input, Random, RoomState } from './types.js';

/**
 * Helpers for the rules' tests: a seeded random, players by name, and a small simulator
 * that feeds inputs through `step` at explicit times and keeps every effect.
 */

/** mulberry32: a tiny seeded PRNG, uniform in [0, 1). */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const ROOM_ID = 'room000000000001' as RoomId;
export const ROOM_CODE = 'K7PQ2X' as RoomCode;
/** The time every simulation starts at (server epoch ms). */
export const T0 = 1_700_000_000_000;

/** A player id made from a lower-case name: "ana" → "ana0000000000000". */
export function pid(name: string): PlayerId {
  return name.toLowerCase().padEnd(16, '0').slice(0, 16) as PlayerId;
}

export function person(name: string, role: 'player' | 'spectator' = 'player'): PresencePlayer {
  return { id: pid(name), name, color: '#336699', role };
}

export class Sim {
  state: RoomState;
  now = T0;
  /** Effects of the last step. */
  effects: Effect[] = [];
  /** Effects of every step so far. */
  log: Effect[] = [];
  readonly random: Random;
  private roles = new Map<string, 'player' | 'spectator'>();
  private present: string[] = [];

  constructor(seed = 1, state?: RoomState) {
    this.random = mulberry32(seed);
    this.state = state ?? createRoomState(ROOM_ID, ROOM_CODE, T0);
  }

  /** Moves the clock to `T0 + ms`. */
  at(ms: number): this {
    this.now = T0 + ms;
    return this;
  }

  /** Moves the clock on by `ms`. */
  wait(ms: number): this {
    this.now += ms;
    return this;
  }

  input(input: Input): Effect[] {
    const result = step(this.state, input, this.random);
    this.state = result.state;
    this.effects = result.effects;
    this.log.push(...result.effects);
    return result.effects;
  }

  tick(): Effect[] {
    return this.input({ type: 'tick', now: this.now });
  }

  /** The people present from now on (names; add `:s` for a spectator, e.g. "Sam:s"). */
  presence(...names: string[]): Effect[] {
    this.present = names.map((entry) => {
      const [name = entry, flag] = entry.split(':');
      if (!this.roles.has(name)) this.roles.set(name, flag === 's' ? 'spectator' : 'player');
      return name;
    });
    return this.input({
      type: 'presence',
      players: this.present.map((name) => person(name, this.roles.get(name))),
      now: this.now,
    });
  }

  join(...names: string[]): Effect[] {
    return this.presence(...this.present, ...names);
  }

  leave(...names: string[]): Effect[] {
    return this.presence(...this.present.filter((name) => !names.includes(name)));
  }

  rpc(name: string, message: ClientRpc): Effect[] {
    return this.input({ type: 'rpc', playerId: pid(name), name, message, now: this.now });
  }

  chat(name: string, text: string): Effect[] {
    return this.rpc(name, { type: 'chat/send', text });
  }

  guess(name: string, text: string): Effect[] {
    return this.rpc(name, { type: 'guess/send', text });
  }

  /** The host starts; the drawer then picks choice `index`. Returns the word. */
  startAndChoose(host: string, index = 0): string {
    this.rpc(host, { type: 'game/start' });
    return this.choose(index);
  }

  /** Replaces the current turn's choices (a fixture: the tests pick the word). */
  offer(...words: string[]): this {
    if (this.state.turn) this.state.turn.choices = words;
    return this;
  }

  /** The current drawer picks choice `index`. Returns the word. */
  choose(index = 0): string {
    const turn = this.state.turn;
    if (!turn) throw new Error('no turn');
    this.input({
      type: 'rpc',
      playerId: turn.drawerId,
      name: turn.drawerId,
      message: { type: 'word/choose', index },
      now: this.now,
    });
    return this.state.turn?.word ?? '';
  }

  /** The name of the current drawer. */
  drawerName(): string {
    const id = this.state.turn?.drawerId;
    return this.state.seats.find((seat) => seat.id === id)?.name ?? '';
  }

  score(name: string): number {
    return this.state.seats.find((seat) => seat.id === pid(name))?.score ?? NaN;
  }

  whispersTo(name: string, effects: Effect[] = this.effects): Whisper[] {
    return effects.flatMap((e) =>
      e.type === 'whisper' && e.playerId === pid(name) ? [e.message] : [],
    );
  }

  notices(name: string, effects: Effect[] = this.effects): string[] {
    return this.whispersTo(name, effects).flatMap((w) => (w.type === 'notice' ? [w.text] : []));
  }

  lines(effects: Effect[] = this.effects): string[] {
    return effects.flatMap((e) => (e.type === 'chat' ? [e.line.text] : []));
  }

  records<T extends DbRecord['type']>(
    type: T,
    effects: Effect[] = this.log,
  ): Extract<DbRecord, { type: T }>[] {
    return effects.flatMap((e) =>
      e.type === 'record' && e.record.type === type
        ? [e.record as Extract<DbRecord, { type: T }>]
        : [],
    );
  }
}
