/** The server kinds the harness drives. */
export const SERVER_KINDS = ['scrawl', 'hocuspocus', 'json', 'ywebsocket'] as const;
export type ServerKind = (typeof SERVER_KINDS)[number];

/** Display names of the server kinds. */
export const KIND_NAMES: Record<ServerKind, string> = {
  scrawl: 'Scrawl (Hocuspocus)',
  hocuspocus: 'Hocuspocus alone',
  json: 'raw JSON relay',
  ywebsocket: 'y-websocket 1.5.4',
};

/** What a load generator needs to set up one room. */
export interface RoomPlan {
  readonly kind: ServerKind;
  /** Index of the room in the step (seeds its trace offset and chat). */
  readonly index: number;
  /** Clients in the room: one drawer, the rest watching. */
  readonly clients: number;
  /** HTTP base URL of each server instance (Scrawl: the API that seats players). */
  readonly http: readonly string[];
  /** WebSocket URL of each server instance; client i of room r uses instance (r + i) mod n. */
  readonly ws: readonly string[];
  /** Whether watchers chat and guess. */
  readonly chat: boolean;
}

/** What a room reports after its run. */
export interface RoomReport {
  /** The room's id on the server (Scrawl's room id; the document name for the baselines). */
  readonly id: string;
  /** Stored documents of the room's canvas, for the stored-bytes query. */
  readonly canvasDocs: readonly string[];
  readonly sentPoints: number;
  readonly sentStrokes: number;
  readonly finishedStrokes: number;
  readonly watchers: number;
  /** Over all watchers: points sent that never arrived. */
  readonly lostPoints: number;
  /** Over all watchers: strokes finished by the drawer that a watcher never saw finished. */
  readonly unfinishedStrokes: number;
}

/** One room of a load generator: its drawer, its watchers, their sockets. */
export interface BenchRoom {
  /** Connects every client, seats them (and starts a turn, for Scrawl); resolves when synced. */
  setup(): Promise<void>;
  /** The drawer starts replaying the trace; watchers start chatting. */
  start(): void;
  /** The drawer lifts the pen and stops; watchers stop chatting. */
  stop(): void;
  /** What was sent and what every watcher received, so far. */
  report(): RoomReport;
  close(): void;
}

/** Which instance client `client` of room `room` connects to. */
export function instanceOf(plan: RoomPlan, client: number): number {
  return (plan.index + client) % plan.ws.length;
}
