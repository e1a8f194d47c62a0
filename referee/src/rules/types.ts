import type {
  ChatLine,
  ClientRpc,
  Phase,
  PlayerId,
  PresencePlayer,
  RoomCode,
  RoomId,
  RoomSettings,
  Whisper,
} from '@scrawl/protocol';

/**
 * The referee's rules work on a plain, JSON-serialisable {@link RoomState}: the adapter
 * saves it to Postgres after every step (so another referee resumes exactly where this one
 * stopped) and projects it into the public game document. Rules are pure: time arrives in
 * each input, randomness through the `Random` passed to `step`.
 */

/** A uniform random number in [0, 1), from a seeded source in tests. */
export type Random = () => number;

/** A seat: a player (or spectator) the room knows, present or not. */
export interface Seat {
  id: PlayerId;
  name: string;
  color: string;
  role: 'player' | 'spectator';
  /**
   * The role the player joined as. A player who found the room full sits as a spectator and
   * moves up to player in the lobby when a place frees up.
   */
  requestedRole: 'player' | 'spectator';
  /** When the seat was first seen (arrival order decides host and drawing order). */
  joinedAt: number;
  connected: boolean;
  /** When the seat's last connection went away; null while connected. */
  disconnectedAt: number | null;
  score: number;
  /** Turns in a row this player could guess and sent no guess (0 after any guess). */
  idleTurns: number;
}

/** One correct guess of a turn. */
export interface Solve {
  playerId: PlayerId;
  /** Server time the guess arrived. */
  at: number;
  points: number;
}

/** One drawer's turn. */
export interface Turn {
  /** The canvas of this turn: `room/<id>/canvas/<canvasRound>`. */
  canvasRound: number;
  /** The game round this turn belongs to (1…settings.rounds). */
  round: number;
  drawerId: PlayerId;
  /** The words the drawer may choose from. Secret. */
  choices: string[];
  /** The chosen word, once chosen. Secret until the turn ends. */
  word: string | null;
  stage: 'choosing' | 'drawing' | 'ended';
  /** When the drawer must have chosen (choosing) or when drawing ends (drawing). */
  deadline: number;
  /** When drawing started; null while choosing. */
  drawingStartedAt: number | null;
  /** Indices of `word` revealed as hints so far. */
  revealed: number[];
  solves: Solve[];
  /** Players who sent at least one guess this turn (for idleness). */
  guessers: PlayerId[];
  /** Points gained this turn, by player (drawer included), filled when it ends. */
  gained: Record<string, number>;
  /** Why it ended: everyone solved, time, the drawer left, or the game was stopped. */
  endReason: 'solved' | 'time' | 'drawerGone' | 'stopped' | null;
}

/** A game in progress. */
export interface GameProgress {
  id: string;
  startedAt: number;
  /** The current round, 1…settings.rounds. */
  round: number;
  /** Players still to draw this round, in order. */
  queue: PlayerId[];
  /** Words used in this game, so none comes twice. */
  usedWords: string[];
}

/** Everything the referee knows of one room. */
export interface RoomState {
  /** Bumped when the shape changes; a saved state of another version is migrated or reset. */
  version: 1;
  roomId: RoomId;
  roomCode: RoomCode;
  phase: Phase;
  /** When the current phase ends by itself (turn end, game end); null otherwise. */
  phaseDeadline: number | null;
  settings: RoomSettings;
  hostId: PlayerId | null;
  /** In arrival order. */
  seats: Seat[];
  game: GameProgress | null;
  turn: Turn | null;
  /** The next canvas round to use (canvas rounds count up in a room across games). */
  nextCanvasRound: number;
  /** Vote-kick ballots: target → voters. */
  votes: Record<string, PlayerId[]>;
  /** Removed players and until when (server epoch ms) they may not come back. */
  bans: { playerId: PlayerId; until: number }[];
  /** Recent chat times per player, for the chat rate limit. */
  chatTimes: Record<string, number[]>;
  /** The final places of the last game, shown at game end. */
  podium: { id: PlayerId; name: string; score: number; place: number }[];
  /** Counts the chat lines this room has written; makes each line id unique. */
  lineSeq: number;
}

/** What happens to a room. */
export type Input =
  /** Who is present now (from awareness); the adapter sends it on every change. */
  | { type: 'presence'; players: PresencePlayer[]; now: number }
  /** A player's RPC message, stamped by the collab-server with the sender and arrival time. */
  | { type: 'rpc'; playerId: PlayerId; name: string; message: ClientRpc; now: number }
  /** Time passed: the adapter calls this at `wakeAt(state)` (and whenever it likes). */
  | { type: 'tick'; now: number };

/** A row for Postgres, written in the same transaction as the state that produced it. */
export type DbRecord =
  | {
      type: 'game/start';
      gameId: string;
      at: number;
      settings: RoomSettings;
      playerIds: PlayerId[];
    }
  | {
      type: 'game/end';
      gameId: string;
      at: number;
      scores: { playerId: PlayerId; score: number; place: number }[];
    }
  | {
      type: 'turn/start';
      gameId: string;
      canvasRound: number;
      round: number;
      drawerId: PlayerId;
      word: string;
      at: number;
      deadline: number;
    }
  | {
      type: 'turn/end';
      gameId: string;
      canvasRound: number;
      at: number;
      reason: NonNullable<Turn['endReason']>;
      gained: Record<string, number>;
    }
  | {
      type: 'guess';
      gameId: string;
      canvasRound: number;
      playerId: PlayerId;
      text: string;
      verdict: 'correct' | 'close' | 'wrong';
      points: number;
      at: number;
    }
  | {
      type: 'moderation';
      kind: 'kick' | 'voteKick' | 'vote' | 'report' | 'chatBlocked';
      actorId: PlayerId | null;
      targetId: PlayerId | null;
      reason: string;
      at: number;
    };

/** What the adapter must do after a step, in order. */
export type Effect =
  /** Append a public chat line to the game document. */
  | { type: 'chat'; line: ChatLine }
  /** Send a private message to one player's connections only. */
  | { type: 'whisper'; playerId: PlayerId; message: Whisper }
  /** Tell the collab-server who may draw on a canvas; done (acknowledged) before the state is published. */
  | { type: 'setDrawers'; canvasRound: number; playerIds: PlayerId[] }
  /** Store a row in Postgres (with the state). */
  | { type: 'record'; record: DbRecord }
  /** Close a removed player's connections (they are banned in the state until `until`). */
  | { type: 'kick'; playerId: PlayerId; until: number }
  /** Silence (publish: false) or restore a player's microphone, when voice is on. */
  | { type: 'voice'; playerId: PlayerId; publish: boolean };

/** The result of one step: the next state (a new object; inputs are not mutated) and effects. */
export interface StepResult {
  state: RoomState;
  effects: Effect[];
}
