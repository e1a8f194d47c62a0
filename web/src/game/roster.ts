import type { GameState, PresencePlayer, ScoreboardEntry } from '@scrawl/protocol';

/** One player as the player list shows them. */
export interface RosterEntry {
  readonly id: string;
  readonly name: string;
  readonly color: string;
  /** Null before the referee keeps score (no game state yet). */
  readonly score: number | null;
  /** Place by score during a game (ties share a place); null in the lobby. */
  readonly place: number | null;
  readonly connected: boolean;
  readonly solved: boolean;
  readonly gained: number;
  readonly drawing: boolean;
  readonly host: boolean;
}

/** Who plays and who watches. */
export interface Roster {
  readonly players: readonly RosterEntry[];
  readonly spectators: readonly PresencePlayer[];
}

/** Phases in which a turn is under way, so who draws and who solved are news. */
const TURN_PHASES: ReadonlySet<string> = new Set(['choosing', 'drawing', 'turnEnd']);

function fromScoreboard(entry: ScoreboardEntry, game: GameState): Omit<RosterEntry, 'place'> {
  const inTurn = TURN_PHASES.has(game.phase);
  return {
    id: entry.id,
    name: entry.name,
    color: entry.color,
    // Before the first game there is no score to show.
    score: game.gameId === null ? null : entry.score,
    connected: entry.connected,
    solved: inTurn && entry.solved,
    gained: entry.gained,
    drawing: inTurn && game.drawerIds.includes(entry.id),
    host: entry.id === game.hostId,
  };
}

function fromPresence(player: PresencePlayer): RosterEntry {
  return {
    id: player.id,
    name: player.name,
    color: player.color,
    score: null,
    connected: true,
    solved: false,
    gained: 0,
    drawing: false,
    host: false,
    place: null,
  };
}

/**
 * The player list: the referee's scoreboard once it writes one (seats keep their score
 * while away), else who is present. Everyone present without a seat watches: spectators,
 * and players the room has no place for (the referee seats them as places free up). During
 * a game players are ordered by score, with shared places for ties.
 */
export function buildRoster(game: GameState | null, present: readonly PresencePlayer[]): Roster {
  if (!game) {
    return {
      players: present.filter((p) => p.role === 'player').map(fromPresence),
      spectators: present.filter((p) => p.role === 'spectator'),
    };
  }
  const watching = new Set<string>(present.filter((p) => p.role === 'spectator').map((p) => p.id));
  const base = game.scoreboard
    .filter((entry) => !watching.has(entry.id))
    .map((entry) => fromScoreboard(entry, game));
  const seated = new Set(base.map((entry) => entry.id));
  // Present but not seated: spectators, and players the room has no place for (they watch).
  const spectators = present.filter((p) => !seated.has(p.id));
  const ranked = game.phase !== 'lobby';
  if (!ranked) return { players: base.map((e) => ({ ...e, place: null })), spectators };
  const sorted = [...base].sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
  const players = sorted.map((entry) => ({
    ...entry,
    place: 1 + sorted.filter((other) => (other.score ?? 0) > (entry.score ?? 0)).length,
  }));
  return { players, spectators };
}
