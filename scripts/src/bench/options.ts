import { SERVER_KINDS, type ServerKind } from './load/BenchRoom.js';

/** Rooms of each step of the sweep (8 clients each by default). */
export const SWEEP_ROOMS = [10, 20, 40, 60, 80, 100, 120, 150, 180, 220, 260, 300];

export interface BenchOptions {
  readonly help: boolean;
  /** A ≤ 30-second run that checks the harness works (CI); never judges timings. */
  readonly smoke: boolean;
  readonly kinds: readonly ServerKind[];
  readonly clients: number;
  /** Steps of the sweep: rooms per step. */
  readonly rooms: readonly number[];
  readonly warmupMs: number;
  readonly measureMs: number;
  readonly drainMs: number;
  /** Pin the server to core 0 and the load generator to core 1 (taskset). */
  readonly pin: boolean;
  readonly cold: boolean;
  /** Strokes of the big cold-load document, and of the round document. */
  readonly coldStrokes: number;
  readonly roundStrokes: number;
  /** The two-instance Redis run: rooms (0: skip). */
  readonly redisRooms: number;
  /** Run the acceptance step (60 rooms × 8) for Scrawl if the sweep did not reach it. */
  readonly acceptanceRooms: number;
  /** Write a CPU profile of the collab-server at this many rooms (0: none). */
  readonly profileRooms: number;
  readonly chat: boolean;
  /** Where a single Scrawl instance keeps its documents (services mode: Redis). */
  readonly store: 'redis' | 'sql';
  /** Where results go; null: bench-results/ (smoke: a temporary directory). */
  readonly out: string | null;
}

export const HELP = `npm run bench -- [flags]   (node scripts/dist/bench/run.js [flags] runs the harness alone)
  --smoke              a ≤30 s run that checks the harness works (used by npm test)
  --servers a,b        server kinds: ${SERVER_KINDS.join(', ')} (default: all; none: only --profile)
  --rooms 10,20,…      the sweep's steps (default: ${SWEEP_ROOMS.join(',')}); one value: one step
  --clients N          clients per room, one of them drawing (default 8)
  --warmup S --measure S --drain S   seconds per step (default 3, 15, 5)
  --redis-rooms N      rooms of the two-instance Redis run (default 20; 0 skips it)
  --acceptance-rooms N rooms of the acceptance step (default 60; 0 skips it)
  --no-cold            skip the cold-load measurements
  --cold-strokes N     strokes of the big cold-load document (default 10000)
  --profile N          also write a CPU profile of the collab-server at N rooms
  --no-chat            watchers stay silent
  --store redis|sql    where a single Scrawl instance keeps its documents (default redis, as in
                       services mode; sql is the embedded default's store)
  --no-pin             do not pin processes to cores
  --out DIR            where results go (default bench-results/)`;

const DEFAULTS: BenchOptions = {
  help: false,
  smoke: false,
  kinds: SERVER_KINDS,
  clients: 8,
  rooms: SWEEP_ROOMS,
  warmupMs: 3000,
  measureMs: 15_000,
  drainMs: 5000,
  pin: true,
  cold: true,
  coldStrokes: 10_000,
  roundStrokes: 500,
  redisRooms: 20,
  acceptanceRooms: 60,
  profileRooms: 0,
  chat: true,
  store: 'redis',
  out: null,
};

/** The smoke run: every part once, tiny. */
const SMOKE: Partial<BenchOptions> = {
  smoke: true,
  clients: 3,
  rooms: [2],
  warmupMs: 1000,
  measureMs: 3000,
  drainMs: 3000,
  coldStrokes: 300,
  roundStrokes: 50,
  redisRooms: 2,
  acceptanceRooms: 0,
};

type Parsed = { ok: true; options: BenchOptions } | { ok: false; error: string };

/** Parses the command line. */
export function parseOptions(argv: readonly string[]): Parsed {
  const set: Record<string, unknown> = {};
  const number = (flag: string, value: string | undefined): number | string => {
    const parsed = Number(value);
    return value !== undefined && Number.isFinite(parsed) && parsed >= 0
      ? parsed
      : `${flag} needs a number`;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    const numeric: Record<string, [keyof BenchOptions, number]> = {
      '--clients': ['clients', 1],
      '--warmup': ['warmupMs', 1000],
      '--measure': ['measureMs', 1000],
      '--drain': ['drainMs', 1000],
      '--redis-rooms': ['redisRooms', 1],
      '--acceptance-rooms': ['acceptanceRooms', 1],
      '--cold-strokes': ['coldStrokes', 1],
      '--profile': ['profileRooms', 1],
    };
    if (flag === '--help' || flag === '-h') set.help = true;
    else if (flag === '--smoke') Object.assign(set, SMOKE, { ...set });
    else if (flag === '--no-pin') set.pin = false;
    else if (flag === '--no-cold') set.cold = false;
    else if (flag === '--no-chat') set.chat = false;
    else if (flag === '--store') {
      if (value !== 'redis' && value !== 'sql')
        return { ok: false, error: '--store needs redis or sql' };
      set.store = value;
      i++;
    } else if (flag === '--out') {
      if (!value) return { ok: false, error: '--out needs a directory' };
      set.out = value;
      i++;
    } else if (flag === '--servers') {
      const kinds = value === 'none' ? [] : (value ?? '').split(',');
      const unknown = kinds.find((k) => !(SERVER_KINDS as readonly string[]).includes(k));
      if (unknown !== undefined) return { ok: false, error: `unknown server kind "${unknown}"` };
      set.kinds = kinds;
      i++;
    } else if (flag === '--rooms') {
      const rooms = (value ?? '').split(',').map(Number);
      if (rooms.some((r) => !Number.isInteger(r) || r < 1))
        return { ok: false, error: '--rooms needs whole numbers, e.g. 10,20,40' };
      set.rooms = rooms;
      i++;
    } else if (numeric[flag]) {
      const [key, scale] = numeric[flag];
      const parsed = number(flag, value);
      if (typeof parsed === 'string') return { ok: false, error: parsed };
      set[key] = parsed * scale;
      i++;
    } else {
      return { ok: false, error: `unknown flag ${flag}` };
    }
  }
  const options = { ...DEFAULTS, ...set };
  if (options.clients < 2) return { ok: false, error: '--clients must be at least 2' };
  return { ok: true, options };
}
