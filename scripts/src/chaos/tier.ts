/** How hard each scenario pushes: the fast tier runs in `npm test`, the long one on demand. */
export interface Tier {
  name: 'fast' | 'long';
  /** Scenarios the tier leaves out unless named with --only, and why (README). */
  omit: Readonly<Record<string, string>>;
  fuzz: { seeds: number; peers: number; operations: number };
  offline: { rooms: number; clientsPerRoom: number; kills: number; drawSeconds: number };
  graceful: { rooms: number; clientsPerRoom: number; drawSeconds: number };
  badInput: { randomFrames: number; craftedEach: number; loadClients: number };
  /** Rooms playing turns (players, spectators, turns each) beside a crowd drawing in others. */
  secrecy: {
    rooms: number;
    players: number;
    spectators: number;
    turns: number;
    crowd: { rooms: number; perRoom: number };
  };
  /** Black holes each blipped player goes through in turn, while everybody draws. */
  blips: { rooms: number; clientsPerRoom: number; blippedPerRoom: number; holesMs: number[] };
  /** Rooms playing whole games (rounds × players turns) while referees are SIGKILLed. */
  refereeKills: {
    rooms: number;
    players: number;
    spectators: number;
    rounds: number;
    kills: number;
  };
  /** Redis SIGKILLed under two collab-server instances serving the same rooms, for a while. */
  redisOutage: { rooms: number; clientsPerRoom: number; kills: number; outageSeconds: number };
  /**
   * Postgres stopped and the embedded store frozen (at once, each under its own collab-server)
   * while players draw; `leaversPerRoom` of them leave for good meanwhile, every player of the
   * first `emptiedRooms` rooms.
   */
  sqlOutages: {
    rooms: number;
    clientsPerRoom: number;
    leaversPerRoom: number;
    emptiedRooms: number;
    calmSeconds: number;
    outageSeconds: number;
  };
}

export const FAST: Tier = {
  name: 'fast',
  omit: {},
  fuzz: { seeds: 100, peers: 4, operations: 400 },
  offline: { rooms: 5, clientsPerRoom: 10, kills: 3, drawSeconds: 30 },
  graceful: { rooms: 2, clientsPerRoom: 5, drawSeconds: 4 },
  badInput: { randomFrames: 3000, craftedEach: 10, loadClients: 20 },
  secrecy: { rooms: 3, players: 4, spectators: 1, turns: 4, crowd: { rooms: 1, perRoom: 4 } },
  blips: { rooms: 2, clientsPerRoom: 6, blippedPerRoom: 2, holesMs: [2000, 10_000, 45_000] },
  refereeKills: { rooms: 3, players: 4, spectators: 1, rounds: 1, kills: 3 },
  redisOutage: { rooms: 2, clientsPerRoom: 4, kills: 1, outageSeconds: 12 },
  sqlOutages: {
    rooms: 3,
    clientsPerRoom: 4,
    leaversPerRoom: 2,
    emptiedRooms: 1,
    calmSeconds: 3,
    outageSeconds: 30,
  },
};

export const LONG: Tier = {
  name: 'long',
  omit: {},
  fuzz: { seeds: 1000, peers: 5, operations: 600 },
  offline: { rooms: 5, clientsPerRoom: 10, kills: 20, drawSeconds: 150 },
  graceful: { rooms: 3, clientsPerRoom: 8, drawSeconds: 10 },
  badInput: { randomFrames: 10_000, craftedEach: 50, loadClients: 30 },
  secrecy: { rooms: 6, players: 5, spectators: 2, turns: 10, crowd: { rooms: 2, perRoom: 6 } },
  blips: {
    rooms: 4,
    clientsPerRoom: 9,
    blippedPerRoom: 3,
    holesMs: [2000, 10_000, 45_000, 2000, 10_000, 45_000],
  },
  refereeKills: { rooms: 6, players: 4, spectators: 1, rounds: 3, kills: 12 },
  redisOutage: { rooms: 3, clientsPerRoom: 8, kills: 3, outageSeconds: 30 },
  sqlOutages: {
    rooms: 5,
    clientsPerRoom: 8,
    leaversPerRoom: 3,
    emptiedRooms: 2,
    calmSeconds: 10,
    outageSeconds: 30,
  },
};
