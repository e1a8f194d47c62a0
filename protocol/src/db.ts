/**
 * Table types of the Postgres schema, shared by every process that reads the database.
 * The migrations in collab-server/src/db/migrations create these tables; they are frozen
 * in time, and these types follow the latest one.
 *
 * `Generated` mirrors kysely's ColumnType structurally, so kysely accepts these types
 * without protocol/ depending on kysely.
 */
export type Generated<T> = {
  readonly __select__: T;
  readonly __insert__: T | undefined;
  readonly __update__: T;
};

export interface RoomsTable {
  id: string;
  code: string;
  is_public: boolean;
  created_at: Generated<Date>;
  /** Last time a player was connected to the room's game document. */
  last_active_at: Generated<Date>;
  /** Connected players, as the referee last saw them (for the public room list). */
  player_count: Generated<number>;
  /** The room's phase, as the referee last saw it. */
  phase: Generated<string>;
}

export interface PlayersTable {
  id: string;
  room_id: string;
  name: string;
  color: string;
  role: 'player' | 'spectator';
  /** The browser's lasting identity (a random id it keeps), to hold bans. */
  device: string | null;
  created_at: Generated<Date>;
}

/**
 * A document's folded state. Loading merges it with every row of the document's log that
 * remains (folded rows are deleted; merging is idempotent, so overlap is harmless).
 */
export interface DocumentsTable {
  name: string;
  state: Uint8Array;
  updated_at: Generated<Date>;
}

/** The append-only log of document updates, with the server time each arrived. */
export interface DocumentUpdatesTable {
  seq: Generated<string>;
  name: string;
  at_ms: string;
  update: Uint8Array;
}

/** Which referee instance drives a room, until when. */
export interface RoomLeasesTable {
  room_id: string;
  owner: string;
  expires_at: Date;
}

/** The players the referee named drawers of a round: only they may write its canvas. */
export interface RoundDrawersTable {
  room_id: string;
  round: number;
  player_id: string;
}

/** The referee's saved state of a room (JSON), fenced by `version`. */
export interface RoomStatesTable {
  room_id: string;
  state: unknown;
  version: string;
  updated_at: Generated<Date>;
}

export interface GamesTable {
  id: string;
  room_id: string;
  settings: unknown;
  player_ids: unknown;
  started_at: Date;
  ended_at: Date | null;
}

/** One drawer's turn, with its word (secret until it ended). */
export interface TurnsTable {
  game_id: string;
  room_id: string;
  canvas_round: number;
  round: number;
  drawer_id: string;
  word: string;
  started_at: Date;
  deadline_at: Date;
  ended_at: Date | null;
  end_reason: string | null;
  gained: unknown;
}

export interface GuessesTable {
  id: Generated<string>;
  room_id: string;
  canvas_round: number;
  player_id: string;
  text: string;
  verdict: 'correct' | 'close' | 'wrong';
  points: number;
  at: Date;
}

export interface GameScoresTable {
  game_id: string;
  player_id: string;
  score: number;
  place: number;
}

export interface ModerationEventsTable {
  id: Generated<string>;
  room_id: string;
  kind: string;
  actor_id: string | null;
  target_id: string | null;
  reason: string;
  at: Date;
}

/** Players removed from a room, and until when they may not come back. */
export interface RoomBansTable {
  room_id: string;
  player_id: string;
  until: Date;
}

/** LiveKit webhook events, as received. */
export interface VoiceEventsTable {
  id: Generated<string>;
  room_id: string;
  player_id: string | null;
  event: string;
  track_kind: string | null;
  at: Date;
}

/** A finished turn's replay container (gzip) and its counts. */
export interface ReplaysTable {
  room_id: string;
  canvas_round: number;
  data: Uint8Array;
  started_at: Date;
  ended_at: Date;
  strokes: number;
  points: number;
  updates: number;
  bytes: number;
  created_at: Generated<Date>;
}

/** A turn's hints and chat lines, on the replay's clock. */
export interface TurnEventsTable {
  id: Generated<string>;
  room_id: string;
  canvas_round: number;
  kind: string;
  payload: unknown;
  at: Date;
}

export interface Database {
  rooms: RoomsTable;
  players: PlayersTable;
  documents: DocumentsTable;
  document_updates: DocumentUpdatesTable;
  room_leases: RoomLeasesTable;
  round_drawers: RoundDrawersTable;
  room_states: RoomStatesTable;
  games: GamesTable;
  turns: TurnsTable;
  guesses: GuessesTable;
  game_scores: GameScoresTable;
  moderation_events: ModerationEventsTable;
  room_bans: RoomBansTable;
  voice_events: VoiceEventsTable;
  replays: ReplaysTable;
  turn_events: TurnEventsTable;
}
